/// A graph as a Mermaid flowchart that `MermaidParser` reads back to the same graph (same ids where
/// Mermaid can hold them, types, texts, branches and start) — the reverse of the rules in docs/mermaid.md:
/// - every node is declared first, in graph order, with the shape its type reads from: `(["…"])` for
///   start/end, `{"…"}` gates, `[["…"]]` subroutines, `[/"…"/]` input/output, `@{ shape: fork, … }` a
///   parallel that is an instruction, `["…"]` the rest (a parallel marked `ask=yes` is a question that
///   forks: a box with 2–3 lines out reads back as one);
/// - then each node's lines in branch order, the start node's first (the start is the first link's
///   source); gate lines carry their label or yes/no; fork paths come out in path order;
/// - the chart's direction is the one most `next` lines leave by (TD when they carry none);
/// - subgraphs nested with their titles (the graph's groups), class and style parameters, links and line
///   styles are written back as Mermaid statements.
/// Labels are quoted and escaped (`#quot;`, `<br>`), so Chinese text and "(reference)" answers survive.
public enum MermaidWriter {
    public static func write(_ graph: FlowGraph, indent: String = "    ") -> String {
        let mapping = ConvertIDs.rewrite(graph, isLegal: isLegalID, legalCharacter: isLegalCharacter, reserved: reserved)
        let id = { (original: String) in mapping[original] ?? original }
        let direction = chartDirection(graph)
        var out = "flowchart \(direction.keyword)\n"
        out += declarations(graph, id: id, indent: indent)
        var linkNumber = 0
        var linkStyles: [String] = []
        // A gate line without a label says yes or no in the chart's language, as the drawing does.
        let words = BranchWords(of: graph)
        for index in edgeOrder(graph) {
            let edge = graph.edges[index]
            let from = graph.node(edge.from)?.type
            out += indent + id(edge.from) + " " + arrow(edge, fromGate: from == .condition, words: words,
                                                          alone: graph.edge(from: edge.from, branch: .yes) == nil) + " " + id(edge.to) + "\n"
            let extra = edge.style.filter { !isDrawnByArrow($0.key, $0.value) }
            if !extra.isEmpty {
                let declarations = extra.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",")
                linkStyles.append("\(indent)linkStyle \(linkNumber) \(declarations)\n")
            }
            linkNumber += 1
        }
        out += linkStyles.joined()
        for node in graph.nodes {
            out += decorations(node, id: id(node.id), indent: indent)
        }
        // A subgraph's own style, under its id (only an id `style` can name: no quotes, no spaces).
        for group in graph.groups {
            guard let style = group.style, !style.isEmpty, isLegalID(group.id), !reserved.contains(group.id) else { continue }
            out += "\(indent)style \(group.id) \(style.split(separator: ";").joined(separator: ","))\n"
        }
        return out
    }

    /// The ids this writer changes (Mermaid's keywords, characters a Mermaid id cannot hold), old to new.
    public static func renamedIDs(_ graph: FlowGraph) -> [String: String] {
        ConvertIDs.rewrite(graph, isLegal: isLegalID, legalCharacter: isLegalCharacter, reserved: reserved).filter { $0.key != $0.value }
    }

    /// The windows a link may open in, as flowchart.js names them (`[blank]`); Mermaid writes `_blank`.
    static let windowTargets: Set<String> = ["blank", "self", "parent", "top"]

    /// A link's target as Mermaid's `click` takes it: `_blank`, `_self`, `_parent` or `_top` (flowchart.js's
    /// `[blank]` was written `blank`, which Mermaid refuses, and came back without a target: a conversion
    /// probe). A named window, which Mermaid cannot say, is left out.
    static func clickTarget(_ target: String?) -> String? {
        guard let target else { return nil }
        if target.hasPrefix("_") { return windowTargets.contains(String(target.dropFirst())) ? target : nil }
        return windowTargets.contains(target) ? "_" + target : nil
    }

    /// Whether Mermaid reads the id as one of its keywords (`end`, `graph`…).
    public static func isReserved(_ id: String) -> Bool { reserved.contains(id) }

    static let reserved: Set<String> = ["end", "subgraph", "style", "classDef", "class", "click", "linkStyle",
                                        "direction", "graph", "flowchart", "flowchart-elk", "accTitle", "accDescr"]

    /// Letters, digits, `_` and non-ASCII, with `-` or `.` only between them: what `MermaidReader` reads as an id.
    static func isLegalCharacter(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x80 ? !c.properties.isWhitespace : (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_")
    }

    static func isLegalID(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        guard !scalars.isEmpty else { return false }
        for (k, c) in scalars.enumerated() where !isLegalCharacter(c) {
            guard c == "-" || c == ".", k > 0, k + 1 < scalars.count, isLegalCharacter(scalars[k + 1]) else { return false }
        }
        return true
    }

    /// Every node declared in graph order, then the subgraphs: nested, with their titles, each once,
    /// listing its own nodes by id (each node named in one subgraph only, its own). So the nodes keep
    /// their order and the subgraphs theirs even when a subgraph's nodes are not written together. A
    /// graph with no groups but nodes carrying a `subgraph` parameter gets one flat subgraph per name.
    private static func declarations(_ graph: FlowGraph, id: (String) -> String, indent: String) -> String {
        guard !graph.groups.isEmpty else { return flatDeclarations(graph, id: id, indent: indent) }
        var out = graph.nodes.map { indent + id($0.id) + shaped($0) + "\n" }.joined()
        var members = [[String]](repeating: [], count: graph.groups.count)
        var children = [[Int]](repeating: [], count: graph.groups.count)
        var tops: [Int] = []
        for (n, g) in graph.innermostGroups().enumerated() where g >= 0 { members[g].append(id(graph.nodes[n].id)) }
        for (g, group) in graph.groups.enumerated() {
            if let parent = group.parent, parent < g { children[parent].append(g) } else { tops.append(g) }
        }
        // Depth first with an explicit stack (a generated chart may nest deeply): open, own nodes,
        // children, close.
        var stack: [(group: Int, depth: Int, closing: Bool)] = tops.reversed().map { ($0, 1, false) }
        while let (g, depth, closing) = stack.popLast() {
            // Indented at most 8 levels deep: 10,000 nested subgraphs, each line padded to its depth, wrote
            // 200 MB and took seconds on every read of the guide (a probe). Mermaid reads no indentation.
            let pad = String(repeating: indent, count: min(depth, Self.deepestIndent))
            if closing {
                out += pad + "end\n"
                continue
            }
            let group = graph.groups[g], name = subgraphID(group.id)
            let heading = group.title.isEmpty || group.title == group.id ? "" : " [\"" + MermaidLabel.quotedEscaping(group.title) + "\"]"
            out += pad + "subgraph \(name)\(heading)\n"
            out += members[g].map { pad + indent + $0 + "\n" }.joined()
            stack.append((g, depth, true))
            stack += children[g].reversed().map { ($0, depth + 1, false) }
        }
        return out
    }

    static let deepestIndent = 8

    private static func flatDeclarations(_ graph: FlowGraph, id: (String) -> String, indent: String) -> String {
        var out = ""
        var openSubgraph: String?
        for node in graph.nodes {
            let sub = node.parameters["subgraph"]
            if sub != openSubgraph {
                if openSubgraph != nil { out += "\(indent)end\n" }
                if let sub { out += "\(indent)subgraph \(subgraphID(sub))\n" }
                openSubgraph = sub
            }
            out += indent + (sub == nil ? "" : indent) + id(node.id) + shaped(node) + "\n"
        }
        if openSubgraph != nil { out += "\(indent)end\n" }
        return out
    }

    private static func subgraphID(_ id: String) -> String {
        isLegalID(id) && !reserved.contains(id) ? id : "\"" + MermaidLabel.quotedEscaping(id) + "\""
    }

    /// The direction most `next` lines leave by: the chart's own, as `MermaidDirection.side(of:)` wrote it.
    static func chartDirection(_ graph: FlowGraph) -> MermaidDirection {
        var counts: [Direction: Int] = [:]
        for edge in graph.edges where edge.branch == .next || edge.branch == .path1 || edge.branch == .yes {
            if let d = edge.direction { counts[d, default: 0] += 1 }
        }
        let none = graph.edges.count - counts.values.reduce(0, +)
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }),
              best.value > none / 2 else { return .topDown }
        return MermaidDirection(forward: best.key) ?? .topDown
    }

    /// A question with no text (`op5=>operation`) is asked as one in flowchart.js; in Mermaid an empty box
    /// is a junction, not asked (a conversion probe: the question and its weight were lost). It is written
    /// with its id for text, as Mermaid's bare `op5` is read.
    static func isEmptyQuestion(_ node: Node) -> Bool {
        [.operation, .inputoutput, .input, .output].contains(node.type) && node.text.trimmingSpaces().isEmpty
            && node.parameters["shape"] == nil
    }

    private static func shaped(_ node: Node) -> String {
        let label = "\"" + MermaidLabel.quotedEscaping(isEmptyQuestion(node) ? node.id : node.text) + "\""
        // The shape the author drew, where it differs from the type's (read from Mermaid, or carried
        // through flowchart.js as a parameter).
        if let drawn = MermaidDrawnShape.from(parameter: node.parameters["shape"]), !drawn.isDrawnAnyway(as: node.type) {
            switch drawn {
            case .plain: break
            case .stadium: return "([" + label + "])"
            case .circle: return "((" + label + "))"
            case .ellipse: return "(-" + label + "-)"
            case .doubleCircle: return "(((" + label + ")))"
            case .cylinder: return "[(" + label + ")]"
            case .hexagon: return "{{" + label + "}}"
            case .asymmetric: return ">" + label + "]"
            case .trapezoid: return "[/" + label + "\\]"
            case .trapezoidTop: return "[\\" + label + "/]"
            case .leanLeft: return "[\\" + label + "\\]"
            case .leanRight: return "[/" + label + "/]"
            case .subroutine: return "[[" + label + "]]"
            case .brace, .braceRight, .braces, .textBlock: return "@{ shape: " + drawn.name + ", label: " + label + " }"
            // A junction shows no text: its label is only the id the reader gave it.
            case .junction: return "@{ shape: f-circ" + (node.text == node.id ? "" : ", label: " + label) + " }"
            }
        }
        switch node.type {
        case .parallel where node.parameters["ask"] != "yes": return "@{ shape: fork, label: " + label + " }"
        case .start, .end: return "([" + label + "])"
        case .condition: return "{" + label + "}"
        case .subroutine: return "[[" + label + "]]"
        case .inputoutput, .input, .output: return "[/" + label + "/]"
        case .operation, .parallel: return "[" + label + "]"
        }
    }

    /// Edge indices, the start node's lines first, then each node's in graph order and branch order.
    private static func edgeOrder(_ graph: FlowGraph) -> [Int] {
        var byNode = [[Int]](repeating: [], count: graph.nodes.count)
        for (k, end) in graph.ends.enumerated() { byNode[end.from].append(k) }
        var order: [Int] = []
        order.reserveCapacity(graph.edges.count)
        let start = graph.start.flatMap { graph.index(of: $0) }
        if let start { order += byNode[start].sorted { graph.edges[$0].branch.slot < graph.edges[$1].branch.slot } }
        for n in graph.nodes.indices where n != start {
            order += byNode[n].sorted { graph.edges[$0].branch.slot < graph.edges[$1].branch.slot }
        }
        return order
    }

    /// Style entries the arrow token itself says (`-.->` is dashes "3 3", `==>` width 3, `---` no head…);
    /// any other value, such as a `linkStyle` width of 4px, is written as `linkStyle`.
    static func isDrawnByArrow(_ key: String, _ value: String) -> Bool {
        switch key {
        case "stroke-dasharray": value == "3 3"
        case "stroke-width": value == "3"
        case "arrow-end", "arrow-start": ["none", "block", "circle", "cross"].contains(value)
        case "id": isLegalID(value)
        default: false
        }
    }

    /// `alone`: the gate has no yes line (`gateLabel`).
    private static func arrow(_ edge: Edge, fromGate: Bool, words: BranchWords, alone: Bool) -> String {
        let style = edge.style
        var token = ""
        if let id = style["id"], isLegalID(id) { token += id + "@" }
        switch style["arrow-start"] {
        case "block": token += "<"
        case "circle": token += "o"
        case "cross": token += "x"
        default: break
        }
        let head: String
        switch style["arrow-end"] {
        case "none": head = ""
        case "circle": head = "o"
        case "cross": head = "x"
        default: head = ">"
        }
        if style["stroke-dasharray"] == "3 3" {
            token += head.isEmpty ? "-.-" : "-.-" + head
        } else if style["stroke-width"] == "3" {
            token += head.isEmpty ? "===" : "==" + head
        } else {
            token += head.isEmpty ? "---" : "--" + head
        }
        let label = edge.label.map { fromGate ? gateLabel($0, branch: edge.branch, words: words, alone: alone) : $0 }
            ?? (fromGate ? words.word(for: edge.branch) : nil)
        guard let label else { return token }
        return token + "|" + pipeLabel(label) + "|"
    }

    /// A gate line's label as Mermaid reads its way from it: flowchart.js says the way (`c(yes@skip)`),
    /// Mermaid reads it from the words, and "skip" is a no — written as it was, the gate's two ways
    /// swapped without a word (a conversion probe). A label that reads as the other way is led by its
    /// own way's word (`yes: skip`, `是：跳过`); so is the label of a gate's only line, a no, that reads as
    /// neither (`no: Java`), which Mermaid takes for a yes (a conversion probe: a lone `c1(no@Java)` came
    /// back as the gate's yes, its question a level deeper). A label that reads as its way, or as neither
    /// beside a yes line (written first, so Mermaid reads the two in order), is kept.
    static func gateLabel(_ label: String, branch: Branch, words: BranchWords, alone: Bool) -> String {
        guard let word = words.word(for: branch) else { return label }
        let read = MermaidGateWords.answer(label)
        guard branch == .yes ? read == .no : read == .yes || (alone && read == .unclear) else { return label }
        return word + (words == .chinese ? "：" : ": ") + label
    }

    /// The gate lines whose labels `gateLabel` leads with their way's word, and the questions with no text
    /// written with their id (`isEmptyQuestion`), each said where it was read.
    public static func rewrittenLabels(_ graph: FlowGraph) -> [Diagnostic] {
        let words = BranchWords(of: graph)
        let empty = graph.nodes.filter(isEmptyQuestion).map {
            Diagnostic(.warning, .labelRewritten, at: $0.position, .emptyQuestionNamed($0.id))
        }
        return empty + graph.edges.compactMap { edge in
            guard let label = edge.label, graph.node(edge.from)?.type == .condition else { return nil }
            let written = gateLabel(label, branch: edge.branch, words: words, alone: graph.edge(from: edge.from, branch: .yes) == nil)
            guard written != label else { return nil }
            return Diagnostic(.warning, .labelRewritten, at: edge.position,
                              .gateLabelLed(label, branch: edge.branch, as: written, saysNeither: MermaidGateWords.answer(label) == .unclear))
        }
    }

    private static func pipeLabel(_ label: String) -> String {
        let plain = !label.isEmpty && label.trimmingSpaces() == label
            && !label.unicodeScalars.contains { "|\"<#\n".unicodeScalars.contains($0) }
        return plain ? label : "\"" + MermaidLabel.quotedEscaping(label) + "\""
    }

    private static func decorations(_ node: Node, id: String, indent: String) -> String {
        var out = ""
        if let classes = node.parameters["class"], !classes.isEmpty {
            out += "\(indent)class \(id) \(classes.split(separator: " ").joined(separator: ","))\n"
        }
        if let style = node.parameters["style"], !style.isEmpty {
            out += "\(indent)style \(id) \(style.split(separator: ";").joined(separator: ","))\n"
        }
        if let url = node.url {
            // A `"` in the URL percent-encoded (the same address): written as it was, it ended the string
            // and the way back lost the URL (a recheck).
            let written = url.replacingOccurrences(of: "\"", with: "%22")
            out += "\(indent)click \(id) href \"\(written)\"" + (clickTarget(node.urlTarget).map { " \($0)" } ?? "") + "\n"
        } else if let function = node.function {
            out += "\(indent)click \(id) call \(function)\n"
        }
        return out
    }
}

