/// A place in the user's file. Lines and columns start at 1; a column counts Unicode scalars,
/// so a Chinese label is one column per character, whatever its UTF-8 length.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

public enum Severity: String, Hashable, Comparable, Sendable, Codable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A likely repair: replace the text between `start` (inclusive) and `end` (exclusive) on one line.
public struct Fix: Hashable, Sendable, Codable {
    public var start: SourcePosition
    public var end: SourcePosition
    public var replacement: String

    public init(start: SourcePosition, end: SourcePosition, replacement: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }
}

/// One finding about a flowchart: what is wrong, where, and how to mend it when we can guess.
/// The text exists in English and Chinese; the user's tool picks one.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var position: SourcePosition
    public var text: LocalizedText
    public var fix: Fix?

    /// The English text: what tests and English-only tools match on.
    public var message: String { text.en }

    public init(_ severity: Severity, _ code: DiagnosticCode, at position: SourcePosition, _ text: LocalizedText, fix: Fix? = nil) {
        self.severity = severity
        self.code = code
        self.position = position
        self.text = text
        self.fix = fix
    }
}

/// Encoded with `message` (English) beside `text`, so readers of the older English-only shape keep working.
extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey {
        case severity, code, position, message, text, fix
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        severity = try c.decode(Severity.self, forKey: .severity)
        code = try c.decode(DiagnosticCode.self, forKey: .code)
        position = try c.decode(SourcePosition.self, forKey: .position)
        if let text = try c.decodeIfPresent(LocalizedText.self, forKey: .text) {
            self.text = text
        } else {
            // An English-only finding from before translations: shown in English either way.
            let message = try c.decode(String.self, forKey: .message)
            text = LocalizedText(en: message, zh: message)
        }
        fix = try c.decodeIfPresent(Fix.self, forKey: .fix)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(position, forKey: .position)
        try c.encode(text.en, forKey: .message)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(fix, forKey: .fix)
    }
}

/// Stable names for each kind of finding, so tools and tests can match them without parsing prose.
/// A struct rather than an enum so other modules (guide checks) add codes of their own.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static let unknownType: DiagnosticCode = "unknown-type"
    public static let missingSpaceAfterColon: DiagnosticCode = "missing-space-after-colon"
    public static let spacesAroundArrow: DiagnosticCode = "spaces-around-arrow"
    public static let undefinedNode: DiagnosticCode = "undefined-node"
    public static let forwardReference: DiagnosticCode = "forward-reference"
    public static let brokenArrow: DiagnosticCode = "broken-arrow"
    public static let emptyLink: DiagnosticCode = "empty-link"
    public static let duplicateKey: DiagnosticCode = "duplicate-key"
    public static let branchReassigned: DiagnosticCode = "branch-reassigned"
    public static let conditionMissingBranch: DiagnosticCode = "condition-missing-branch"
    public static let unlinkedNode: DiagnosticCode = "unlinked-node"
    public static let unreachableNode: DiagnosticCode = "unreachable-node"
    public static let invalidStyle: DiagnosticCode = "invalid-style"
    public static let styleWithoutLine: DiagnosticCode = "style-without-line"
    public static let pipeInLabel: DiagnosticCode = "pipe-in-label"
    public static let arrowInLabel: DiagnosticCode = "arrow-in-label"
    public static let commentLine: DiagnosticCode = "comment-line"
    public static let ignoredLine: DiagnosticCode = "ignored-line"
    public static let unknownBranch: DiagnosticCode = "unknown-branch"
    public static let unknownDirection: DiagnosticCode = "unknown-direction"
    public static let branchOnWrongType: DiagnosticCode = "branch-on-wrong-type"
    public static let emptyKey: DiagnosticCode = "empty-key"
    public static let noLinks: DiagnosticCode = "no-links"
    public static let unclosedFence: DiagnosticCode = "unclosed-fence"
    /// Said by a conversion to flowchart.js, never by a reader: a label written with a substitute.
    public static let labelRewritten: DiagnosticCode = "label-rewritten"
    /// Said by a conversion, never by a reader: a node id the target syntax cannot hold, written another way.
    public static let idRenamed: DiagnosticCode = "id-renamed"
}
