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
            // Where a fork's paths meet again, a path that is not the last one ends: the join is asked
            // once every path has been walked, as the drawing shows it (it came between the paths, and
            // the question count ran backwards).
            if joins, progress.waitingPaths.contains(where: { join(of: $0.from, topic: topic) == id }) {
                node = nil
                continue
            }
            guard let step = topic.step(id) else { node = nil; continue }
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

    /// The node where the paths of the fork `forkID` meet again: the first one, walking down its first
    /// path, that every other path reaches too; nil when they never meet (each runs to its own end).
    static func join(of forkID: String, topic: Topic) -> String? {
        guard let fork = topic.step(forkID), let others = fork.paths, !others.isEmpty, let first = fork.next else { return nil }
        let reachedByOthers = others.map { reachable(from: $0, topic: topic, avoiding: forkID) }
        for id in reachableInOrder(from: first, topic: topic, avoiding: forkID)
            where reachedByOthers.allSatisfy({ $0.contains(id) }) {
            return id
        }
        return nil
    }

    private static func reachable(from start: String, topic: Topic, avoiding fork: String) -> Set<String> {
        Set(reachableInOrder(from: start, topic: topic, avoiding: fork))
    }

    /// Breadth first, so the nearest meeting point comes first.
    private static func reachableInOrder(from start: String, topic: Topic, avoiding fork: String) -> [String] {
        var order: [String] = [], seen: Set<String> = [fork], queue = [start], head = 0
        while head < queue.count {
            let id = queue[head]
            head += 1
            guard seen.insert(id).inserted else { continue }
            order.append(id)
            guard let step = topic.step(id) else { continue }
            queue += [step.next, step.yes, step.no].compactMap { $0 } + (step.paths ?? [])
        }
        return order
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
