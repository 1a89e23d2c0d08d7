/// Reads Mermaid flowcharts (```mermaid fences whose first statement is `flowchart` or `graph`) into the
/// same `FlowGraph` as flowchart.js, so the engine, scoring, console, reports and SVG need not know which
/// syntax a guide was written in.
public enum MermaidParser {
    /// Whether a Mermaid block is a flowchart at all: its first statement, after blank lines, `%%` comments,
    /// `%%{init}%%` directives and a `---` front matter block, is `flowchart` or `graph`. Sequence diagrams
    /// and the rest are left to whatever draws them.
    public static func isFlowchart(_ text: some StringProtocol) -> Bool {
        guard let keyword = firstKeyword(text) else { return false }
        return keyword == "flowchart" || keyword == "graph" || keyword == "flowchart-elk"
    }

    /// Mermaid's other diagrams (its detectors' keywords): a ```mermaid block that starts with one of them
    /// is not a chart of ours and is left alone. Any other block is read as a flowchart, so one whose
    /// header was forgotten or misspelt is reported rather than silently dropped with its questions.
    static let otherDiagrams: Set<Substring> = [
        "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2", "erDiagram",
        "gantt", "pie", "journey", "gitGraph", "mindmap", "timeline", "quadrantChart", "requirementDiagram",
        "requirement", "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "sankey-beta",
        "sankey", "xychart-beta", "xychart", "block-beta", "block", "packet-beta", "packet", "kanban",
        "architecture-beta", "architecture", "zenuml", "radar-beta", "treemap-beta", "treemap", "info",
        "venn-beta",
    ]

    /// Whether a ```mermaid block holds no flowchart on purpose: it is blank, or another kind of diagram.
    static func isOtherDiagram(_ text: some StringProtocol) -> Bool {
        guard let keyword = firstKeyword(text) else { return true }
        return otherDiagrams.contains(keyword)
    }

    /// Whether the first statement is a flowchart.js definition (`st=>start: …`), which no Mermaid statement
    /// is (`A==>B` has a `=` before its `=>`): a `.mmd` file holding one is read as flowchart.js.
    static func startsLikeFlowchartJS(_ text: some StringProtocol) -> Bool {
        guard let keyword = firstKeyword(text), let arrow = keyword.range(of: "=>"),
              arrow.lowerBound > keyword.startIndex else { return false }
        return keyword[keyword.index(before: arrow.lowerBound)] != "="
    }

    /// The first statement's first word, after front matter, blank lines and `%%` comments; nil when
    /// there is no statement.
    static func firstKeyword(_ text: some StringProtocol) -> Substring? {
        var inFrontMatter = false
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            defer { first = false }
            if first && trimmed == "---" { inFrontMatter = true; continue }
            if inFrontMatter { if trimmed == "---" { inFrontMatter = false }; continue }
            if trimmed.isEmpty || trimmed.hasPrefix("%%") { continue }
            return Substring(trimmed.prefix { $0 != " " && $0 != "\t" && $0 != ";" })
        }
        return nil
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
