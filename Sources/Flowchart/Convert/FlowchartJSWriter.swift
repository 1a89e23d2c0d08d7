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
            node.parameters = node.parameters.merging(groups[n] ?? [:]) { _, encoded in encoded }
                .filter { isPlainParameter($0.key) && isPlainParameter($0.value) }
            fitted.define(node)
        }
        for edge in copy.edges { fitted.link(edge) }
        fitted.start = copy.start
        copy = fitted
        return FlowchartWriter.text(copy)
    }

    static func isLegalCharacter(_ c: Unicode.Scalar) -> Bool {
        !c.properties.isWhitespace && !"()=>@:|,;\"[]{}\\".unicodeScalars.contains(c)
    }

    static func isLegalID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy(isLegalCharacter)
    }

    private static func isPlainParameter(_ text: String) -> Bool {
        !text.unicodeScalars.contains { "(),=\n".unicodeScalars.contains($0) }
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
