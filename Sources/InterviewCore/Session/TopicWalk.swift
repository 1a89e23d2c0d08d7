/// Moves a topic's walk along its flowchart. The walk stops only where the interviewer has something
/// to do: a question to ask or rate, a gate to answer, an instruction offering another topic.
/// Start nodes, plain advice and questions already dealt with are passed through on their own.
enum TopicWalk {
    /// Leaves `node` along `branch` ("next", "yes" or "no") and settles at the next stop.
    /// `joins`: a parallel fork's join waits for all its paths (logs from version 2, `SessionEvent`).
    static func move(_ progress: inout TopicProgress, from node: String, branch: String, topic: Topic, guide: Guide,
                     joins: Bool = true) {
        let step = topic.step(node)
        let target = switch branch {
        case "yes": step?.yes
        case "no": step?.no
        default: step?.next
        }
        // A question that forks (a Mermaid box with several lines out) leaves its other paths waiting
        // when it is rated and the walk moves on along the first.
        if branch == "next", let step { waitForPaths(of: step, &progress) }
        settle(&progress, at: follow(&progress, from: node, branch: branch, to: target), topic: topic, guide: guide, joins: joins)
    }

    /// Where a topic's walk starts.
    static func begin(_ progress: inout TopicProgress, topic: Topic, guide: Guide, joins: Bool = true) {
        guard !topic.isPickList else {
            progress.position = nil
            return
        }
        settle(&progress, at: topic.startNode, topic: topic, guide: guide, joins: joins)
    }

    private static func settle(_ progress: inout TopicProgress, at start: String?, topic: Topic, guide: Guide, joins: Bool) {
        var node = start
        // A chart may loop; a walk that passes every node without a stop has nowhere left to go.
        var budget = (topic.steps.count + 1) * 4   // a node may be passed again on each of three paths
        while budget > 0 {
            guard let id = node ?? nextWaitingPath(&progress) else { break }
            node = id
            budget -= 1
            guard let step = topic.step(id) else { node = nil; continue }
            // Where a fork's paths meet again, a path that is not the last one to get there ends: the
            // node is asked once the paths that lead to it have been walked, as the drawing shows it (it
            // came between the paths, and the question count ran backwards).
            if joins, step.kind != .end {
                if let fork = waitingForkReaching(id, progress, topic) {
                    park(id, for: fork, &progress)
                    node = nil
                    continue
                }
                // Reached by the last path that leads here: asked now, not again from where it was parked.
                progress.waitingPaths.removeAll { $0.branch == parkedBranch && $0.to == id }
            }
            switch step.kind {
            case .end:
                node = nil
            case .gate:
                progress.position = id
                return
            case .instruction where guide.calledTopic(topic, instruction: id) != nil:
                progress.position = id
                return
            case .question where topic.question(id) != nil && progress.ratings[id] == nil && progress.skipped[id] == nil:
                progress.position = id
                return
            case .start, .instruction, .question:
                waitForPaths(of: step, &progress)
                node = follow(&progress, from: id, branch: "next", to: step.next)
            }
        }
        progress.position = nil
        progress.waitingPaths = []
    }

    /// A parallel node's path2 and path3 wait until the walk down path1 runs out. Questions where the
    /// paths meet again are asked once: a rated question is passed through on the later path.
    private static func waitForPaths(of step: Step, _ progress: inout TopicProgress) {
        guard let paths = step.paths else { return }
        for (offset, target) in paths.enumerated().reversed() {
            progress.waitingPaths.append(WalkMove(from: step.id, branch: "path\(offset + 2)", to: target))
        }
    }

    /// A node parked where paths meet, waiting in `waitingPaths` below its fork's paths still to walk.
    static let parkedBranch = "join"

    /// The fork one of whose paths still to walk can lead to `id`, if any. Any path, not every one: a path
    /// that skips the node behind a "go deeper?" gate, or runs to the end on its own, still has the node
    /// wait for the others that lead to it (a probe found it asked between them).
    private static func waitingForkReaching(_ id: String, _ progress: TopicProgress, _ topic: Topic) -> String? {
        for move in progress.waitingPaths.reversed() where move.branch != parkedBranch {
            if reachable(id, from: move.to, topic: topic, avoiding: move.from) { return move.from }
        }
        return nil
    }

    /// Parked below every path of `fork` still waiting, so it is walked after them unless one of them
    /// reaches it first (then it is asked there, and the parked entry dropped). A path that does not
    /// reach it after all (a gate answered no) leaves it to be asked from here.
    private static func park(_ id: String, for fork: String, _ progress: inout TopicProgress) {
        guard !progress.waitingPaths.contains(where: { $0.branch == parkedBranch && $0.to == id }) else { return }
        let below = progress.waitingPaths.firstIndex { $0.from == fork && $0.branch != parkedBranch } ?? progress.waitingPaths.count
        progress.waitingPaths.insert(WalkMove(from: fork, branch: parkedBranch, to: id), at: below)
    }

    private static func reachable(_ target: String, from start: String, topic: Topic, avoiding fork: String) -> Bool {
        var seen: Set<String> = [fork], queue = [start], head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            if id == target { return true }
            guard seen.insert(id).inserted, let step = topic.step(id) else { continue }
            queue += [step.next, step.yes, step.no].compactMap { $0 } + (step.paths ?? [])
        }
        return false
    }

    private static func nextWaitingPath(_ progress: inout TopicProgress) -> String? {
        guard let move = progress.waitingPaths.popLast() else { return nil }
        progress.trail.append(move)
        return move.to
    }

    private static func follow(_ progress: inout TopicProgress, from: String, branch: String, to: String?) -> String? {
        if let to { progress.trail.append(WalkMove(from: from, branch: branch, to: to)) }
        return to
    }
}
