/// A file to lint or render: a Markdown guide with chart blocks (flowchart.js or Mermaid), or a bare chart
/// file (flowchart.js, or Mermaid when its first statement says so or the file is named `.mmd` and does not
/// start with a flowchart.js definition).
public struct FlowchartDocument: Sendable {
    public struct Chart: Sendable {
        public var name: String
        public var headingPath: [MarkdownHeading]
        public var firstLine: Int
        public var parsed: ParsedFlowchart
        /// The language it is written in.
        public var syntax: DiagramSyntax
    }

    public var charts: [Chart]
    public var isMarkdown: Bool
    /// Findings about the document itself, such as a fence that is never closed.
    public var diagnostics: [Diagnostic]

    /// Markdown when the text has chart fences or the file is named .md; otherwise one bare chart.
    /// The document path of lint, render, guide import and the server: one byte scan, then each chart
    /// parsed where it lies in the text (no block is copied; see MarkdownScanner).
    public init(text: String, path: String) {
        let lower = path.lowercased()
        let namedMarkdown = [".md", ".markdown", ".mdown", ".mkd"].contains { lower.hasSuffix($0) }
        var text = LineEndings.unix(text)
        self = text.withUTF8 { bytes in
            let blocks = MarkdownScanner.scan(bytes).blocks.compactMap { block -> (ScannedBlock, DiagramSyntax)? in
                DiagramSyntax.of(fenceInfo: block.info, bytes: Bytes(rebasing: bytes[block.content])).map { (block, $0) }
            }
            if blocks.isEmpty && !namedMarkdown {
                // A file named .mmd or .mermaid is Mermaid even when its header is missing or misspelt,
                // so it gets that finding instead of a page of flowchart.js errors; unless its text is
                // flowchart.js (`st=>start`), or another Mermaid diagram.
                var syntax = DiagramSyntax.of(bytes: bytes)
                if syntax == .flowchartJS, [".mmd", ".mermaid"].contains(where: { lower.hasSuffix($0) }),
                   !MermaidHead.isOtherDiagram(bytes), !MermaidHead.startsLikeFlowchartJS(bytes) {
                    syntax = .mermaid
                }
                let parsed = syntax.parse(bytes: bytes, 0..<bytes.count, firstLine: 1)
                return FlowchartDocument(charts: [Chart(name: "flowchart", headingPath: [], firstLine: 1, parsed: parsed, syntax: syntax)],
                                         isMarkdown: false, diagnostics: [])
            }
            var document = FlowchartDocument(charts: [], isMarkdown: true, diagnostics: [])
            document.charts.reserveCapacity(blocks.count)
            for (block, syntax) in blocks {
                let firstLine = block.fenceLine + 1
                let name = block.headingPath.last?.text ?? "flowchart at line \(block.fenceLine)"
                document.charts.append(Chart(name: name, headingPath: block.headingPath, firstLine: firstLine,
                                             parsed: syntax.parse(bytes: bytes, block.content, firstLine: firstLine), syntax: syntax))
            }
            for (block, _) in blocks where block.isUnclosed {
                document.diagnostics.append(.neverClosed(info: block.info, fence: block.closingFence, at: block.fenceLine,
                                                         endsBefore: block.endsBefore))
            }
            return document
        }
    }

    private init(charts: [Chart], isMarkdown: Bool, diagnostics: [Diagnostic]) {
        self.charts = charts
        self.isMarkdown = isMarkdown
        self.diagnostics = diagnostics
    }

    /// Every finding in the file, document-level first, then each chart's in line order.
    public var allDiagnostics: [Diagnostic] {
        (diagnostics + charts.flatMap(\.parsed.diagnostics)).sorted { $0.position < $1.position }
    }
}

extension Diagnostic {
    /// A block whose text runs past a heading or another block's fence (`FlowBlock.runsPast`): said at the
    /// block's fence, with the fence to add before that line.
    public static func fenceRunsOn(_ block: FlowBlock) -> Diagnostic? {
        guard let (line, text) = block.runsPast else { return nil }
        let shown = String(text.trimmingCharacters(in: .whitespaces).prefix(40))
        let closer = block.closingFence
        return Diagnostic(.error, .unclosedFence, at: SourcePosition(line: block.fenceLine, column: 1), LocalizedText(
            en: "this \(closer)\(block.info) block is not closed before line \(line) ('\(shown)'): everything up to the next \(closer) is read as this chart; add \(closer) on a line before line \(line)",
            zh: "这个 \(closer)\(block.info) 代码块在第 \(line) 行（'\(shown)'）之前没有闭合：直到下一个 \(closer) 的内容都被当作这张流程图读取；请在第 \(line) 行之前加一行 \(closer)"),
            fix: Fix(start: SourcePosition(line: line, column: 1), end: SourcePosition(line: line, column: 1), replacement: closer + "\n"))
    }
}

extension Diagnostic {
    /// A block never closed, said at its fence by the lint of a bare document, a guide's import and its
    /// conversion alike. `fence` is the block's own (``` or ~~~ or longer), as the author wrote it; with
    /// `endsBefore`, the block is read up to that heading and the fix closes it there.
    public static func neverClosed(info: String, fence: String, at line: Int, endsBefore heading: MarkdownHeading?) -> Diagnostic {
        let place = SourcePosition(line: line, column: 1)
        guard let heading else {
            return Diagnostic(.error, .unclosedFence, at: place, LocalizedText(
                en: "this \(fence)\(info) block is never closed; everything to the end of the file is read as the flowchart",
                zh: "这个 \(fence)\(info) 代码块没有闭合；从这里到文件末尾的内容都会被当作流程图读取"))
        }
        let shown = String(String(repeating: "#", count: heading.level) + " " + heading.text).prefix(40)
        return Diagnostic(.error, .unclosedFence, at: place, LocalizedText(
            en: "this \(fence)\(info) block is never closed; it is read up to line \(heading.line) ('\(shown)'), where the next section begins: add \(fence) on a line before line \(heading.line)",
            zh: "这个 \(fence)\(info) 代码块没有闭合；它被读到第 \(heading.line) 行（'\(shown)'）下一节开始之前为止：请在第 \(heading.line) 行之前加一行 \(fence)"),
            fix: Fix(start: SourcePosition(line: heading.line, column: 1), end: SourcePosition(line: heading.line, column: 1), replacement: fence + "\n"))
    }
}
