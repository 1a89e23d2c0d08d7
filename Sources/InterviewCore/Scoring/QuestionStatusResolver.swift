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
        let applicable = topic.isPickList ? [] : reachable(topic, cutting: pathAnswers)
        let live = topic.isPickList ? [] : reachable(topic, cutting: answers)
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

    /// Nodes reachable from the start, following only the recorded answer at the gates in `cutting`.
    static func reachable(_ topic: Topic, cutting answers: [String: Bool]) -> Set<String> {
        guard let start = topic.startNode else { return [] }
        // Steps found by id through a table made once, not a search of the list per node; the first
        // step of an id wins, as in `Topic.step`.
        var steps: [String: Int] = [:]
        steps.reserveCapacity(topic.steps.count)
        for (index, step) in topic.steps.enumerated() where steps[step.id] == nil { steps[step.id] = index }
        var seen: Set<String> = [start]
        var stack = [start]
        func visit(_ target: String?) {
            if let target, seen.insert(target).inserted { stack.append(target) }
        }
        while let id = stack.popLast() {
            guard let index = steps[id] else { continue }
            let step = topic.steps[index]
            switch answers[id] {
            case true?: visit(step.yes)
            case false?: visit(step.no)
            case nil:
                visit(step.next)
                visit(step.yes)
                visit(step.no)
            }
        }
        return seen
    }
}
