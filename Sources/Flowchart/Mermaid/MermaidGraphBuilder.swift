/// Turns what the reader collected into the same `FlowGraph` flowchart.js text gives. The rules (also in
/// docs/mermaid.md):
/// - `{ }` (or `@{shape: diamond}`) is a gate (`.condition`); its lines' labels say which is yes and which
///   is no (`MermaidGateWords`). Neither readable: the first line is yes, with a warning.
/// - Any other node with 2–3 lines out is a fork: `.parallel`, lines `path1…path3` in written order, so the
///   chart reads back the same from flowchart.js text. More than 3 is an error; the extra lines are left out.
///   A fork drawn as a question (a box or any other question shape) keeps its question: it is marked
///   `ask=yes`, which the engine asks before walking the paths (`forkAsks`).
/// - `[[ ]]` is a subroutine (an instruction), a parallelogram input/output (a question); a stadium,
///   circle or `start`/`stop` shape is the start when it is the chart's first node and nothing leads to it,
///   the end when nothing leaves it; everything else is an operation (a question).
/// - The start is the first start-shaped node nothing leads to; failing that the first node of the first
///   link, as in flowchart.js; a chart without links starts at its first node.
/// - A line to a subgraph goes to its first node, a line from it leaves from its last node.
/// - `~~~` lines only space the drawing and are not edges. Repeated identical lines count once.
/// - In a chart (or subgraph) that is not top-down, each edge carries the side it leaves from.
extension MermaidReader {
    /// `py3 --> yp4` for `py4`: the typo became a question of its own, asked as "yp4" at full weight, while
    /// the question meant was never reached, and the only finding was about that one (a guide author's
    /// probe). A question written as a bare id that nearly spells a labelled question nothing leads to
    /// (not the start) is said, with that id as the fix. Other bare ids are how Mermaid is written
    /// (`A[Start] --> B --> C`) and are left alone.
    private mutating func sayBareQuestions(_ types: [NodeType], _ out: OutLinks, _ redirect: [(first: Int, last: Int)?], start: Int?) {
        let asks = { (n: Int) in redirect[n] == nil && types[n] == .operation && n != start }
        let unreached = nodes.indices.filter { asks($0) && nodes[$0].labelled && out.incoming[$0] == 0 }.map { graphNodes[$0].id }
        guard !unreached.isEmpty else { return }
        for n in nodes.indices where asks(n) && !nodes[n].labelled && nodes[n].shape == .none {
            let id = graphNodes[n].id
            guard let meant = Suggestions.misspelledKey(id, among: unreached) else { continue }
            report(.warning, .bareQuestion, at: nodes[n].offset, MermaidText.bareQuestion(id, meant: meant),
                   fix: (nodes[n].offset..<(nodes[n].offset + id.utf8.count), meant))
        }
    }

