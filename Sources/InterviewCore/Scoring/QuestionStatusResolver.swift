/// Sorts a topic's questions into `QuestionStatus` from what the session recorded and where the
/// flowchart could still have gone. Two walks over the chart decide it:
/// - "applicable": every branch, except the untaken side of a path gate that was answered;
/// - "live": every branch, except the untaken side of any gate that was answered.
/// A question in the first and not the second sits behind a go-deeper gate answered "no".
enum QuestionStatusResolver {
    static func statuses(_ topic: Topic, _ progress: TopicProgress?) -> [String: QuestionStatus] {
        var result: [String: QuestionStatus] = [:]
        let answers = progress?.gateAnswers ?? [:]
        let pathAnswers = answers.filter { topic.gate($0.key)?.kind == .path }
        let steps = topic.isPickList ? [:] : stepTable(topic)
        let applicable = topic.isPickList ? [] : reachable(topic, steps, cutting: pathAnswers)
        // The two walks differ only when a gate other than a path gate was answered (the live console
        // rescores a topic after every rating; most of that time went into walking the chart).
        let live = topic.isPickList || pathAnswers.count == answers.count ? applicable : reachable(topic, steps, cutting: answers)
        for question in topic.questions {
            let id = question.id
            result[id] = if progress?.skipped[id] != nil {
                .skipped
            } else if progress?.ratings[id] != nil {
                .rated
            } else if progress?.wasAsked(id) == true {
                .askedNotRated
            } else if topic.isPickList || !applicable.contains(id) {
                // Open questions are picked as the moment fits: one not picked was never owed.
                .notApplicable
            } else if !live.contains(id) {
                .notDemonstrated
            } else {
                .notAsked
            }
        }
        return result
    }

    /// Each step's index by id, so the walks find steps through a table rather than a search of the
    /// list per node; the first step of an id wins, as in `Topic.step`.
    private static func stepTable(_ topic: Topic) -> [String: Int] {
        var steps: [String: Int] = [:]
        steps.reserveCapacity(topic.steps.count)
        for index in topic.steps.indices where steps[topic.steps[index].id] == nil { steps[topic.steps[index].id] = index }
        return steps
    }

    /// Nodes reachable from the start, following only the recorded answer at the gates in `cutting`.
    private static func reachable(_ topic: Topic, _ steps: [String: Int], cutting answers: [String: Bool]) -> Set<String> {
        guard let start = topic.startNode else { return [] }
        var seen: Set<String> = [start]
        var stack = [start]
        func visit(_ target: String?) {
            if let target, seen.insert(target).inserted { stack.append(target) }
        }
        while let id = stack.popLast() {
            guard let index = steps[id] else { continue }
            let (next, yes, no) = (topic.steps[index].next, topic.steps[index].yes, topic.steps[index].no)
            switch answers[id] {
            case true?: visit(yes)
            case false?: visit(no)
            case nil:
                visit(next)
                visit(yes)
                visit(no)
            }
            for path in topic.steps[index].paths ?? [] { visit(path) }
        }
        return seen
    }
}
