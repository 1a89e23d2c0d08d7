/// One interviewer's scorecard of one candidate as calibration reads it: the ratings the model fits,
/// and the same ratings weighted so that their points ratio is the scorecard's overall score of record.
///
/// Why those weights: the overall score is the topic-weighted mean of topic scores, each topic score a
/// points ratio over its questions (docs/scoring.md). That is linear in the ratings: question q of topic t
/// counts W_t · w_q / S_t, with S_t the weight of t's questions in the score. Giving each rating that
/// weight makes `RaterCalibration.adjustedScore`'s raw score equal to `Scorecard.overall`, and its
/// adjusted score the same number with every rating replaced by its severity-free value.
public struct ScorecardRatings: Hashable, Sendable {
    public var candidate: String
    public var interviewer: String
    /// Rated questions, as the model fits them (question key: `QuestionKey.of(topic:question:)`).
    public var ratings: [CalibrationRating]
    /// Every question in the score: rated ones, and those behind a gate answered "no" (not adjustable).
    public var weighted: [WeightedRating]

    public init(candidate: String, interviewer: String, ratings: [CalibrationRating], weighted: [WeightedRating]) {
        self.candidate = candidate
        self.interviewer = interviewer
        self.ratings = ratings
        self.weighted = weighted
    }

    public init(candidate: String, interviewer: String, card: Scorecard, scale: ClosedRange<Int>) {
        self.candidate = candidate
        self.interviewer = interviewer
        ratings = []
        weighted = []
        for topic in card.topics where topic.score != nil {
            let inScore = topic.questions.filter { $0.status.isInScore }
            let sum = inScore.reduce(0) { $0 + $1.weight }
            guard sum > 0, topic.weight > 0 else { continue }
            for question in inScore {
                let key = QuestionKey.of(topic: topic.key, question: question.id)
                let weight = topic.weight * question.weight / sum
                if question.status == .rated, let rating = question.rating {
                    ratings.append(CalibrationRating(candidate: candidate, interviewer: interviewer, question: key, rating: rating))
                    weighted.append(WeightedRating(question: key, interviewer: interviewer, rating: rating, weight: weight))
                } else {
                    weighted.append(WeightedRating(question: key, interviewer: interviewer, rating: scale.lowerBound,
                                                   weight: weight, adjustable: false))
                }
            }
        }
        weighted = Self.countingOnce(weighted)
    }

    /// The weights scaled to sum to 1: a ratio within the card does not change, and pooled over a panel
    /// each card counts once, so the panel's raw score is the mean of its cards' overall scores — the
    /// panel score every list shows. (Pooled with their own sums, a card that covered more topics weighed
    /// more, and the debrief showed "mean 43.0" above "raw 45.6, the score of record".)
    static func countingOnce(_ ratings: [WeightedRating]) -> [WeightedRating] {
        let total = ratings.reduce(0) { $0 + max($1.weight, 0) }
        guard total > 0 else { return ratings }
        return ratings.map { var r = $0; r.weight /= total; return r }
    }
}

/// How calibration names a question: topic key and question id, so `3.1/q2` is the same question in
/// every interview on the guide, and a CSV row's `topic,question` names it the same way.
public enum QuestionKey {
    public static func of(topic: String, question: String) -> String { "\(topic)/\(question)" }
}
