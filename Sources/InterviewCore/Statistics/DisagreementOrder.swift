import Foundation

/// A topic's disagreement: the largest and the mean spread among its questions.
public struct TopicDisagreement: Hashable, Sendable {
    public var topic: String
    /// Position of the topic's first question in the guide.
    public var guideIndex: Int
    /// The largest spread among its questions; 0 when none has two ratings.
    public var largestSpread: Int
    /// Mean spread over its questions with two ratings or more; 0 when there are none.
    public var meanSpread: Double
    /// Its questions, most disagreement first.
    public var questions: [QuestionDisagreement]
}

/// The panel debrief's order: questions and topics, most disagreement first.
///
/// Questions: by spread (max − min of the ratings, a question behind a "go deeper?" answered no counting
/// 0 as it does in the score; a question with fewer than two such values counts as 0),
/// then the standard deviation (two ratings of 0 and 4 among 2s outrank one), then the number of rater
/// pairs whose statuses differ (one went deeper, the other did not), then the guide's order.
/// Topics: by their largest spread, then their mean spread, then the guide's order. The guide's order
/// as the last key makes the result deterministic whatever order dictionaries hand out.
public struct DisagreementOrder: Hashable, Sendable {
    public var questions: [QuestionDisagreement]
    public var topics: [TopicDisagreement]

    /// `questions` in the guide's order. `raters` are the panel's interviewers: one missing from a
    /// question's entries did not ask it; without `raters`, every rater named in any entry.
    public init(_ questions: [PanelQuestion], raters: [String]? = nil) {
        let panel = raters ?? Array(Set(questions.flatMap(\.entries.keys))).sorted()
        let measured = questions.enumerated().map { Self.measure($1, guideIndex: $0, raters: panel) }
        self.questions = measured.sorted(by: Self.questionComesFirst)
        topics = Self.topics(self.questions)
    }

    static func measure(_ question: PanelQuestion, guideIndex: Int, raters: [String]) -> QuestionDisagreement {
        let statuses = raters.map { (question.entries[$0] ?? .notAsked).status }
        // Not demonstrated counts 0 here as in the score: a gate one rater took and another did not made most
        // of a 55-point gap between two cards, and its rows, spread "–", sorted last (a panel probe).
        let ratings = raters.compactMap { rater -> Int? in
            guard let entry = question.entries[rater] else { return nil }
            return entry.status == .notDemonstrated ? 0 : entry.rating
        }
        var byStatus: [RaterEntry.Status: [String]] = [:]
        for (rater, status) in zip(raters, statuses) { byStatus[status, default: []].append(rater) }
        let differences = statuses.indices.reduce(0) { count, i in
            count + statuses[(i + 1)...].filter { $0 != statuses[i] }.count
        }
        return QuestionDisagreement(
            key: question.key, topic: question.topic, guideIndex: guideIndex,
            spread: ratings.count >= 2 ? ratings.max()! - ratings.min()! : nil,
            standardDeviation: standardDeviation(ratings), statusDifferences: differences,
            ratersByStatus: byStatus.mapValues { $0.sorted() })
    }

    /// From integer sums, (n·Σx² − (Σx)²) / n², one rounding: equal spreads of ratings give bit-equal
    /// values, so ties stay ties and fall through to the next key.
    static func standardDeviation(_ ratings: [Int]) -> Double {
        guard ratings.count >= 2 else { return 0 }
        let n = ratings.count, sum = ratings.reduce(0, +), squares = ratings.reduce(0) { $0 + $1 * $1 }
        return (Double(n * squares - sum * sum) / Double(n * n)).squareRoot()
    }

    static func questionComesFirst(_ a: QuestionDisagreement, _ b: QuestionDisagreement) -> Bool {
        if (a.spread ?? 0) != (b.spread ?? 0) { return (a.spread ?? 0) > (b.spread ?? 0) }
        if a.standardDeviation != b.standardDeviation { return a.standardDeviation > b.standardDeviation }
        if a.statusDifferences != b.statusDifferences { return a.statusDifferences > b.statusDifferences }
        return a.guideIndex < b.guideIndex
    }

    /// `ordered` is already in question order, so each topic's questions keep it.
    static func topics(_ ordered: [QuestionDisagreement]) -> [TopicDisagreement] {
        var grouped: [String: [QuestionDisagreement]] = [:]
        for question in ordered { grouped[question.topic, default: []].append(question) }
        return grouped.map { topic, questions in
            let spreads = questions.compactMap(\.spread)
            return TopicDisagreement(
                topic: topic, guideIndex: questions.map(\.guideIndex).min()!,
                largestSpread: spreads.max() ?? 0,
                // One division of integers: equal means compare equal and fall through to the guide's order.
                meanSpread: spreads.isEmpty ? 0 : Double(spreads.reduce(0, +)) / Double(spreads.count),
                questions: questions)
        }.sorted { a, b in
            if a.largestSpread != b.largestSpread { return a.largestSpread > b.largestSpread }
            if a.meanSpread != b.meanSpread { return a.meanSpread > b.meanSpread }
            return a.guideIndex < b.guideIndex
        }
    }
}