    mutating func buildGraph() -> FlowGraph {
        applyPendingDecorations()
        resolvePositions()
        let (redirect, standIn) = subgraphEnds()
        var resolved = resolveLinks(redirect, standIn: standIn)
        let noteLines = tieNotes(&resolved)
        applySubgraphDirections(resolved)
        var out = OutLinks(nodeCount: nodes.count, links: links, resolved: resolved)
        let start = chartStart(resolved, out: out, redirect: redirect)
        var types = [NodeType](repeating: .operation, count: nodes.count)
        var branches = [Branch](repeating: .next, count: links.count)
        for n in nodes.indices where redirect[n] == nil {
            if out.count(n) == 2, nodes[n].shape == .box || nodes[n].shape == .none, asksYesOrNo(n), linesSayYesAndNo(n, out) {
                // `Q[是否了解 GIL？] -->|是| … -->|否| …`: asked as a question, then both ways walked one
                // after the other, while its lines plainly choose one (a Chinese author's probe).
                nodes[n].shape = .rhombus
                report(.warning, .boxReadAsGate, at: nodes[n].offset, MermaidText.boxReadAsGate(graphNodes[n].id))
            }
            types[n] = nodeType(n, out: out.count(n), hasIncoming: out.incoming[n] > 0, isStart: n == start)
            assignBranches(n, type: types[n], isStart: n == start, out: &out, branches: &branches)
            if types[n] == .end, nodes[n].shape == .terminal, Self.readsAsQuestion(graphNodes[n].text) {
                report(.warning, .questionReadAsEnd, at: nodes[n].offset, MermaidText.questionReadAsEnd(graphNodes[n].id, graphNodes[n].text))
            } else if types[n] == .start, nodes[n].shape == .terminal, Self.readsAsQuestion(graphNodes[n].text, besides: Self.startWords) {
                report(.warning, .questionReadAsStart, at: nodes[n].offset, MermaidText.questionReadAsStart(graphNodes[n].id, graphNodes[n].text))
            }
        }
        sayBareQuestions(types, out, redirect, start: start)
        // What a left-out line led to: unreachable for that reason, which its own error says.
        let leftOutTargets = Set(resolved.filter { out.dropped[$0] }.map { nodeID(Int(self.links[$0].to)) })
        let skipped = Set(inSkippedStatement.map { nodeID(Int($0)) })
        resolved.removeAll { out.dropped[$0] }
        resolved += noteLines
        for l in noteLines where types[Int(links[l].to)] == .start || types[Int(links[l].to)] == .end {
            // The interview shows no start or end, so neither a note beside one.
            report(.warning, .untiedNote, at: links[l].offset, MermaidText.noteOnMarker(nodeID(Int(links[l].from)), marker: nodeID(Int(links[l].to))))
        }

        let defaultStyle = classDefs["default"]
        for n in nodes.indices where redirect[n] == nil {
            let asks = types[n] == .parallel && forkAsks(n, isStart: n == start)
            finishNode(n, type: types[n], asks: asks, defaultStyle: defaultStyle)
        }
        var graph: FlowGraph
        // Graph index per reader index: they differ only when the node a link names a subgraph by is left out.
        var graphIndex: [Int] = []
        if redirect.allSatisfy({ $0 == nil }) {
            // The usual case: every node read is a graph node, so the graph takes the reader's nodes
            // and key table as they are.
            graph = FlowGraph(nodes: graphNodes, keys: keys, edgeCapacity: resolved.count)
        } else {
            graph = FlowGraph()
            graph.reserveCapacity(nodes: nodes.count, edges: resolved.count)
            graphIndex = [Int](repeating: -1, count: nodes.count)
            for n in nodes.indices where redirect[n] == nil {
                graphIndex[n] = graph.nodes.count
                graph.define(graphNodes[n])
            }
        }
        let styles = linkStyleTable()
        // Over buffers of local copies of the two arrays (a retain each), not through `self`: a method of
        // the reader called per link made the compiler copy the whole reader for each call, retaining and
        // releasing its twenty-odd fields (perf: a quarter of a 1,000-node Mermaid parse).
        let links = self.links, graphNodes = self.graphNodes
        links.withUnsafeBufferPointer { links in
            graphNodes.withUnsafeBufferPointer { nodes in
                for l in resolved {
                    let from = Int(links[l].from), to = Int(links[l].to)
                    let edge = Self.edge(links[l], from: nodes[from].id, to: nodes[to].id, branch: branches[l],
                                         fromGate: types[from] == .condition, extra: styles.isEmpty ? nil : styles[l] ?? styles[-1])
                    let a = graphIndex.isEmpty ? from : graphIndex[from]
                    let b = graphIndex.isEmpty ? to : graphIndex[to]
                    guard a >= 0, b >= 0 else { continue }
                    graph.link(edge, from: a, to: b)
                }
            }
        }
        graph.start = start.map { nodeID($0) }
        graph.groups = subgraphs.indices.map { k in
            let sub = subgraphs[k], own = groupDecorations[k]
            // As for nodes: the classes' declarations, then the subgraph's own `style`.
            let css = (own?.classes.compactMap { classDefs[$0] } ?? []) + (own?.style.map { [$0] } ?? [])
            return NodeGroup(id: sub.id, title: sub.title, parent: sub.parent >= 0 ? sub.parent : nil,
                             style: css.isEmpty ? nil : css.joined(separator: ";"))
        }
        checkReachability(graph, leftOutTargets: leftOutTargets, skipped: skipped)
        return graph
    }

