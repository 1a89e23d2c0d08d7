/// Mermaid's comment shapes (`@{ shape: comment }`, `brace`, `brace-r`, `braces`) tied to a node by a
/// line (`N -.- Q`, either way round): a note for the interviewer beside that step, not a step. Read as
/// a box, the note was a question of its own, asked from the pick list and scored, and its line made the
/// question it explains fork.
extension MermaidReader {
    /// Takes the lines that tie notes out of `resolved`, so no node's ways out, the start or the branches
    /// count them, and returns them turned to run from the note to its node: in the graph, a note's one
    /// `next` line names what it is about (`FlowGraph.reachability` and the guide read it so).
    mutating func tieNotes(_ resolved: inout [Int]) -> [Int] {
        guard hasNotes else { return [] }
        var tied: [Int] = []
        var kept: [Int] = []
        kept.reserveCapacity(resolved.count)
        var tiedTo: [Int: Int] = [:]
        for l in resolved {
            let from = Int(links[l].from), to = Int(links[l].to)
            let fromNote = nodes[from].shape == .note
            guard fromNote || nodes[to].shape == .note else { kept.append(l); continue }
            let note = fromNote ? from : to, other = fromNote ? to : from
            if let first = tiedTo[note] {
                if first != other {
                    report(.warning, .noteTiedTwice, at: links[l].offset,
                           MermaidText.noteTiedTwice(nodeID(note), first: nodeID(first), second: nodeID(other)))
                }
                continue
            }
            tiedTo[note] = other
            if !fromNote {
                links[l].from = Int32(note)
                links[l].to = Int32(other)
                let head = links[l].head
                links[l].head = links[l].tail
                links[l].tail = head
            }
            tied.append(l)
        }
        resolved = kept
        return tied
    }

    /// A note no line ties to anything: shown nowhere in the interview.
    mutating func untiedNote(_ n: Int) {
        diagnostics.append(Diagnostic(.warning, .untiedNote, at: nodePosition(n), MermaidText.untiedNote(nodeID(n))))
    }
}
