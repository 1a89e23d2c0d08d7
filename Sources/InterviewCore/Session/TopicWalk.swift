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
        var budget = topic.steps.count + 1
        while let id = node, budget > 0 {
            budget -= 1
            guard let step = topic.step(id) else { break }
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
                node = follow(&progress, from: id, branch: "next", to: step.next)
            }
        }
        progress.position = nil
    }

    private static func follow(_ progress: inout TopicProgress, from: String, branch: String, to: String?) -> String? {
        if let to { progress.trail.append(WalkMove(from: from, branch: branch, to: to)) }
        return to
    }
}