    /// Whether node `n`'s text is a yes-or-no question (是否…, …吗, …?) with no reference answer: a box whose
    /// lines say 会 and 不会 after "讲讲 HashMap 的原理（数组+链表）" is a question to rate, not a gate.
    private func asksYesOrNo(_ n: Int) -> Bool {
        let text = graphNodes[n].text.trimmingSpaces()
        if text.hasSuffix(")") || text.hasSuffix("）") { return false }
        let lowered = text.lowercased()
        return text.contains("是否") || text.hasSuffix("吗") || text.hasSuffix("吗？") || text.hasSuffix("吗?")
            || lowered.hasSuffix("?") || lowered.hasSuffix("？")
    }

    /// Whether node `n`'s two lines are labelled one yes and one no (`MermaidGateWords`).
    private func linesSayYesAndNo(_ n: Int, _ out: OutLinks) -> Bool {
        let answers = out.links(of: n).map { MermaidGateWords.answer(links[$0].label) }
        return answers.contains(.yes) && answers.contains(.no)
    }

    /// Per node: nil, or the (entry, exit) nodes a subgraph's id stands for when a link names it. The
    /// entry is its first node that nothing inside leads to, the exit its last node that leads nowhere
    /// inside; (-1, -1) for a subgraph without nodes.
    /// Also, for each subgraph, the node that names it (-1 when none does).
    private mutating func subgraphEnds() -> (redirect: [(first: Int, last: Int)?], standIn: [Int]) {
        var redirect = [(first: Int, last: Int)?](repeating: nil, count: nodes.count)
        guard !subgraphs.isEmpty else { return (redirect, []) }
        // Children were opened after their parents: one backward sweep gives every parent its children's nodes.
        for k in subgraphs.indices.reversed() where subgraphs[k].parent >= 0 {
            let p = subgraphs[k].parent
            subgraphs[p].first = min(subgraphs[p].first, subgraphs[k].first)
            subgraphs[p].last = max(subgraphs[p].last, subgraphs[k].last)
        }
        // The node a link names each subgraph by. The first subgraph of a name is the one a link means
        // (ids repeat only in odd charts).
        var standIn = [Int](repeating: -1, count: subgraphs.count)
        var isStandIn = [Bool](repeating: false, count: nodes.count)
        for k in subgraphs.indices {
            let found = KeyTable.withBytes(of: subgraphs[k].id) { keys.find($0, hash: KeyTable.hash($0)) }
            guard let n = found, nodes[n].shape == .none, !isStandIn[n] else { continue }
            standIn[k] = n
            isStandIn[n] = true
        }
        // Innermost first (children were opened after their parents), so a line inside a subgraph that
        // names a nested one already leads to that one's entry or leaves from its exit.
        for k in subgraphs.indices.reversed() where standIn[k] >= 0 {
            redirect[standIn[k]] = entryAndExit(of: k, isStandIn: isStandIn, redirect: redirect)
        }
        return (redirect, standIn)
    }

    /// A subgraph's members are the nodes written in it or in its nested subgraphs, but not the nodes
    /// that stand for subgraphs: a line to such a node counts as a line to that subgraph's entry.
    private func entryAndExit(of k: Int, isStandIn: [Bool], redirect: [(first: Int, last: Int)?]) -> (first: Int, last: Int) {
        let sub = subgraphs[k]
        guard sub.first <= sub.last else { return (-1, -1) }
        var inside = [Bool](repeating: false, count: sub.last - sub.first + 1)
        // A note is no member: a line to the subgraph leading into a note, or leaving from one, lost the
        // question it meant (a review).
        for n in sub.first...sub.last where !isStandIn[n] && nodes[n].shape != .note && isInside(n, k) { inside[n - sub.first] = true }
        guard let firstMember = inside.firstIndex(of: true), let lastMember = inside.lastIndex(of: true) else { return (-1, -1) }
        var ledTo = inside.map { _ in false }, leadsOn = ledTo
        for link in links where link.stroke != .invisible {
            var from = Int(link.from), to = Int(link.to)
            if let r = redirect[from] { from = r.last }
            if let r = redirect[to] { to = r.first }
            let a = from - sub.first, b = to - sub.first
            guard from >= 0, to >= 0, a >= 0, a < inside.count, b >= 0, b < inside.count, inside[a], inside[b], a != b else { continue }
            leadsOn[a] = true
            ledTo[b] = true
        }
        let entry = inside.indices.first { inside[$0] && !ledTo[$0] } ?? firstMember
        let exit = inside.indices.last { inside[$0] && !leadsOn[$0] } ?? lastMember
        return (entry + sub.first, exit + sub.first)
    }

