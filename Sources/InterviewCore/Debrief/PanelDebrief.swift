import Foundation

/// A candidate's panel set side by side for the hiring committee: every submitted scorecard's ratings
/// and notes question by question, topics and questions ordered by how much the raters disagree
/// (`DisagreementOrder`), the differences of depth made visible (one went deeper, another did not),
/// each interviewer's own recommendation and summary, the scores with their range, and how far the
/// raters agree (`PanelAgreement`). Built from the same session states the single reports use, so the
/// server's debrief and `interview report A.jsonl B.jsonl` combine panels the same way.
public struct PanelDebrief: Sendable {
    /// One interviewer's submitted card. `rater` is the column's label; `person` says who scored it, for
    /// a debrief over several rounds where one interviewer has a card in two of them (labelled apart by
    /// the caller, "Olga · round 2"): two cards of one person are no pair of the panel's agreement.
    public struct Card: Sendable {
        public var rater: String
        public var person: String
        public var state: SessionState
        public init(rater: String, person: String? = nil, state: SessionState) {
            self.rater = rater
            self.person = person ?? rater
            self.state = state
        }
    }

    public struct Rater: Hashable, Sendable, Codable {
        public var name: String
        public var recommendation: String
        public var recommendationLabel: String
        public var summary: String
        public var overall: Double?
        public var coverage: Double?
        public var submittedAt: Date?
        /// Changes made after submitting, each with a reason (the card's report lists them): a debrief read
        /// after a decision should show that a card moved since.
        public var revisions = 0
        public var lastRevisedAt: Date?
        /// The recommendation (its label) and summary as first submitted, when a revision changed them.
        public var recommendationAsSubmitted: String?
        public var summaryAsSubmitted: String?
    }

    public struct Cell: Hashable, Sendable, Codable {
        public var rater: String
        /// rated, notDemonstrated, notAsked or skipped.
        public var status: RaterEntry.Status
        public var rating: Int?
        public var notes: [String]
        /// Why the rater skipped it, as written (the stock reason when none was given); nil otherwise.
        public var skipReason: String?
        /// The card's own finer status where the grid's four fold it into "not asked": asked but not rated, or
        /// not applicable (an open question not picked, a path not taken), as the card's report names it.
        public var detail: QuestionStatus?
        /// What the card said here when first submitted, when a revision changed it since: a committee
        /// weighs a rating moved after the colleagues' cards could be read differently from one given blind.
        public var asSubmitted: Submitted?
    }

    public struct Submitted: Hashable, Sendable, Codable {
        public var status: RaterEntry.Status
        public var rating: Int?
    }

    public struct Row: Hashable, Sendable, Codable {
        public var question: String
        public var text: String
        public var spread: Int?
        public var standardDeviation: Double
        public var statusDiffers: Bool
        /// One rater went deeper, another did not: some rated it, some did not reach it behind a gate.
        public var depthDiffers: Bool
        public var cells: [Cell]
    }

    public struct TopicGroup: Hashable, Sendable, Codable {
        public var topic: String
        public var title: String
        /// What goes before the title in a heading: the number ("3.6"), or nothing for a topic without one.
        /// The key of the second of two topics that share a number already ends with its title, and
        /// headings written as key + title said it twice (a terminal probe: "3.6 一些开放式技术问题 一些开放式技术问题").
        public var keyBeforeTitle: String
        public var largestSpread: Int
        public var rows: [Row]
        /// Notes taken in the topic but on no particular question, per rater.
        public var notes: [RaterNotes]
    }

    public struct RaterNotes: Hashable, Sendable, Codable {
        public var rater: String
        public var notes: [String]
    }

    public var guideTitle: String
    public var raters: [Rater]
    public var topics: [TopicGroup]
    public var agreement: PanelAgreement
    /// Lowest, highest and mean overall score of the cards that have one.
    public var scoreRange: (low: Double, high: Double, mean: Double)?
    /// Notes no topic group above carries, per rater: taken in a stage (the resume scan, the candidate's
    /// questions) or in a topic nobody rated a question of; each begins with where it was taken
    /// ("Resume scan: …"). A debrief without them lost what an interviewer wrote outside the questions.
    public var otherNotes: [RaterNotes] = []

