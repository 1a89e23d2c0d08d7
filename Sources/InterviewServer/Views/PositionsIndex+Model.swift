import Vapor

/// The positions page: the list with its search, and the form to open a position.
struct PositionsIndex: Encodable {
    var positions: [PositionService.Summary]
    var search: String
    var canCreate: Bool
    var action = SiteURL.positions.path
    var guides: [GuideChoice]
    var form: PositionService.Input
    var errors: [String: String]
    /// The server's retention ceiling said beside the period (`Text.retentionLimitHint`), when it has one.
    var retentionLimitHint: String?
    /// The signed-in interviewer's scorecards waiting for submission (`ScorecardTodo`).
    var todo: [ScorecardTodo.Item] = []
}
