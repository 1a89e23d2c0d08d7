/// Reads Mermaid flowcharts (```mermaid fences whose first statement is `flowchart` or `graph`) into the
/// same `FlowGraph` as flowchart.js, so the engine, scoring, console, reports and SVG need not know which
/// syntax a guide was written in.
public enum MermaidParser {
    /// Whether a Mermaid block is a flowchart at all: its first statement, after blank lines, `%%` comments,
    /// `%%{init}%%` directives and a `---` front matter block, is `flowchart` or `graph`. Sequence diagrams
    /// and the rest are left to whatever draws them.
    public static func isFlowchart(_ text: some StringProtocol) -> Bool {
        var inFrontMatter = false
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            defer { first = false }
            if first && trimmed == "---" { inFrontMatter = true; continue }
            if inFrontMatter { if trimmed == "---" { inFrontMatter = false }; continue }
            if trimmed.isEmpty || trimmed.hasPrefix("%%") { continue }
            let keyword = trimmed.prefix { $0 != " " && $0 != "\t" && $0 != ";" }
            return keyword == "flowchart" || keyword == "graph" || keyword == "flowchart-elk"
        }
        return false
    }

    /// - Parameter firstLine: the line number of the text's first line in the user's file.
    public static func parse(_ text: String, firstLine: Int = 1) -> ParsedFlowchart {
        // Filled in by the Mermaid parser work (issue 16); until then a Mermaid chart reads as empty.
        ParsedFlowchart(graph: FlowGraph(), diagnostics: [])
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
