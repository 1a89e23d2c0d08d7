import Vapor

/// One position: its guide, members, candidates and the forms to add to them.
struct PositionShow: Encodable {
    /// `removeAction`: nil for the viewer, who cannot take themselves off.
    struct Member: Encodable { var name: String; var email: String; var role: String; var removeAction: String? }

    var id: UUID
    var title: String
    /// `ChangeNotice`: what the change just made did.
    var notice: String?
    var guideTitle: String
    var guideHref: String
    /// The period that governs (`Position.retention(limit:)`), which the form also shows.
    var retentionDays: Int?
    /// The server's ceiling shortens the position's own period.
    var retentionLimited = false
    /// The server's retention ceiling said beside the period (`Text.retentionLimitHint`), when it has one.
    var retentionLimitHint: String?
    var overdueHours: Int?
    var members: [Member]
    var candidates: [CandidateService.Row]
    var pager: CandidatePager
    /// What the candidate list is filtered by.
    var search = ""
    var canManage: Bool
    var canChangeRetention: Bool
    var settingsAction: String
    var memberAction: String
    var candidateAction = SiteURL.candidates.path
    var candidateForm = CandidateService.FormEcho()
    var errors: [String: String] = [:]
    /// The interviewers' agreement pooled over the position's panels (hiring managers and admins).
    var agreement: [String] = []
}
