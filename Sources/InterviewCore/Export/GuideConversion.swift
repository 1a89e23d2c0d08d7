import Flowchart

/// Rewrites every chart of a guide in the other diagram language and leaves every other byte as it
/// was: front matter, prose, headings and charts already in the target language. Node ids, labels,
/// references, branches and directions come through the shared graph, so the converted guide imports
/// to the same stages, topics, questions and gates (the tests check this on the seed).
public enum GuideConversion {
    public struct Result: Sendable {
        public var markdown: String
        /// Charts rewritten; charts already in the target language are not counted.
        public var converted: Int
        /// Findings in the charts read on the way (a chart with errors is converted as the parser
        /// repaired it, and the finding says where to look), and charts left alone because their fence is never closed.
        public var diagnostics: [GuideDiagnostic]
        /// Of `converted`, the charts that had errors: written as the reader repaired them, so what it
        /// dropped (an undefined node, a broken line) is not in the converted chart, which lints clean.
        public var repaired = 0
        /// Labels written with full-width substitutes, because flowchart.js would read the characters
        /// as syntax (each also a `label-rewritten` warning in `diagnostics`).
        public var rewritten = 0
    }

    public static func convert(_ markdown: String, to target: DiagramSyntax) -> Result {
        // Read with "\n" line ends, written back with the ones the file had.
        let windows = LineEndings.hasWindowsLineEnds(markdown)
        let markdown = LineEndings.unix(markdown)
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var diagnostics: [GuideDiagnostic] = []
        var converted = 0, repaired = 0, rewritten = 0
        // Question ids the front matter names, by chart: an id renamed in a chart is renamed there too.
        let annotated = FrontMatterKeys.hasFrontMatter(lines) ? GuideImporter.annotatedQuestions(markdown) : [:]
        var keyEdits: [FrontMatterKeys.Edit] = []
        // Said once the front matter is done, so "renamed there too" is said only of keys that were.
        var renames: [(chart: String, id: String, new: String, at: SourcePosition, keys: [SourcePosition])] = []
        // Last block first, so the line numbers of the blocks above stay valid as lines are replaced.
        for block in MarkdownFlowReader.flowBlocks(in: markdown).reversed() {
            let source = block.syntax
            guard source != target else { continue }
            guard !block.isUnclosed else {
                var said = Diagnostic.neverClosed(info: block.info, fence: block.closingFence, at: block.fenceLine, endsBefore: block.endsBefore)
                said.text = said.text + LocalizedText(en: "; not converted", zh: "；未转换")
                diagnostics.append(GuideDiagnostic(flowchart: block.name, said))
                continue
            }
            // A block that runs on past the next topic's heading holds that topic too: rewritten, the heading
            // was lost and the two charts merged (the review). Left as it is, and said where to close it.
            if block.isFlowchart, let leak = Diagnostic.fenceRunsOn(block) {
                var said = leak
                said.text = leak.text + LocalizedText(en: "; not converted", zh: "；未转换")
                diagnostics.append(GuideDiagnostic(flowchart: block.name, said))
                continue
            }
            let parsed = source.parse(block.text, firstLine: block.firstLine)
            diagnostics += parsed.diagnostics.map { GuideDiagnostic(flowchart: block.name, $0) }
            let hadErrors = parsed.diagnostics.contains { $0.severity == .error }
            // flowchart.js draws a chart from its link lines: one with questions and no line would come out
            // empty, its questions gone from the guide. Left as it is, and said.
            // And the other way: a flowchart.js chart without link lines draws nothing and asks nothing; in
            // Mermaid its nodes would be questions (a conversion probe). Left as it is, and said.
            if source == .flowchartJS, parsed.graph.edges.isEmpty, !parsed.graph.nodes.isEmpty {
                diagnostics.append(GuideDiagnostic(flowchart: block.name, Diagnostic(.warning, .noLinks,
                    at: SourcePosition(line: block.fenceLine, column: 1), .notConvertedUndrawn(nodes: parsed.graph.nodes.count))))
                continue
            }
            if target == .flowchartJS, parsed.graph.edges.isEmpty, !parsed.graph.nodes.isEmpty {
                diagnostics.append(GuideDiagnostic(flowchart: block.name, Diagnostic(.warning, .noLinks,
                    at: SourcePosition(line: block.fenceLine, column: 1), .notConvertedWithoutLines(nodes: parsed.graph.nodes.count))))
                continue
            }
            let opening = lines[block.fenceLine - 1]
            let indent = String(opening.prefix { $0 == " " })
            let fence = String(opening.dropFirst(indent.count).prefix { $0 == "`" || $0 == "~" })
            var body = write(parsed.graph, as: target).split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
            if body.last == indent { body.removeLast() }
            let replacement = [indent + fence + infoString(target)] + body + [indent + fence]
            lines.replaceSubrange((block.fenceLine - 1)...(block.closingLine - 1), with: replacement)
            converted += 1
            if hadErrors { repaired += 1 }
            let renamed = target == .mermaid ? MermaidWriter.renamedIDs(parsed.graph) : FlowchartJSWriter.renamedIDs(parsed.graph)
            for node in parsed.graph.nodes {
                guard let new = renamed[node.id] else { continue }
                let named = (annotated[block.fenceLine] ?? []).filter { $0.value == node.id }
                let edits = named.map { FrontMatterKeys.Edit(key: $0, new: new) }
                keyEdits += edits
                renames.append((block.name, node.id, new, node.position, edits.map(\.key.position)))
            }
            if target == .mermaid {
                let led = MermaidWriter.rewrittenLabels(parsed.graph)
                diagnostics += led.map { GuideDiagnostic(flowchart: block.name, $0) }
                rewritten += led.count
            }
            if target == .flowchartJS {
                let changed = FlowchartJSWriter.rewrittenLabels(parsed.graph)
                diagnostics += changed.map { GuideDiagnostic(flowchart: block.name, $0) }
                rewritten += changed.count
            }
        }
        let unfound = FrontMatterKeys.rename(keyEdits, in: &lines)
        diagnostics += unfound.map { GuideDiagnostic($0) }
        let missed = Set(unfound.map(\.position))
        for r in renames {
            let renamedThere = !r.keys.isEmpty && r.keys.allSatisfy { !missed.contains($0) }
            diagnostics.append(GuideDiagnostic(flowchart: r.chart, Diagnostic(.warning, .idRenamed, at: r.at,
                .idRenamed(r.id, as: r.new, in: target, frontMatter: renamedThere))))
        }
        // As lint: in a pick list the interviewer picks, so a question no line leads to is no finding
        // (convert warned of the seed's 3.6 where lint did not: a probe).
        if diagnostics.contains(where: { $0.diagnostic.code == .unreachableNode }) {
            let pickLists = Set(GuideImporter.importMarkdown(markdown).guide.topics.filter(\.isPickList).map(\.heading))
            diagnostics.removeAll { $0.diagnostic.code == .unreachableNode && $0.flowchart.map(pickLists.contains) == true }
        }
        diagnostics.sort { $0.diagnostic.position < $1.diagnostic.position }
        let written = lines.joined(separator: "\n")
        return Result(markdown: windows ? LineEndings.windows(written) : written, converted: converted, diagnostics: diagnostics,
                      repaired: repaired, rewritten: rewritten)
    }

