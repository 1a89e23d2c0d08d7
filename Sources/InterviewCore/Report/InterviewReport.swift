/// Everything a report shows, decided once for its audience: the Markdown and HTML reports render it,
/// and the JSON report is it, encoded. What the audience must not see is absent here, not just hidden.
public struct InterviewReport: Hashable, Sendable, Codable {
    public static let schemaVersion = 1

    public var schema = InterviewReport.schemaVersion
    public var audience: ReportAudience
    public var language: ReportLanguage
    public var title: String
    public var guide: GuideInfo
    public var candidate: String?
    /// Who ran the interview, as the session names them; interviewer audience only (the candidate's
    /// feedback is the team's, not one person's).
    public var interviewer: String? = nil
    public var startedAt: String?
    public var finishedAt: String?
    public var minutes: Double
    public var confirmedIncomplete: [String]
    public var scaleMaximum: Int
    public var overall: Double?
    public var overallFormula: String
    public var accuracy: Double?
    public var accuracyFormula: String
    public var coverage: Double?
    public var coverageFormula: String
    /// Interviewer audience only.
    public var band: String?
    public var knockouts: [String]
    public var knockoutsNotAssessed: [String]
    /// When a knockout moved the recommendation: the band it gave and the one the overall alone gives.
    public var knockoutEffect: String?
    public var topics: [TopicReport]
    public var dimensions: [DimensionReport]
    public var stages: [StageReport]
    /// Notes not tied to a question.
    public var notes: [NoteReport]
    /// Candidate audience: the feedback, one sentence per topic entered, plus a closing line.
    public var feedback: [String]
    /// A panel's candidate version (`panelFeedback`): how many scorecards its numbers are the mean of,
    /// and when the last of them was submitted or revised.
    public var panelSize: Int? = nil
    /// How many cards the panel has when some are not submitted yet ("2 of 3"); set by the caller who knows.
    public var panelSeats: Int? = nil
    /// A candidate's copy: when the card (the last of the panel's cards) was submitted or last revised.
    public var asOf: String? = nil
    /// One card's candidate version from an interview whose panel has this many cards: said on it, so it
    /// is not sent as the team's feedback by mistake (a recruiter's probe).
    public var oneOfPanel: Int? = nil

    public struct GuideInfo: Hashable, Sendable, Codable {
        public var id: String?
        public var title: String
        public var hash: String
    }

    public func topic(_ key: String) -> TopicReport? { topics.first { $0.key == key } }
}

public struct TopicReport: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    /// Key and title as one readable name, without the title twice when the key already holds it.
    public var heading: String { Topic.heading(key: key, title: title) }
    public var entered: Bool
    /// nil for the candidate.
    public var weight: Double?
    public var knockout: Double?
    public var isKnockedOut: Bool
    public var score: Double?
    public var accuracy: Double?
    public var coverage: Double?
    public var depthAvailable: Int
    public var depthReached: Int
    public var deeperShare: Double?
    public var formulas: Formulas
    public var questions: [QuestionReport]
    public var gates: [GateReport]
    /// The nodes the walk stood on, for drawing the path taken.
    public var path: [String]
    public var moves: [WalkMove]

    public struct Formulas: Hashable, Sendable, Codable {
        public var score: String
        public var accuracy: String
        public var coverage: String
        public var deeperShare: String
    }
}

public struct QuestionReport: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    public var level: Int
    public var weight: Double?
    public var status: QuestionStatus
    public var statusLabel: String
    public var rating: Int?
    /// What a rating at this level means: the question's rubric, else the scale's anchor.
    public var ratingMeaning: String?
    public var reference: String?
    public var skipReason: String?
    public var notes: [NoteReport]
    /// A panel's candidate version, where the interviewers' answers differ: each one's, unnamed.
    public var panel: [PanelAnswer]? = nil
}

public struct GateReport: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    public var kind: Gate.Kind
    public var answer: Bool?
    /// Unanswered where the topic's walk stopped: shown to the interviewer, who moved on (`ReportLabels.leftUnanswered`).
    public var leftUnanswered: Bool?

    /// The answer in words.
    public func shown(_ l: ReportLabels) -> String {
        answer.map { $0 ? l.yes : l.no } ?? (leftUnanswered == true ? l.leftUnanswered : l.unanswered)
    }
}

public struct DimensionReport: Hashable, Sendable, Codable {
    public var name: String
    public var score: Double?
    public var formula: String
}

public struct StageReport: Hashable, Sendable, Codable {
    public var key: String
    public var title: String
    public var requirement: Requirement
    public var budgetMinutes: Int?
    public var elapsedMinutes: Double
    public var visited: Bool
}

public struct NoteReport: Hashable, Sendable, Codable {
    public var at: String
    public var text: String
    public var isShared: Bool
    public var topic: String?
    public var question: String?
}
