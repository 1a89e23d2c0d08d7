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
    /// How the chart maps onto the graph is told in `MermaidGraphBuilder` and docs/mermaid.md.
    public static func parse(_ text: String, firstLine: Int = 1) -> ParsedFlowchart {
        var text = text
        return text.withUTF8 { parse(bytes: $0, firstLine: firstLine) }
    }

    /// `parse(_:firstLine:)` over UTF-8 bytes that came from a String (valid, and cut at line breaks), so
    /// a ```mermaid block is read where it lies in its document.
    static func parse(bytes: Bytes, firstLine: Int) -> ParsedFlowchart {
        var reader = MermaidReader(bytes, firstLine: firstLine)
        reader.readChart()
        let graph = reader.buildGraph()
        var diagnostics = reader.diagnostics
        if diagnostics.count > 1 {
            // By position, errors before warnings at the same place, as the flowchart.js parser sorts.
            diagnostics.sort { $0.position != $1.position ? $0.position < $1.position : $0.severity > $1.severity }
        }
        // Nothing that points into `bytes` outlives this call: the graph holds Strings.
        return ParsedFlowchart(graph: graph, diagnostics: diagnostics)
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