    private func isInside(_ n: Int, _ k: Int) -> Bool {
        var sub = Int(nodes[n].subgraph)
        while sub >= 0 {
            if sub == k { return true }
            sub = subgraphs[sub].parent
        }
        return false
    }

    /// Link indices that become edges: visible, with subgraph ends resolved, repeats dropped.
    private mutating func resolveLinks(_ redirect: [(first: Int, last: Int)?], standIn: [Int]) -> [Int] {
        var resolved: [Int] = []
        resolved.reserveCapacity(links.count)
        // Without subgraphs nothing is redirected: no per-link look at the table (a 1,000-node chart read
        // 1.5% slower with it).
        let anyRedirect = !standIn.isEmpty
        for l in links.indices where links[l].stroke != .invisible {
            var from = Int(links[l].from), to = Int(links[l].to)
            if anyRedirect, redirect[from] != nil || redirect[to] != nil {
                namedGroupEnds[l] = (redirect[from] != nil ? standIn.firstIndex(of: from) ?? -1 : -1,
                                     redirect[to] != nil ? standIn.firstIndex(of: to) ?? -1 : -1)
            }
            if let r = redirect[from] { from = r.last }
            if let r = redirect[to] { to = r.first }
            if from < 0 || to < 0 {
                let id = nodeID(Int(from < 0 ? links[l].from : links[l].to))
                diagnostics.append(Diagnostic(.warning, .emptySubgraph, at: links[l].position, MermaidText.emptySubgraph(id)))
                continue
            }
            links[l].from = Int32(from)
            links[l].to = Int32(to)
            resolved.append(l)
        }
        return resolved
    }

    /// Mermaid's rule: a subgraph any of whose nodes is linked to a node outside it ignores its own
    /// `direction` and takes its parent's (the chart's at the top); a line to the subgraph itself does not
    /// count. Its lines then run the way the lines
    /// around it do; with its own direction kept, a `direction RL` box in an LR chart sent lines back
    /// and forth across it.
    private mutating func applySubgraphDirections(_ resolved: [Int]) {
        guard subgraphs.contains(where: \.ownDirection) else { return }
        var crossed = [Bool](repeating: false, count: subgraphs.count)
        func chain(_ n: Int) -> [Int] {
            var out: [Int] = [], k = Int(nodes[n].subgraph)
            while k >= 0, out.count <= subgraphs.count { out.append(k); k = subgraphs[k].parent }
            return out
        }
        for l in resolved {
            var a = chain(Int(links[l].from)), b = chain(Int(links[l].to))
            // A line that names a subgraph (`S --> one`) links the subgraph, not one of its nodes: it
            // leaves that subgraph's direction, and those of the subgraphs inside it on the way, alone.
            if let named = namedGroupEnds[l] {
                if named.from >= 0, let at = a.firstIndex(of: named.from) { a.removeSubrange(...at) }
                if named.to >= 0, let at = b.firstIndex(of: named.to) { b.removeSubrange(...at) }
            }
            for k in a where !b.contains(k) { crossed[k] = true }
            for k in b where !a.contains(k) { crossed[k] = true }
        }
        var effective = subgraphs.map(\.direction)
        for k in subgraphs.indices where !subgraphs[k].ownDirection || crossed[k] {
            let parent = subgraphs[k].parent
            // Parents open before their children, so a parent's direction is settled by now. At the top,
            // the direction the chart had where the subgraph opened.
            effective[k] = parent >= 0 && parent < k ? effective[parent] : subgraphs[k].inherited
        }
        for l in links.indices where links[l].scope >= 0 {
            links[l].direction = effective[Int(links[l].scope)]
        }
    }