    public static func make(guide: Guide, cards: [Card], policy: AgreementPolicy = .standard) -> PanelDebrief {
        // Every card's label is its key below: two cards under one label showed one card's ratings in both
        // columns (an interviewer on two rounds), so a label given twice is told apart by a number.
        let cards = Self.labelledApart(cards)
        let scored = cards.map { (card: $0, score: Scoring.score(guide, $0.state)) }
        // Each revised card scored as it was first submitted, to tell which answers a revision changed.
        let firstSubmitted: [String: Scorecard] = Dictionary(uniqueKeysWithValues: cards.compactMap { card in
            guard !card.state.revisions.isEmpty, let topics = card.state.topicsAtFirstSubmission else { return nil }
            var before = card.state
            before.topics = topics
            return (card.rater, Scoring.score(guide, before))
        })
        let label = { (id: String) in guide.bands.first { $0.id == id }?.label ?? ScorecardSubmission.noDecisionLabel(for: guide) }
        let raters = scored.map { card, score in
            let submission = card.state.submission
            let id = submission?.recommendation ?? ScorecardSubmission.noDecision
            var rater = Rater(name: card.rater, recommendation: id, recommendationLabel: label(id),
                              summary: submission?.summary ?? "", overall: score.overall, coverage: score.coverage,
                              submittedAt: card.state.submittedAt, revisions: card.state.revisions.count,
                              lastRevisedAt: card.state.revisions.last?.at)
            if let first = card.state.firstSubmission, let submission {
                if first.recommendation != submission.recommendation { rater.recommendationAsSubmitted = label(first.recommendation) }
                if first.summary != submission.summary { rater.summaryAsSubmitted = first.summary }
            }
            return rater
        }
        // Each question's entry per rater, in the guide's order, keyed "topic/question".
        var questions: [PanelQuestion] = [], texts: [String: (topic: String, id: String, text: String)] = [:]
        var ratings: [String: [String: Int]] = [:]
        for topic in guide.topics {
            for question in topic.questions {
                let key = "\(topic.key)/\(question.id)"
                var entries: [String: RaterEntry] = [:]
                for (card, score) in scored {
                    let status = Self.question(topic.key, question.id, in: score)
                    entries[card.rater] = Self.entry(status)
                    if let rating = status?.rating, status?.status == .rated { ratings[card.rater, default: [:]][key] = rating }
                }
                // Questions nobody reached say nothing about the panel.
                guard entries.values.contains(where: { $0 != .notAsked }) else { continue }
                questions.append(PanelQuestion(key: key, topic: topic.key, entries: entries))
                texts[key] = (topic.key, question.id, question.text)
            }
        }
        let order = DisagreementOrder(questions, raters: cards.map(\.rater))
        let topics = order.topics.map { group in
            TopicGroup(topic: group.topic, title: guide.topic(group.topic)?.title ?? group.topic,
                       keyBeforeTitle: Self.keyBeforeTitle(group.topic, title: guide.topic(group.topic)?.title ?? group.topic),
                       largestSpread: group.largestSpread,
                       rows: group.questions.map { q in
                           let (topic, id, text) = texts[q.key] ?? (q.topic, q.key, q.key)
                           return Row(question: id, text: text, spread: q.spread, standardDeviation: q.standardDeviation,
                                      statusDiffers: q.statusDiffers, depthDiffers: q.depthDiffers,
                                      cells: scored.map { card, score in
                                          let entry = questions.first { $0.key == q.key }?.entries[card.rater] ?? .notAsked
                                          let before = firstSubmitted[card.rater].map { Self.entry(Self.question(topic, id, in: $0)) }
                                          let own = Self.question(topic, id, in: score)?.status
                                          return Cell(rater: card.rater, status: entry.status, rating: entry.rating,
                                                      notes: card.state.notes.filter { $0.note.topic == topic && $0.note.question == id }.map(\.note.text),
                                                      skipReason: card.state.topics[topic]?.skipped[id],
                                                      detail: own == .askedNotRated || own == .notApplicable ? own : nil,
                                                      asSubmitted: before.flatMap { $0 == entry ? nil : Submitted(status: $0.status, rating: $0.rating) })
                                      })
                       },
                       notes: cards.compactMap { card in
                           let notes = card.state.notes.filter { $0.note.topic == group.topic && $0.note.question == nil }.map(\.note.text)
                           return notes.isEmpty ? nil : RaterNotes(rater: card.rater, notes: notes)
                       })
        }
        let agreement = PanelAgreement(cards.map { RaterRatings(rater: $0.rater, person: $0.person, ratings: ratings[$0.rater] ?? [:]) },
                                       scale: guide.scale, policy: policy)
        let overall = raters.compactMap(\.overall)
        let range = overall.isEmpty ? nil : (overall.min()!, overall.max()!, overall.reduce(0, +) / Double(overall.count))
        let shownTopics = Set(topics.map(\.topic))
        let otherNotes = cards.compactMap { card -> RaterNotes? in
            let notes = card.state.notes.map(\.note).filter { note in note.topic.map { !shownTopics.contains($0) } ?? true }
                .map { note in
                    let place = note.topic.flatMap { guide.topic($0)?.title }
                        ?? note.stage.flatMap { key in guide.stages.first { $0.key == key }?.title }
                    return place.map { "\($0): \(note.text)" } ?? note.text
                }
            return notes.isEmpty ? nil : RaterNotes(rater: card.rater, notes: notes)
        }
        return PanelDebrief(guideTitle: guide.title, raters: raters, topics: topics, agreement: agreement, scoreRange: range,
                            otherNotes: otherNotes)
    }

    /// The cards, a label that repeats an earlier one numbered ("Olga (2)").
    static func labelledApart(_ cards: [Card]) -> [Card] {
        var seen: Set<String> = [], result = cards
        for i in result.indices {
            var label = result[i].rater, number = 1
            while seen.contains(label) {
                number += 1
                label = "\(result[i].rater) (\(number))"
            }
            seen.insert(label)
            result[i].rater = label
        }
        return result
    }

    static func question(_ topic: String, _ id: String, in score: Scorecard) -> QuestionScore? {
        score.topics.first { $0.key == topic }?.questions.first { $0.id == id }
    }

    static func entry(_ question: QuestionScore?) -> RaterEntry {
        guard let question else { return .notAsked }
        switch question.status {
        case .rated: return question.rating.map(RaterEntry.rated) ?? .notAsked
        case .notDemonstrated: return .notDemonstrated
        case .skipped: return .skipped
        default: return .notAsked
        }
    }
}

extension PanelDebrief {
    /// `key` without the title it may end with (see `TopicGroup.keyBeforeTitle`).
    static func keyBeforeTitle(_ key: String, title: String) -> String {
        if key == title { return "" }
        return key.hasSuffix(" " + title) ? String(key.dropLast(title.count + 1)) : key
    }
}

extension Topic {
    /// The key without the title it may end with ("3.6" for the second of two 3.6 topics, whose key is
    /// "3.6 开放式技术问题"), for a line that shows the heading already; "" for a topic named by its title.
    public var keyBeforeTitle: String { PanelDebrief.keyBeforeTitle(key, title: title) }
}
