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
    /// The signed-in interviewer's scorecards waiting for submission (`ScorecardTodo`).
    var todo: [ScorecardTodo.Item] = []
}
