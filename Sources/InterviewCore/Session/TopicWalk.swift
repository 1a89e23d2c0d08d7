/// Moves a topic's walk along its flowchart. The walk stops only where the interviewer has something
/// to do: a question to ask or rate, a gate to answer, an instruction offering another topic.
/// Start nodes, plain advice and questions already dealt with are passed through on their own.
enum TopicWalk {
    /// Leaves `node` along `branch` ("next", "yes" or "no") and settles at the next stop.
    static func move(_ progress: inout TopicProgress, from node: String, branch: String, topic: Topic, guide: Guide) {
        let step = topic.step(node)
        let target = switch branch {
        case "yes": step?.yes
        case "no": step?.no
        default: step?.next
        }
        // A question that forks (a Mermaid box with several lines out) leaves its other paths waiting
        // when it is rated and the walk moves on along the first.
        if branch == "next", let step { waitForPaths(of: step, &progress) }
        settle(&progress, at: follow(&progress, from: node, branch: branch, to: target), topic: topic, guide: guide)
    }

    /// Where a topic's walk starts.
    static func begin(_ progress: inout TopicProgress, topic: Topic, guide: Guide) {
        guard !topic.isPickList else {
            progress.position = nil
            return
        }
        settle(&progress, at: topic.startNode, topic: topic, guide: guide)
    }

    private static func settle(_ progress: inout TopicProgress, at start: String?, topic: Topic, guide: Guide) {
        var node = start
        // A chart may loop; a walk that passes every node without a stop has nowhere left to go.
        var budget = (topic.steps.count + 1) * 4   // a node may be passed again on each of three paths
        while budget > 0 {
            guard let id = node ?? nextWaitingPath(&progress) else { break }
            node = id
            budget -= 1
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
