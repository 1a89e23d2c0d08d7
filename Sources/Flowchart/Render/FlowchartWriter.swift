import Foundation

/// Writes a graph back as flowchart.js text: definitions in node order, then link chains starting
/// from the start node. The output depends only on the graph's structure, so writing, reading and
/// writing again gives the same text (guides store their diagrams this way).
public enum FlowchartWriter {
    public static func text(_ graph: FlowGraph) -> String {
        var lines: [String] = graph.nodes.map(definition)
        var written = Set<EdgeKey>()
        var order = Array(graph.nodes.indices)
        if let start = graph.start, let s = graph.index(of: start) {
            order.removeAll { $0 == s }
            order.insert(s, at: 0)
        }
        for index in order {
            let node = graph.nodes[index]
            for branch in Branch.allCases {
                guard let edge = graph.edge(from: node.id, branch: branch),
                      written.insert(EdgeKey(from: node.id, branch: branch)).inserted else { continue }
                var chain = node.id + spec(edge) + "->" + edge.to
                var current = edge.to
                // Follow plain `next` links so a chain reads as the author would write it.
                while let next = graph.edge(from: current, branch: .next),
                      written.insert(EdgeKey(from: current, branch: .next)).inserted {
                    chain += spec(next) + "->" + next.to
                    current = next.to
                }
                lines.append(chain)
            }
        }
        for edge in graph.edges where !edge.style.isEmpty {
            lines.append("\(edge.from)@>\(edge.to)(\(styleJSON(edge.style)))")
        }
        return lines.joined(separator: "\n")
    }

    private struct EdgeKey: Hashable {
        var from: String
        var branch: Branch
    }

    static func definition(_ node: Node) -> String {
        var line = node.id
        if !node.parameters.isEmpty {
            line += "(" + node.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + ")"
        }
        line += "=>" + node.type.rawValue
        // A newline inside a label is written as backslash-newline, which no later line can break.
        var text = node.text.replacingOccurrences(of: "\n", with: "\\\n")
        if let state = node.flowstate { text += "|" + state }
        if let function = node.function {
            text += ":$" + function
        } else if let url = node.url {
            // flowchart.js takes the first `[` after `:>` for the target's: a URL's own brackets percent-encoded
            // (the same address), or `…/Array[1]` lost its end and its target (a conversion probe).
            let written = url.replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D")
            text += ":>" + written + (node.urlTarget.map { "[\($0)]" } ?? "")
        }
        if !text.isEmpty { line += ": " + text }
        return line
    }

    private static func spec(_ edge: Edge) -> String {
        var parts: [String] = []
        var branch = edge.branch == .next ? "" : edge.branch.rawValue
        if let label = edge.label { branch += "@" + label }
        if !branch.isEmpty { parts.append(branch) }
        if let direction = edge.direction { parts.append(direction.rawValue) }
        return parts.isEmpty ? "" : "(" + parts.joined(separator: ", ") + ")"
    }

    private static func styleJSON(_ style: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: style, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
