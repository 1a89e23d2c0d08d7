import Flowchart

/// A finding about a guide: a flowchart diagnostic named by its topic, or a guide-level one
/// (annotations, numbering, structure). Lines are the guide file's.
public struct GuideDiagnostic: Hashable, Sendable {
    /// The flowchart's heading when the finding is inside one.
    public var flowchart: String?
    public var diagnostic: Diagnostic

    public init(flowchart: String? = nil, _ diagnostic: Diagnostic) {
        self.flowchart = flowchart
        self.diagnostic = diagnostic
    }
}

extension DiagnosticCode {
    public static let duplicateSection: DiagnosticCode = "duplicate-section"
    public static let pickListGuidance: DiagnosticCode = "pick-list-guidance"
    public static let nothingToAsk: DiagnosticCode = "nothing-to-ask"
    public static let frontMatter: DiagnosticCode = "front-matter"
    public static let unknownAnnotation: DiagnosticCode = "unknown-annotation"
    public static let invalidAnnotation: DiagnosticCode = "invalid-annotation"
    public static let overlappingBands: DiagnosticCode = "overlapping-bands"
    public static let topicWithoutQuestions: DiagnosticCode = "topic-without-questions"
    public static let chartOutsideStages: DiagnosticCode = "chart-outside-stages"
    public static let unclosedComment: DiagnosticCode = "unclosed-comment"
    public static let textAfterComment: DiagnosticCode = "text-after-comment"
    public static let extraChart: DiagnosticCode = "extra-chart"
    public static let callToUnknownTopic: DiagnosticCode = "call-to-unknown-topic"
    public static let pointlessGate: DiagnosticCode = "pointless-gate"
    public static let noStages: DiagnosticCode = "no-stages"
    public static let knockoutNeedsDepth: DiagnosticCode = "knockout-needs-depth"
    public static let codeReadAsReference: DiagnosticCode = "code-read-as-reference"
    public static let loopAsksNothingNew: DiagnosticCode = "loop-asks-nothing-new"
    /// A heading under a stage with no chart and no topic under it: nothing of it reaches the interview.
    public static let sectionAskedNowhere: DiagnosticCode = "section-asked-nowhere"
    /// A ```mermaid or ```flow fence inside a quote or an Obsidian callout (`> ```mermaid`): not read.
    public static let chartInQuote: DiagnosticCode = "chart-in-quote"
}

/// A guide as read from a file: the best guide we could build, and what is wrong with the file.
public struct ImportedGuide: Sendable {
    public var guide: Guide
    public var diagnostics: [GuideDiagnostic]
    /// How many flowcharts the file has, used or not.
    public var chartCount: Int

    public var errors: [GuideDiagnostic] { diagnostics.filter { $0.diagnostic.severity == .error } }
}
