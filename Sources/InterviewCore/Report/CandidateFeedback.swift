/// Feedback worded for the candidate: what went well and what we did not get to, per topic, without
/// ranks, weights or the recommendation. Accuracy (on what was asked) drives the wording rather than
/// the score, so a topic cut short by the clock does not read as a failure.
enum CandidateFeedback {
    static let strongAccuracy = 75.0
    static let solidAccuracy = 50.0

    /// `partlyDeeper`: the topics of a panel where some interviewers went deeper and others did not.
    static func sentences(_ topics: [TopicReport], labels: ReportLabels, partlyDeeper: Set<String> = []) -> [String] {
        let chinese = labels.reportTitle == ReportLabels.chinese.reportTitle
        let lines = topics.filter { $0.accuracy != nil }.map { topic -> String in
            let accuracy = topic.accuracy ?? 0
            let verdict = accuracy >= strongAccuracy ? labels.strong : accuracy >= solidAccuracy ? labels.solid : labels.revisit
            // A panel's "we went on to advanced questions" hid that the others' count 0 (a recruiter's probe);
            // and "they count 0" is said only where a "no" made them count 0: advanced questions the
            // interview never came to count neither way, and the sentence said otherwise (the probe again).
            let zero = topic.questions.contains { $0.status == .notDemonstrated }
            let depth = partlyDeeper.contains(topic.key) ? labels.partlyDeeper
                : topic.depthReached > 1 ? labels.wentDeeper
                : topic.depthAvailable > 1 ? (zero ? labels.notDeeper : labels.deeperNotReached) : nil
            let parts = [verdict] + (depth.map { [$0] } ?? [])
            return chinese ? "\(topic.heading)：\(parts.joined(separator: "；"))。"
                : "\(topic.heading): \(capitalised(parts.joined(separator: "; ")))."
        }
        return lines + [labels.disclaimer]
    }

    private static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
