import Vapor

/// One candidate: personal data (read is audited), resume, interviews and the scheduling form.
struct CandidateShow: Encodable {
    struct Option: Encodable { var id: UUID; var name: String; var checked: Bool }

    var id: UUID
    var name: String?
    var contact: String?
    var resumeText: String?
    var resumeHref: String?
    var notes: String?
    var erased: Bool
    var erasedAt: String
    var positionTitle: String
    var positionHref: String
    var interviews: [InterviewService.Row]
    var interviewers: [Option]
    var scheduleAction = SiteURL.interviews.path
    var scheduledAt = ""
    var exportHref: String
    var updateAction: String
    var eraseAction: String
    var canManage: Bool
    var statuses: [StatusOption]
    var errors: [String: String] = [:]
    /// The panel's submitted recommendations the viewer may see, beside the decision (never filling it in).
    var recommendations: [Recommendation] = []
    var decisions: [DecisionService.Entry] = []
    /// The viewer sits on one of the candidate's panels with their own card not submitted: colleagues'
    /// cards and the decision are withheld (`PanelVisibility`), and the page says why rather than
    /// "no decision yet".
    var awaitingOwnCard = false
    /// `PanelCards.openCardNotice`: which of the viewer's cards is still open, and its console.
    var openCardText: String?
    var openCardHref: String?
    /// When the personal data is erased as things stand, or that it is kept until erased by hand.
    var retention: String?
    /// `PanelCards.cancelledNotice`.
    var cancelledCards: String?
    /// Who on the panels has not submitted (`PanelCards.outstandingNotice`), said beside the decision.
    var outstandingCards: String?
    var currentDecision: DecisionService.Entry?
    /// `PanelCards.changedSince`: cards submitted or revised after the decision in force.
    var changedSinceDecision: [String] = []
    var decisionAction: String = ""
    var debriefHref: String = ""
    var outcomes: [Option2] = []
    /// What a refused decision form held, shown again (the outcome was reset, the rationale lost).
    var decisionRationale = ""
    /// The id of the decision in force as the page shows it ("" for none), sent back with the form.
    var decisionBasedOn = ""
    /// Back from the schedule form: the page says it was done.
    var justScheduled = false
    /// After recording a decision: said at the decision section, as scheduling is at the interviews.
    var justDecided = false

    struct Recommendation: Encodable { var interviewer: String; var label: String; var summary: String; var score: String }
    struct Option2: Encodable { var value: String; var label: String; var selected = false }
}

struct StatusOption: Encodable {
    var value: String
    var label: String
    var selected: Bool

    static func all(_ language: Language, selected: Interview.Status? = nil) -> [StatusOption] {
        Interview.Status.allCases.map { StatusOption(value: $0.rawValue, label: $0.label(language), selected: $0 == selected) }
    }
}