    /// A start-shaped node (stadium, circle, `start`) that nothing leads to and that leads somewhere is
    /// the start wherever it is written; otherwise the first node of the first link, as in flowchart.js;
    /// a chart without links starts at its first node.
    private func chartStart(_ resolved: [Int], out: OutLinks, redirect: [(first: Int, last: Int)?]) -> Int? {
        if let shaped = nodes.indices.first(where: { nodes[$0].shape == .terminal && out.incoming[$0] == 0 && out.count($0) > 0 }) {
            return shaped
        }
        // A start a loop comes back to (`g -->|yes| s`), written after the first link: named so, it is the
        // start wherever it stands; the first link's node was, and "Start" a question (a recheck).
        if let named = nodes.indices.first(where: { n in
            redirect[n] == nil && out.count(n) > 0 && [.terminal, .box, .none].contains(nodes[n].shape)
                && markerWord(n).map(Self.startWords.contains) == true
        }) {
            return named
        }
        return resolved.first.map { Int(links[$0].from) } ?? nodes.indices.first { redirect[$0] == nil && nodes[$0].shape != .note }
    }

    private func nodeType(_ n: Int, out: Int, hasIncoming: Bool, isStart: Bool) -> NodeType {
        let shape = nodes[n].shape
        if shape == .rhombus { return .condition }
        if out >= 2 { return .parallel }
        let marker = markerWord(n)
        // A node with no text (`J(( ))`, `J[" "]`) only joins lines: asked, it was a blank question.
        if marker == "" && shape != .note {
            if isStart && !hasIncoming { return .start }
            return out == 0 && hasIncoming ? .end : .parallel
        }
        switch shape {
        case .subroutine: return .subroutine
        case .parallelogram: return .inputoutput
        case .fork:
            // A bar or junction that only joins lines and leads on: passed through, never asked (as a
            // box it was a question whose text was its id).
            return out == 0 && hasIncoming ? .end : .parallel
        case .terminal:
            // A loop back to the start ("another example? yes → Start") keeps it the start: read as a
            // question, "Start" was asked and rated, and the converted chart had no start (a probe).
            if isStart && (!hasIncoming || marker.map(Self.isStartMarker) == true) { return .start }
            return out == 0 ? .end : .operation
        case .none, .box:
            // `A[Start] --> …`, `… --> Z[End]`, a bare `Start`/`End`: Mermaid's own examples draw the
            // chart's ends as boxes; asked, "Start" and "End" were rated questions with weight.
            if let marker {
                if isStart && Self.isStartMarker(marker) { return .start }
                if out == 0 && hasIncoming && Self.isEndMarker(marker) { return .end }
            }
            return .operation
        case .rhombus, .note: return .operation
        }
    }

    /// The node's text trimmed and lower-cased when it is short enough to be a start or end word (or
    /// empty); nil for the usual longer question, which is then neither read nor copied again.
    func markerWord(_ n: Int) -> String? {
        graphNodes.withUnsafeBufferPointer { nodes -> String? in
            let text = nodes[n].text
            guard text.utf8.count <= 24 else { return nil }
            var trimmed = text.trimmingSpaces()
            // "结束。", "开始：", "End!": the punctuation an author ends a marker with is not part of it.
            while let last = trimmed.unicodeScalars.last, "。！!：:.，,；;".unicodeScalars.contains(last) {
                trimmed = String(trimmed.unicodeScalars.dropLast()).trimmingSpaces()
            }
            return trimmed.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? trimmed.lowercased() : trimmed
        }
    }

    /// An end written as a word or a short phrase: `End`, `结束`, `本节结束`, `换下一题`, `面试结束，谢谢`. Never
    /// a question (`下一题是什么？`).
    static func isEndMarker(_ text: String) -> Bool {
        if endWords.contains(text) { return true }
        if text.contains("?") || text.contains("？") { return false }
        if let head = text.split(whereSeparator: { "，,、".contains($0) }).first, head.count < text.count, isEndMarker(String(head)) { return true }
        guard text.count <= 8, text.unicodeScalars.contains(where: { $0.value >= 0x4E00 }) else { return false }
        return text.hasSuffix("结束") || text.hasPrefix("结束") || ["下一", "换下一", "进入下一", "转到下一"].contains { text.hasPrefix($0) }
    }

