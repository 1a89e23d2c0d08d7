/// Which branch each line out of a node becomes, and what an interview cannot run: gates without a clear
/// yes and no, too many ways out, questions the start never reaches.
extension MermaidReader {
    mutating func assignBranches(_ n: Int, type: NodeType, isStart: Bool, out: inout OutLinks, branches: inout [Branch]) {
        // Most nodes have one line out and need nothing: checked before the slice (which retains the table).
        let count = out.count(n)
        if count == 0 {
            if type == .condition { missingBranches(n, has: []) }
            return
        }
        guard type == .condition || type == .parallel else { return }
        let mine = out.links(of: n)
        switch type {
        case .condition: assignGate(n, mine, out: &out, branches: &branches)
        case .parallel:
            let paths: [Branch] = [.path1, .path2, .path3]
            for (k, l) in mine.enumerated() {
                if k < 3 { branches[l] = paths[k]; continue }
                out.dropped[l] = true
                if k == 3 { tooManyWaysOut(n, mine.count, at: l, limit: 3) }
            }
            if forkAsks(n, isStart: isStart) { questionForks(n, mine.prefix(3), lines: mine.count) }
        default:
            break   // one line out: next
        }
    }

    private mutating func assignGate(_ n: Int, _ mine: ArraySlice<Int>, out: inout OutLinks, branches: inout [Branch]) {
        let answers = mine.map { MermaidGateWords.answer(links[$0].label) }
        var yes = answers.firstIndex(of: .yes), no = answers.firstIndex(of: .no)
        let clear = yes != nil || no != nil
        // One readable label decides the other line; none readable, the first line is yes. A second line
        // that reads the same way as a taken one is a repeat, never the other branch.
        if yes == nil { yes = answers.indices.first { $0 != no && answers[$0] == .unclear } }
        if no == nil { no = answers.indices.first { $0 != yes && answers[$0] == .unclear } }
        for (k, l) in mine.enumerated() {
            if k == yes {
                branches[l] = .yes
            } else if k == no {
                branches[l] = .no
            } else {
                out.dropped[l] = true
                if answers[k] != .unclear {
                    let taken = answers[k] == .yes ? yes : no
                    sameLabelTwice(n, at: l, meaning: answers[k] == .yes ? .yes : .no,
                                   first: taken.flatMap { links[mine[mine.startIndex + $0]].label })
                } else if !answers[(k + 1)...].contains(.unclear) {
                    tooManyWaysOut(n, mine.count, at: l, limit: 2)
                }
            }
        }
        if let y = yes, let n2 = no, let a = links[mine[mine.startIndex + y]].label, a == links[mine[mine.startIndex + n2]].label {
            sameLabelTwice(n, at: mine[mine.startIndex + max(y, n2)], meaning: nil, first: a)
        }
        for (k, l) in mine.enumerated() where (clear || mine.count == 1) && (k == yes || k == no) && links[l].label == nil {
            unlabelledGateLine(n, at: l, meaning: branches[l])
        }
        if !clear, mine.count >= 2, let first = yes {
            unclearGate(n, at: mine[mine.startIndex + first])
        }
        if yes == nil || no == nil { missingBranches(n, has: mine.filter { !out.dropped[$0] }.map { branches[$0] }) }
    }

    private mutating func missingBranches(_ n: Int, has: [Branch]) {
        for branch in [Branch.yes, .no] where !has.contains(branch) {
            diagnostics.append(Diagnostic(.warning, .conditionMissingBranch, at: nodePosition(n),
                                          MermaidText.gateMissing(nodeID(n), branch, word: branchWords.word(for: branch) ?? branch.rawValue)))
        }
    }

    /// The fixes below write yes/no in the chart's language (是/否 in a chart written in Chinese), the words
    /// its drawing and a conversion use. Asked only on these rare paths: it reads the labels.
    private var branchWords: BranchWords { BranchWords(of: graphNodes) }

    private mutating func unclearGate(_ n: Int, at l: Int) {
        let link = links[l]
        let word = branchWords.word(for: .yes) ?? "yes"
        let fix = link.label == nil ? (link.labelEnd..<link.labelEnd, "|\(word)|") : (link.labelOffset..<link.labelEnd, word)
        report(.warning, .gateLabelUnclear, at: link.labelOffset, MermaidText.gateUnclear(nodeID(n), first: nodeID(Int(link.to))),
               fix: fix)
    }

