import Vapor

/// All candidates the user may see, searchable by name or contact and filtered by position.
struct CandidatesIndex: Encodable {
    struct PositionOption: Encodable { var id: UUID; var title: String; var selected: Bool }

    var candidates: [CandidateService.Row]
    var pager: CandidatePager
    var search: String
    var positions: [PositionOption]
    var action = SiteURL.candidates.path
}