    /// The start the same way: `Start`, `开始`, `开始本题`; never a question (`开始时间?`).
    static func isStartMarker(_ text: String) -> Bool {
        if startWords.contains(text) { return true }
        if text.contains("?") || text.contains("？") { return false }
        return text.count <= 4 && text.hasPrefix("开始")
    }

    /// Words read as the chart's start on a box or bare id that nothing leads to (any case).
    static let startWords: Set<String> = ["start", "begin", "开始", "开始面试", "面试开始", "起点", "本题开始", "开始本题", "开始答题"]

    /// An end-shaped label that reads as something to ask, not as an end: a question mark, or four words
    /// (eight Chinese characters) with no end word in them ("Ask about their favourite debugging story";
    /// "End of the interview" and "面试结束" are ends). The rule stays (a last stadium is the end, as
    /// authors draw it); lint says so where the text was plainly meant to be asked.
    /// The same for the first stadium, read as the start, with the start words (`besides`) in place of the end words.
    static func readsAsQuestion(_ text: String, besides markers: Set<String> = endWords) -> Bool {
        let lowered = text.lowercased()
        if lowered.hasSuffix("?") || lowered.hasSuffix("？") { return true }
        let words = lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        // A reference answer at the end, a word that asks ("介绍一下你自己" is seven characters, and was
        // read as the start without a word; "完成度如何" holds an end word), or something after a colon
        // ("开始：自我介绍").
        if lowered.hasSuffix(")") || lowered.hasSuffix("）") { return true }
        if askWords.contains(where: { lowered.contains($0) }) || words.first.map({ ["what", "why", "how", "explain", "describe", "tell"].contains(String($0)) }) == true {
            return true
        }
        if let colon = lowered.firstIndex(where: { $0 == "：" || $0 == ":" }),
           !lowered[lowered.index(after: colon)...].trimmingCharacters(in: .whitespaces).isEmpty {
            return true
        }
        if words.contains(where: { markers.contains(String($0)) }) || markers.contains(where: { $0.unicodeScalars.first!.value >= 0x2E80 && lowered.contains($0) }) {
            return false
        }
        let chinese = lowered.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count
        return words.count >= 4 || chinese >= 6
    }

    /// Chinese words that ask something, wherever they stand.
    static let askWords = ["介绍", "说说", "说一下", "讲讲", "讲一下", "谈谈", "聊聊", "解释", "什么", "为什么", "如何", "怎么",
                           "怎样", "哪些", "哪个", "区别", "原理", "描述", "举例", "举个例子", "啥", "吗"]

    /// Ids read as the end when written bare at the end of a line (any case).
    static let endWords: Set<String> = ["end", "stop", "finish", "done", "over", "the end", "next topic", "next question",
                                        "结束", "完成", "终止", "结束面试", "面试结束", "终点", "本题结束", "结束本题",
                                        "下一题", "进入下一题", "下一个主题", "进入下一个主题", "下一主题", "本主题结束"]

    /// Whether a fork (a node read as `.parallel`) is a question asked before its paths are walked.
    /// Question shapes ask: a box, rounded box, parallelogram, cylinder, hexagon, a stadium or circle
    /// in mid-chart. What only splits the way does not: the `fork`/`join` bars, a subroutine `[[ ]]`
    /// (an instruction, which stays one when it forks: flowchart.js's own parallel is an instruction),
    /// a node never given a shape or label (its text is only its id), and the start stadium (skipped).
    func forkAsks(_ n: Int, isStart: Bool) -> Bool {
        // A node with no text has nothing to ask.
        if markerWord(n) == "" { return false }
        return switch nodes[n].shape {
        case .none, .fork, .subroutine, .rhombus, .note: false
        case .terminal: !isStart
        case .box, .parallelogram: true
        }
    }