extension LocalizedText {
    static func emptyQuestionNamed(_ id: String) -> LocalizedText {
        LocalizedText(en: "question '\(id)' has no text, and an empty box is a junction in Mermaid, never asked: it is written with its id, \(id)[\"\(id)\"], so it stays a question; give it its words",
                      zh: "问题 '\(id)' 没有文字，而在 Mermaid 中空方框是连接点，不会被提问：已用它的 id 写成 \(id)[\"\(id)\"]，它仍是一个问题；请为它写上题目")
    }

    static func gateLabelLed(_ label: String, branch: Branch, as written: String, saysNeither: Bool) -> LocalizedText {
        let yes = branch == .yes
        if saysNeither {
            return LocalizedText(
                en: "this gate's only line, its no, is labelled '\(label)', which says neither yes nor no, and Mermaid takes such a line for the yes: it is written '\(written)', so the line keeps its way",
                zh: "这个判断唯一的连线是“否”，标签“\(label)”既不是“是”也不是“否”，Mermaid 会把这样的连线当作“是”：已写成“\(written)”，连线的走向不变")
        }
        return LocalizedText(
            en: "this gate's \(yes ? "yes" : "no") line is labelled '\(label)', which Mermaid reads as a \(yes ? "no" : "yes"): it is written '\(written)', so the line keeps its way",
            zh: "这个判断的“\(yes ? "是" : "否")”连线标签是“\(label)”，Mermaid 会把它读成“\(yes ? "否" : "是")”：已写成“\(written)”，连线的走向不变")
    }
}
