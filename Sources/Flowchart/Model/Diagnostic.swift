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
public struct Diagnostic: Hashable, Sendable, Codable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var position: SourcePosition
    public var message: String
    public var fix: Fix?

    public init(_ severity: Severity, _ code: DiagnosticCode, at position: SourcePosition, _ message: String, fix: Fix? = nil) {
        self.severity = severity
        self.code = code
        self.position = position
        self.message = message
        self.fix = fix
    }
}

/// Stable names for each kind of finding, so tools and tests can match them without parsing prose.
public enum DiagnosticCode: String, Hashable, Sendable, Codable, CaseIterable {
    case unknownType = "unknown-type"
    case missingSpaceAfterColon = "missing-space-after-colon"
    case spacesAroundArrow = "spaces-around-arrow"
    case undefinedNode = "undefined-node"
    case forwardReference = "forward-reference"
    case brokenArrow = "broken-arrow"
    case emptyLink = "empty-link"
    case duplicateKey = "duplicate-key"
    case branchReassigned = "branch-reassigned"
    case conditionMissingBranch = "condition-missing-branch"
    case unlinkedNode = "unlinked-node"
    case unreachableNode = "unreachable-node"
    case invalidStyle = "invalid-style"
    case styleWithoutLine = "style-without-line"
    case pipeInLabel = "pipe-in-label"
    case arrowInLabel = "arrow-in-label"
    case commentLine = "comment-line"
    case ignoredLine = "ignored-line"
    case unknownBranch = "unknown-branch"
    case unknownDirection = "unknown-direction"
    case branchOnWrongType = "branch-on-wrong-type"
    case emptyKey = "empty-key"
    case noLinks = "no-links"
    case unclosedFence = "unclosed-fence"
}