    /// A bare chart file (`.mmd`, `.flow`: no Markdown around it) rewritten whole; nil for a Markdown guide.
    /// `convert` looks for fenced charts only, and such a file came back unchanged as "0 charts converted",
    /// with exit status 0 (a probe).
    public static func convertBareChart(_ text: String, path: String, to target: DiagramSyntax) -> Result? {
        let document = FlowchartDocument(text: text, path: path)
        guard !document.isMarkdown, let chart = document.charts.first else { return nil }
        let said = chart.parsed.diagnostics.map { GuideDiagnostic(flowchart: chart.name, $0) }
        guard chart.syntax != target else { return Result(markdown: text, converted: 0, diagnostics: said) }
        let graph = chart.parsed.graph
        if graph.edges.isEmpty, !graph.nodes.isEmpty, chart.syntax == .flowchartJS || target == .flowchartJS {
            let why: LocalizedText = chart.syntax == .flowchartJS ? .notConvertedUndrawn(nodes: graph.nodes.count)
                                                                  : .notConvertedWithoutLines(nodes: graph.nodes.count)
            return Result(markdown: text, converted: 0,
                          diagnostics: said + [GuideDiagnostic(flowchart: chart.name, Diagnostic(.warning, .noLinks, at: SourcePosition(line: 1, column: 1), why))])
        }
        var written = write(graph, as: target)
        if !written.hasSuffix("\n") { written += "\n" }
        let relabelled = target == .mermaid ? MermaidWriter.rewrittenLabels(graph) : FlowchartJSWriter.rewrittenLabels(graph)
        return Result(markdown: LineEndings.hasWindowsLineEnds(text) ? LineEndings.windows(written) : written, converted: 1,
                      diagnostics: said + relabelled.map { GuideDiagnostic(flowchart: chart.name, $0) },
                      repaired: chart.parsed.diagnostics.contains { $0.severity == .error } ? 1 : 0, rewritten: relabelled.count)
    }

    /// A chart's text in the given language.
    public static func write(_ graph: FlowGraph, as syntax: DiagramSyntax) -> String {
        switch syntax {
        case .mermaid: MermaidWriter.write(graph)
        case .flowchartJS: FlowchartJSWriter.write(graph)
        }
    }

    /// The fence's info string: what GitHub and GitLab draw (```mermaid), what Typora and HackMD draw (```flow).
    static func infoString(_ syntax: DiagramSyntax) -> String {
        switch syntax {
        case .mermaid: "mermaid"
        case .flowchartJS: "flow"
        }
    }
}

extension LocalizedText {
    static func notConvertedUndrawn(nodes: Int) -> LocalizedText {
        LocalizedText(
            en: "this chart has \(nodes == 1 ? "a node" : "\(nodes) nodes") and no link lines, so flowchart.js draws nothing and the interview asks nothing of it; in Mermaid \(nodes == 1 ? "it" : "they") would be questions — left in flowchart.js; add its link lines to convert it",
            zh: "这个流程图有 \(nodes) 个节点，却没有连线，flowchart.js 什么也不画，面试也不会问其中的问题；转成 Mermaid 后它们会变成问题——保留为 flowchart.js；加上连线后再转换")
    }

    static func notConvertedWithoutLines(nodes: Int) -> LocalizedText {
        LocalizedText(
            en: "this chart has \(nodes == 1 ? "a question" : "\(nodes) questions") and no lines; flowchart.js draws a chart only from its link lines, so it would come out empty — left in Mermaid; add a line to convert it",
            zh: "这个流程图有 \(nodes) 个节点，却没有连线；flowchart.js 只根据连线画图，转换后会是空的——保留为 Mermaid；加上连线后再转换")
    }
}
