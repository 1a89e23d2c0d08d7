/// Mermaid subgraphs carried through flowchart.js, which has none. Every node keeps its innermost
/// subgraph in the `subgraph` parameter; what a node cannot say (a subgraph's title, the subgraph it is
/// written in, its style) goes on the first node inside it as parameters flowchart.js ignores:
///
///     q3(subgraph=deep,subgraph-title.deep=Deeper questions)=>operation: …
///     q5(subgraph=cluster,subgraph-parent.cluster=deep)=>operation: …
///
/// Reading such a chart gives back the groups (so a guide converted to flowchart.js and back keeps its
/// subgraphs nested and titled, and InterviewFlow still draws their frames). flowchart.js's parameters
/// cannot hold `( ) , =` or a line break, so ids and values have those (and `%`) percent-encoded.
enum GroupParameters {
    static let member = "subgraph"
    static let titlePrefix = "subgraph-title."
    static let parentPrefix = "subgraph-parent."
    static let stylePrefix = "subgraph-style."

    /// Per node index, the parameters to add for flowchart.js: its `subgraph` encoded, and the details of
    /// every group it is the first node of.
    static func annotations(for graph: FlowGraph) -> [Int: [String: String]] {
        guard !graph.groups.isEmpty else { return [:] }
        let innermost = graph.innermostGroups()
        var host = [Int?](repeating: nil, count: graph.groups.count)
        for (n, g) in innermost.enumerated() where g >= 0 {
            for k in graph.groups.chain(from: g, limit: graph.groups.count) where host[k] == nil { host[k] = n }
        }
        var out: [Int: [String: String]] = [:]
        for (n, node) in graph.nodes.enumerated() {
            if let sub = node.parameters[member] { out[n, default: [:]][member] = encode(sub) }
        }
        for (k, group) in graph.groups.enumerated() {
            guard let n = host[k] else { continue }   // an empty subgraph: no node to carry it
            let id = encode(group.id)
            if group.title != group.id { out[n, default: [:]][titlePrefix + id] = encode(group.title) }
            if let parent = group.parent { out[n, default: [:]][parentPrefix + id] = encode(graph.groups[parent].id) }
            if let style = group.style { out[n, default: [:]][stylePrefix + id] = encode(style) }
        }
        return out
    }

    /// The groups a flowchart.js chart's parameters name, parents before children, with the detail
    /// parameters taken off the nodes and `subgraph` decoded. A parent loop (only in a hand-edited chart)
    /// is cut where it closes.
    static func readGroups(into graph: inout FlowGraph) {
        var ids: [String] = []
        var seen: Set<String> = []
        var title: [String: String] = [:], parent: [String: String] = [:], style: [String: String] = [:]
        func note(_ id: String) { if seen.insert(id).inserted { ids.append(id) } }
        for n in graph.nodes.indices {
            let parameters = graph.nodes[n].parameters
            guard parameters.keys.contains(where: { $0.hasPrefix(member) }) else { continue }
            var kept: [String: String] = [:]
            for (key, value) in parameters {
                if key == member {
                    let id = decode(value)
                    kept[key] = id
                    note(id)
                } else if let id = detail(key, titlePrefix) {
                    title[id] = decode(value)
                    note(id)
                } else if let id = detail(key, parentPrefix) {
                    parent[id] = decode(value)
                    note(id)
                    note(decode(value))
                } else if let id = detail(key, stylePrefix) {
                    style[id] = decode(value)
                    note(id)
                } else {
                    kept[key] = value
                }
            }
            graph.updateNode(n) { $0.parameters = kept }
        }
        // Parents first: each group after the chain of groups it is written in.
        var ordered: [String] = [], placed: Set<String> = []
        for id in ids {
            var chain: [String] = [], current: String? = id
            while let c = current, !placed.contains(c), !chain.contains(c) {
                chain.append(c)
                current = parent[c]
            }
            for c in chain.reversed() where placed.insert(c).inserted { ordered.append(c) }
        }
        var index: [String: Int] = [:]
        graph.groups = ordered.enumerated().map { k, id in
            index[id] = k
            // A parent not placed before this group closes a loop: the group goes to the top instead.
            return NodeGroup(id: id, title: title[id] ?? id, parent: parent[id].flatMap { index[$0] }, style: style[id])
        }
    }

    private static func detail(_ key: String, _ prefix: String) -> String? {
        key.hasPrefix(prefix) ? decode(String(key.dropFirst(prefix.count))) : nil
    }

    /// `%`, `(`, `)`, `,`, `=`, `|`, `>` and control characters as `%XX` (UTF-8 bytes); everything else as
    /// is. `>`: a title "Deep -> part" made the node's definition line read as a link (a probe).
    static func encode(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if "%(),=|>".unicodeScalars.contains(scalar) || scalar.properties.generalCategory == .control {
                for byte in String(scalar).utf8 { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The reverse of `encode`; a `%` not followed by two hex digits stays as written.
    static func decode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hex(utf8[i + 1]), let low = hex(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
