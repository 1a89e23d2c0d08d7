/// What became of one question in a session, as scoring sees it (docs/scoring.md, "Question status").
public enum QuestionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Asked and rated: earns rating × weight of maximum × weight.
    case rated
    /// Asked, no rating recorded: no evidence either way, so out of the score; coverage counts it missing.
    case askedNotRated
    /// Skipped by the interviewer: removed from everything.
    case skipped
    /// Behind a go-deeper gate answered "no": 0 earned of maximum × weight.
    case notDemonstrated
    /// Applicable but never reached (the topic was left early, or never entered): out of the score,
    /// counted missing in coverage.
    case notAsked
    /// On the branch not taken at a path gate, or an open question not picked: removed from everything.
    case notApplicable

    /// Counts in the topic score's points possible.
    public var isInScore: Bool { self == .rated || self == .notDemonstrated }
    /// Counts in coverage's denominator.
    public var isApplicable: Bool { self != .skipped && self != .notApplicable }
}

public struct QuestionScore: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    public var level: Int
    public var weight: Double
    public var status: QuestionStatus
    public var rating: Int?
    public var skipReason: String?
    public var earned: Double
    public var possible: Double
}

public struct DepthScore: Hashable, Sendable, Codable {
    /// The deepest level among the topic's applicable questions.
    public var available: Int
    /// The deepest level of a rated question; 0 when none was rated.
    public var reached: Int
    /// Share (0–100) of the applicable weight above level 1 that was asked and rated; nil without any.
    public var deeperShare: Double?
    public var derivation: Derivation
}

public struct TopicScore: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    public var heading: String { Topic.heading(key: key, title: title) }
    public var weight: Double
    public var knockout: Double?
    public var isPickList: Bool
    public var entered: Bool
    public var questions: [QuestionScore]
    /// 0–100, nil when the topic holds no evidence (nothing rated, no gate answered "no").
    public var score: Double?
    /// 0–100 over the questions rated only.
    public var accuracy: Double?
    /// 0–100: rated weight over applicable weight.
    public var coverage: Double?
    public var depth: DepthScore
    public var isKnockedOut: Bool
    public var scoreDerivation: Derivation
    public var accuracyDerivation: Derivation
    public var coverageDerivation: Derivation
}

public struct DimensionScore: Hashable, Sendable, Codable {
    public var name: String
    public var score: Double?
    public var derivation: Derivation
}

/// A whole session's numbers. It supports a human decision and never makes one alone.
public struct Scorecard: Hashable, Sendable, Codable {
    public var scaleMaximum: Int
    public var topics: [TopicScore]
    /// Topic-weighted mean of the scored topics' scores; nil when no topic holds evidence.
    public var overall: Double?
    public var overallDerivation: Derivation
    /// Topic-weighted means of the scored topics' accuracy and coverage.
    public var accuracy: Double?
    public var accuracyDerivation: Derivation
    public var coverage: Double?
    public var coverageDerivation: Derivation
    public var dimensions: [DimensionScore]
    /// Topics whose score fell under their knockout threshold.
    public var knockouts: [String]
    /// Knockout topics never scored: the guide expects them, the session has no evidence.
    public var knockoutsNotAssessed: [String]
    public var band: RecommendationBand?

    public func topic(_ key: String) -> TopicScore? { topics.first { $0.key == key } }
}