    /// Sets node `n`'s type in place; most nodes are plain: no dictionary, no extras box, no copy.
    private mutating func finishNode(_ n: Int, type: NodeType, asks: Bool, defaultStyle: String?) {
        let subgraph = nodes[n].subgraph
        // Most charts decorate nothing: no dictionary lookup (hashing n) per node then.
        let decoration = decorations.isEmpty ? nil : decorations[n]
        let drawn = nodes[n].drawn
        let drawnApart = !drawn.isDrawnAnyway(as: type)
        if decoration == nil && defaultStyle == nil && subgraph < 0 && !asks && !drawnApart {
            graphNodes.withUnsafeMutableBufferPointer { $0[n].type = type }
            return
        }
        var parameters: [String: String] = asks ? ["ask": "yes"] : [:]
        if drawnApart { parameters["shape"] = drawn.name }
        let own = decoration ?? MermaidDecoration()
        if !own.classes.isEmpty { parameters["class"] = own.classes.joined(separator: " ") }
        var css = own.classes.isEmpty ? (defaultStyle.map { [$0] } ?? []) : own.classes.compactMap { classDefs[$0] }
        if let style = own.style { css.append(style) }
        if !css.isEmpty { parameters["style"] = css.joined(separator: ";") }
        if subgraph >= 0 { parameters["subgraph"] = subgraphs[Int(subgraph)].id }
        let node = graphNodes[n]
        graphNodes[n] = Node(id: node.id, type: type, text: node.text, url: own.url, urlTarget: own.urlTarget,
                             function: own.function, parameters: parameters, position: node.position)
    }

    /// A link as an edge. Static, and the link borrowed from the caller's buffer: copying a `MermaidLink`
    /// (two optional Strings) per link was a retain and release each.
    /// A gate line labelled with just the plain word for its branch, in either language (`yes`/`no`,
    /// `是`/`否`), keeps no label: it is drawn with the chart's own word, as a flowchart.js `(yes)` is, and a
    /// conversion to flowchart.js writes a plain `(yes)`. Any other label (`深入`, `Yes, go deeper`) is the
    /// author's and is drawn as written. (Keeping `yes` in a Chinese chart as a label instead cost a box per
    /// gate line, a tenth of reading a chart of 1,000 nodes; and the rule needs no count of the chart's
    /// language here, so a conversion back reads the same labels whatever the nodes.)
    private static func edge(_ link: borrowing MermaidLink, from: String, to: String, branch: Branch, fromGate: Bool,
                             extra: [String: String]?) -> Edge {
        let label = fromGate && link.label.map { MermaidGateWords.isPlainWord($0, for: branch) } == true ? nil : link.label
        let direction = link.direction.side(of: branch)
        if link.stroke == .solid && link.head == .arrow && link.tail == .none && link.id == nil && extra == nil {
            return Edge(from: from, to: to, branch: branch, label: label, direction: direction, unstyledAt: link.position)
        }
        let style = edgeStyle(link, extra: extra)
        return style.isEmpty
            ? Edge(from: from, to: to, branch: branch, label: label, direction: direction, unstyledAt: link.position)
            : Edge(from: from, to: to, branch: branch, label: label, direction: direction, style: style, position: link.position)
    }

    /// `linkStyle` by link number; -1 is `default`. Later statements win, as in CSS.
    /// `linkStyle` by link number; a number past the last link is told (Mermaid stops drawing there).
    private mutating func linkStyleTable() -> [Int: [String: String]] {
        var table: [Int: [String: String]] = [:]
        for entry in linkStyles {
            if entry.index >= links.count {
                report(.warning, .noSuchLink, at: entry.offset, MermaidText.noSuchLink(entry.index, links.count))
                continue
            }
            table[entry.index, default: [:]].merge(entry.style) { $1 }
        }
        return table
    }

    /// How the line is drawn, in the SVG's own style keys (dashes, width, arrow ends), plus the edge id.
    private static func edgeStyle(_ link: borrowing MermaidLink, extra: [String: String]?) -> [String: String] {
        var style: [String: String] = [:]
        switch link.stroke {
        case .dotted: style["stroke-dasharray"] = "3 3"
        case .thick: style["stroke-width"] = "3"
        case .solid, .invisible: break
        }
        if link.head != .arrow { style["arrow-end"] = link.head.styleValue }
        if link.tail != .none { style["arrow-start"] = link.tail.styleValue }
        if let id = link.id { style["id"] = id }
        if let extra { style.merge(extra) { $1 } }
        return style
    }
}
