import Foundation

/// A graph as flowchart.js text, for a chart first written in Mermaid. The text itself comes from
/// `FlowchartWriter` (what guides already store); this makes the graph fit flowchart.js first:
/// - ids flowchart.js cannot read (spaces, `()=>@:|,`) are rewritten, see `ConvertIDs`;
/// - a label with `|` gets a trailing `|`, so flowchart.js takes an empty flowstate and keeps the text;
/// - a node label's `=>`, `:>` and `:$` get a full-width `＞` or `＄`: flowchart.js would drop the text
///   after a second `=>` and read the others as a link or a function, losing the text after them;
/// - a line label loses `,` `(` `)` (written full-width), which would end flowchart.js's `(yes@label)`,
///   and the `>` of a `=>` or `->` in it (full-width), which made the link line a definition or split it;
/// - a label's last `\` is written full-width (`＼`): flowchart.js glues the next line to a line ending in
///   a backslash, and the next node vanished into this one;
/// - node parameters flowchart.js cannot hold (values with `(),=`) are left out;
/// - subgraphs go into parameters flowchart.js ignores, so they come back on reading (`GroupParameters`).
public enum FlowchartJSWriter {
    public static func write(_ graph: FlowGraph) -> String {
        let mapping = ConvertIDs.rewrite(graph, isLegal: isLegalID, legalCharacter: isLegalCharacter, reserved: [])
        var copy = ConvertIDs.renamed(graph, mapping, label: edgeLabel)
        var fitted = FlowGraph()
        // `renamed` keeps the nodes in order, so the original graph's indices name the same nodes.
        let groups = GroupParameters.annotations(for: graph)
        for (n, var node) in copy.nodes.enumerated() {
            node.text = nodeLabel(node.text)
            if node.text.contains("|") && node.flowstate == nil { node.flowstate = "" }
            // Mermaid's `_blank` is flowchart.js's `[blank]` (its docs' spelling): back in Mermaid it is `_blank` again.
            if let target = node.urlTarget, target.hasPrefix("_"), MermaidWriter.windowTargets.contains(String(target.dropFirst())) {
                node.urlTarget = String(target.dropFirst())
            }
            // `fill:rgb(255,0,0)`: a parameter with `(` `,` cannot be held and was dropped with the colour; as
            // `#ff0000` it is the same colour (a conversion probe).
            if let style = node.parameters["style"] { node.parameters["style"] = StyleColors.holdable(style) }
            node.parameters = node.parameters.merging(groups[n] ?? [:]) { _, encoded in encoded }
                .filter { isPlainParameter($0.key) && isPlainParameter($0.value) }
            fitted.define(node)
        }
        for edge in copy.edges { fitted.link(edge) }
        fitted.start = copy.start
        copy = fitted
        return FlowchartWriter.text(copy)
    }

    /// The labels `write` cannot keep as they are, each a warning where it is written in `graph`'s
    /// source: the converted guide's text differs there, and saying nothing left an author to find
    /// `a =＞ b` in a question (and a `guide diff` of a round trip) on their own.
    /// The ids this writer changes (characters a flowchart.js key cannot hold), old to new.
    public static func renamedIDs(_ graph: FlowGraph) -> [String: String] {
        ConvertIDs.rewrite(graph, isLegal: isLegalID, legalCharacter: isLegalCharacter, reserved: []).filter { $0.key != $0.value }
    }

    public static func rewrittenLabels(_ graph: FlowGraph) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for node in graph.nodes {
            let written = nodeLabel(node.text)
            if written != node.text {
                found.append(Diagnostic(.warning, .labelRewritten, at: node.position, .labelRewritten(node.text, as: written)))
            }
        }
        for edge in graph.edges {
            guard let label = edge.label else { continue }
            let written = edgeLabel(label)
            if written != label { found.append(Diagnostic(.warning, .labelRewritten, at: edge.position, .labelRewritten(label, as: written))) }
        }
        return found.sorted { $0.position < $1.position }
    }

    static func isLegalCharacter(_ c: Unicode.Scalar) -> Bool {
        !c.properties.isWhitespace && !"()=>@:|,;\"[]{}\\".unicodeScalars.contains(c)
    }

    static func isLegalID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy(isLegalCharacter)
    }

    /// `>` too: `a->b` in a value made the definition line read as a link, and the node was lost (a probe).
    private static func isPlainParameter(_ text: String) -> Bool {
        !text.unicodeScalars.contains { "(),=>\n".unicodeScalars.contains($0) }
    }

    private static func nodeLabel(_ label: String) -> String {
        var label = label
        if label.contains("=>") || label.contains(":>") || label.contains(":$") {
            label = label.replacingOccurrences(of: "=>", with: "=＞").replacingOccurrences(of: ":>", with: ":＞")
                .replacingOccurrences(of: ":$", with: ":＄")
        }
        return withoutTrailingBackslash(label)
    }

    private static func edgeLabel(_ label: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for c in label.unicodeScalars {
            switch c {
            case ",": out += "，"
            case "(": out += "（"
            case ")": out += "）"
            case "\n": out += " "
            case ">" where previous == "=" || previous == "-": out += "＞"
            default: out.unicodeScalars.append(c)
            }
            previous = c
        }
        return withoutTrailingBackslash(out)
    }

    private static func withoutTrailingBackslash(_ text: String) -> String {
        text.hasSuffix("\\") ? String(text.dropLast()) + "＼" : text
    }
}

extension LocalizedText {
    static func labelRewritten(_ label: String, as written: String) -> LocalizedText {
        // A line's label with a line break (`|yes<br>go deeper|`) is written on one line: flowchart.js's
        // link syntax has no room for one. That is not a full-width character, and the raw newline
        // broke the message's own line.
        let shown = label.replacingOccurrences(of: "\n", with: " ⏎ ")
        let broken = label.contains("\n")
        let wide = written != label.replacingOccurrences(of: "\n", with: " ")
        if broken && !wide {
            return LocalizedText(
                en: "flowchart.js cannot hold a line break in a line's label: '\(shown)' is written on one line, '\(written)', and stays so if converted back",
                zh: "flowchart.js 的连线标签中不能换行：“\(shown)”已写成一行“\(written)”，转换回去后仍是如此")
        }
        return LocalizedText(
            en: "flowchart.js cannot hold the label '\(shown)' as it is ('=>', ':>', ',', '(', ')' or a last '\\' would be read as syntax\(broken ? ", and a line's label has no line breaks" : "")): it is written '\(written)', with full-width characters, and stays so if converted back",
            zh: "flowchart.js 无法原样保存标签“\(shown)”（'=>'、':>'、','、'('、')' 或结尾的 '\\' 会被当作语法\(broken ? "，连线标签中也不能换行" : "")）：已写成“\(written)”，使用全角字符，转换回去后仍是如此")
    }
}
