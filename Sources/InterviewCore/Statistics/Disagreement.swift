import Foundation

/// What one interviewer of a panel recorded for one question.
public enum RaterEntry: Hashable, Sendable {
    case rated(Int)
    /// Behind a go-deeper gate this interviewer answered "no": they did not go deeper.
    case notDemonstrated
    /// Never reached in this interviewer's session.
    case notAsked
    /// Left out on purpose (already covered, not relevant).
    case skipped

    /// The entry without its rating: what "status differs" compares.
    public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
        case rated, notDemonstrated, notAsked, skipped
    }

    public var status: Status {
        switch self {
        case .rated: .rated
        case .notDemonstrated: .notDemonstrated
        case .notAsked: .notAsked
        case .skipped: .skipped
        }
    }

    public var rating: Int? {
        if case .rated(let rating) = self { return rating }
        return nil
    }
}

/// One question of a panel, as the debrief's disagreement view takes it.
public struct PanelQuestion: Hashable, Sendable {
    public var key: String
    public var topic: String
    /// Rater → entry. A rater of the panel missing here did not ask the question.
    public var entries: [String: RaterEntry]

    public init(key: String, topic: String, entries: [String: RaterEntry]) {
        self.key = key
        self.topic = topic
        self.entries = entries
    }
}

/// How much a panel disagreed on one question.
public struct QuestionDisagreement: Hashable, Sendable {
    public var key: String
    public var topic: String
    /// Position in the guide (the input's order), the last tie-break.
    public var guideIndex: Int
    /// Highest minus lowest rating; nil with fewer than two ratings.
    public var spread: Int?
    /// Population standard deviation of the ratings (a description of these raters, not an estimate
    /// of anyone else's); 0 with fewer than two ratings.
    public var standardDeviation: Double
    /// Rater pairs whose statuses differ (rated / not demonstrated / not asked / skipped).
    public var statusDifferences: Int
    /// Each status present → its raters, sorted: "A and B rated, C did not go deeper".
    public var ratersByStatus: [RaterEntry.Status: [String]]

    /// One rater rated the question and another did not: not demonstrated, not asked or skipped.
    public var statusDiffers: Bool { statusDifferences > 0 }
    /// The case the debrief names: one went deeper, another did not.
    public var depthDiffers: Bool { ratersByStatus[.rated] != nil && ratersByStatus[.notDemonstrated] != nil }
}
