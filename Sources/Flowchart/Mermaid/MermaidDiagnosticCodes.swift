/// Findings only Mermaid text can have. Added beside the flowchart.js codes (which Mermaid findings reuse
/// where the meaning is the same: unknown-direction, empty-link, undefined-node, unreachable-node,
/// condition-missing-branch).
extension DiagnosticCode {
    public static let missingHeader: DiagnosticCode = "missing-header"
    public static let unexpectedText: DiagnosticCode = "unexpected-text"
    public static let unclosedBracket: DiagnosticCode = "unclosed-bracket"
    public static let unclosedQuote: DiagnosticCode = "unclosed-quote"
    public static let unclosedSubgraph: DiagnosticCode = "unclosed-subgraph"
    public static let unmatchedEnd: DiagnosticCode = "unmatched-end"
    public static let endAsNodeID: DiagnosticCode = "end-as-node-id"
    public static let keywordAsNodeID: DiagnosticCode = "keyword-as-node-id"
    public static let unknownShape: DiagnosticCode = "unknown-shape"
    public static let unquotedParentheses: DiagnosticCode = "unquoted-parentheses"
    public static let gateLabelUnclear: DiagnosticCode = "gate-label-unclear"
    public static let unlabelledGateEdge: DiagnosticCode = "unlabelled-gate-edge"
    public static let duplicateGateLabel: DiagnosticCode = "duplicate-gate-label"
    public static let tooManyBranches: DiagnosticCode = "too-many-branches"
    public static let emptySubgraph: DiagnosticCode = "empty-subgraph"
    public static let duplicateSubgraph: DiagnosticCode = "duplicate-subgraph"
    public static let noSuchLink: DiagnosticCode = "no-such-link"
    public static let questionForks: DiagnosticCode = "question-forks"
    public static let fullWidthSyntax: DiagnosticCode = "full-width-syntax"
    public static let nodeRelabelled: DiagnosticCode = "node-relabelled"
    public static let nodeHidesSubgraph: DiagnosticCode = "node-hides-subgraph"
    public static let gluedArrowHead: DiagnosticCode = "glued-arrow-head"
    public static let questionReadAsEnd: DiagnosticCode = "question-read-as-end"
}
