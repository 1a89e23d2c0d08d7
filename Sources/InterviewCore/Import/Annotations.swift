import Flowchart
import Yams

/// Scoring annotations as written in the front matter, each with the line it is on, before they
/// are checked against the guide's structure. See docs/guide-format.md for the schema.
struct Annotations {
    struct Located<Value> {
        var value: Value
        var position: SourcePosition
    }

    struct QuestionNote {
        var id: Located<String>
        /// The question-bank id (`id:`), checked by `QuestionBankID.check`.
        var bankID: Located<String>?
        var weight: Double?
        var dimensions: [String]?
        var reference: String?
        var rubric: [Located<Int>: String] = [:]
    }

    struct TopicNote {
        var key: Located<String>
        var weight: Double?
        var knockout: Double?
        /// Where the knockout is set, for the finding that no candidate can pass it without going deeper.
        var knockoutAt: SourcePosition?
        var pickList: Bool?
        var questions: [QuestionNote] = []
    }

    struct BandNote {
        var id: String
        var label: String
        var minimum: Double
        var maximum: Double?
        var position: SourcePosition
    }

    var id: String?
    var title: String?
    var language: String?
    var audience: String?
    var scale: [Int: String]?
    var scalePosition: SourcePosition?
    var stages: [Located<String>: Int] = [:]
    var topics: [TopicNote] = []
    var bands: [BandNote]?
}

extension Annotations.Located: Hashable where Value: Hashable {}
extension Annotations.Located: Equatable where Value: Equatable {}

extension Annotations {
    /// Reads the YAML; type mistakes become diagnostics and the value is left out.
    static func read(_ frontMatter: FrontMatter, diagnostics: inout [GuideDiagnostic]) -> Annotations {
        var reader = AnnotationReader(lineOffset: frontMatter.firstLine - 1)
        let notes = reader.read(reader.repairingWideColons(frontMatter.yaml))
        diagnostics += reader.diagnostics.map { GuideDiagnostic($0) }
        return notes
    }
}