    private mutating func unlabelledGateLine(_ n: Int, at l: Int, meaning: Branch) {
        let link = links[l]
        let word = branchWords.word(for: meaning) ?? meaning.rawValue
        report(.warning, .unlabelledGateEdge, at: link.labelOffset,
               MermaidText.unlabelledGateEdge(nodeID(n), to: nodeID(Int(link.to)), meaning: meaning, word: word),
               fix: (link.labelEnd..<link.labelEnd, "|\(word)|"))
    }

    /// An error, not a warning: Mermaid draws both lines, the interview can follow one, and the second is
    /// left out of the graph (and so of a conversion) — a lint that passed hid a lost line.
    /// `meaning`: what both lines were read as (both 否), said with the first line's label, so "没什么问题"
    /// is not taken to mean "不会"; nil for two lines with the very same label.
    private mutating func sameLabelTwice(_ n: Int, at l: Int, meaning: Branch?, first: String?) {
        let link = links[l]
        let word = meaning.map { branchWords.word(for: $0) ?? $0.rawValue }
        report(.error, .duplicateGateLabel, at: link.labelOffset,
               MermaidText.duplicateGateLabel(nodeID(n), label: link.label ?? "", to: nodeID(Int(link.to)),
                                              meaning: word, first: first))
    }

    /// Not a mistake, but worth knowing when writing the chart: the question is asked once, then every
    /// path is walked in turn rather than one chosen by the answer (that would be a gate).
    /// `lines`: all of them, the ones past the third left out (said as 3 when the author drew 4: a probe).
    private mutating func questionForks(_ n: Int, _ paths: ArraySlice<Int>, lines: Int) {
        let targets = paths.map { nodeID(Int(links[$0].to)) }
        diagnostics.append(Diagnostic(.warning, .questionForks, at: nodePosition(n),
                                      MermaidText.questionForks(nodeID(n), paths: targets, lines: lines)))
    }

    private mutating func tooManyWaysOut(_ n: Int, _ count: Int, at l: Int, limit: Int) {
        let link = links[l]
        diagnostics.append(Diagnostic(.error, .tooManyBranches, at: link.position,
                                      MermaidText.tooManyBranches(nodeID(n), count: count, limit: limit)))
    }

    /// Questions (and gates, instructions) the start never reaches are left out of the interview.
    /// `leftOutTargets`: nodes a line led to that was left out (a fourth path, a repeated gate answer): the
    /// line is there, so "nothing leads to it: draw a line" misled; the finding points at that line's error.
    /// `skipped`: nodes of a statement left out whole, said once by its error and not again each.
    mutating func checkReachability(_ graph: FlowGraph, leftOutTargets: Set<String> = [], skipped: Set<String> = []) {
        guard let start = graph.start, graph.nodes.count > 1 else { return }
        let reachable = graph.reachability()
        var leadsIn: Set<String>?
        let startNode = graph.node(start)
        // Each such node unreached, and what is unreached only behind it (`d --> d2`), by that node's id.
        var behind: [Int: String] = [:]
        if !leftOutTargets.isEmpty {
            let successors = graph.successors()
            var queue = graph.nodes.indices.filter { !reachable[$0] && leftOutTargets.contains(graph.nodes[$0].id) }
            for k in queue { behind[k] = graph.nodes[k].id }
            var head = 0
            while head < queue.count {
                let n = queue[head]
                head += 1
                for m in successors[n] where !reachable[m] && behind[m] == nil {
                    behind[m] = behind[n]
                    queue.append(m)
                }
            }
        }
        for (k, node) in graph.nodes.enumerated() where !reachable[k] && node.type != .end && node.type != .start {
            if node.isNote {
                // Tied to a step the start never reaches: that step's own finding says it.
                if graph.edgeIndex(from: k, branch: .next) == nil { untiedNote(k) }
                continue
            }
            // A second root (`A & B --> C` as the first line: the chart starts at A): say how to link it.
            if leadsIn == nil { leadsIn = Set(graph.edges.map(\.to)) }
            let root = !leadsIn!.contains(node.id)
            if root && skipped.contains(node.id) { continue }
            // The node a left-out line led to, or one only behind it.
            if let cutOff = behind[k] {
                diagnostics.append(Diagnostic(.warning, .unreachableNode, at: node.position, cutOff == node.id
                    ? MermaidText.unreachableByLeftOutLine(node.id, start: start)
                    : MermaidText.unreachableBehindLeftOutLine(node.id, start: start, cutOff: cutOff)))
                continue
            }
            diagnostics.append(Diagnostic(.warning, .unreachableNode, at: node.position,
                                          MermaidText.unreachable(node.id, start: start, root: root,
                                                                  besideStart: startNode.map { $0.type != .start && $0.position.line == node.position.line } ?? false)))
        }
    }
}
