import Foundation

extension FlowLayout {
    /// The layout as JSON for tools and tests. Written by hand rather than with `JSONEncoder` so the key
    /// order and number formatting (0.1 px) are fixed and the bytes are identical run to run.
    public func jsonData() -> Data {
        var out = #"{"nodes":["#
        for (index, node) in nodes.enumerated() {
            if index > 0 { out += "," }
            out += #"{"id":"# + LayoutJSONString.quoted(node.id)
            out += #","type":"# + LayoutJSONString.quoted(node.type)
            out += #","x":"# + LayoutNumber.compact(node.x)
            out += #","y":"# + LayoutNumber.compact(node.y)
            out += #","width":"# + LayoutNumber.compact(node.width)
            out += #","height":"# + LayoutNumber.compact(node.height) + "}"
        }
        out += #"],"edges":["#
        for (index, edge) in edges.enumerated() {
            if index > 0 { out += "," }
            out += #"{"from":"# + LayoutJSONString.quoted(edge.from)
            out += #","to":"# + LayoutJSONString.quoted(edge.to)
            out += #","branch":"# + LayoutJSONString.quoted(edge.branch)
            if let label = edge.label { out += #","label":"# + LayoutJSONString.quoted(label) }
            out += #","points":["#
            out += edge.points.map { "[" + LayoutNumber.compact($0[0]) + "," + LayoutNumber.compact($0[1]) + "]" }
                .joined(separator: ",")
            out += "]}"
        }
        // Always present, empty when nothing is framed, so a tool reads one shape.
        out += #"],"groups":["#
        out += frames.map { frame in
            #"{"id":"# + LayoutJSONString.quoted(frame.id) + #","title":"# + LayoutJSONString.quoted(frame.title)
                + #","parent":"# + (frame.parent.map(LayoutJSONString.quoted) ?? "null")
                + #","x":"# + LayoutNumber.compact(frame.x) + #","y":"# + LayoutNumber.compact(frame.y)
                + #","width":"# + LayoutNumber.compact(frame.width) + #","height":"# + LayoutNumber.compact(frame.height)
                + #","depth":\#(frame.depth)}"#
        }.joined(separator: ",")
        out += "]}"
        return Data(out.utf8)
    }
}

enum LayoutJSONString {
    /// A JSON string literal; non-ASCII stays as UTF-8, control characters become escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
