import Fluent
import Foundation
import Vapor

/// Who sees which scorecard of an interview's panel. Structured interviews are reliable because each
/// interviewer judges alone: until one has submitted one's own card, nothing of a colleague's shows —
/// not the ratings, the notes, the score, the recommendation, not even how much they have rated. The
/// rule, for someone who may see the interview's position at all (docs/security.md):
/// - one's own card: always;
/// - on the panel, own card not yet submitted: no colleague's card;
/// - on another of the candidate's panels (not cancelled), own card there not yet submitted: no
///   colleague's card of this candidate either — a second round's interviewer who read the first round's
///   notes would walk in anchored on them;
/// - otherwise (submitted panelists, members off the panel, hiring managers, admins): submitted cards;
/// - drafts of others: hiring managers and admins learn only that they exist and when they were last
///   touched; everyone else, nothing.
struct PanelVisibility: Sendable {
    enum View: Equatable, Sendable {
        case full
        /// That the card exists, and when it was last touched; nothing of its content.
        case existence
        case hidden
    }

    let viewerID: UUID
    let managesPositions: Bool
    /// The interview's interviewers.
    let panel: Set<UUID>
    /// Whether the viewer, if on the panel, has submitted their own card.
    let ownSubmitted: Bool
    /// Whether the viewer sits on one of the candidate's panels with their own card there not yet
    /// submitted (`candidatesAwaitingOwnCard`): this panel's or another round's.
    let awaitingOwnCard: Bool

    /// `awaitingOwnCard`: whether the interview's candidate is in `candidatesAwaitingOwnCard` for the viewer.
    init(viewer: User, panel: Set<UUID>, cards: [ScorecardRecord], awaitingOwnCard: Bool) {
        viewerID = viewer.id ?? UUID()
        managesPositions = viewer.role.managesPositions
        self.panel = panel
        ownSubmitted = cards.contains { $0.$interviewer.id == viewer.id && $0.submittedAt != nil }
        self.awaitingOwnCard = awaitingOwnCard
    }

    func view(of card: ScorecardRecord) -> View {
        view(interviewer: card.$interviewer.id, submitted: card.submittedAt != nil)
    }

    /// Whether colleagues' cards are withheld from the viewer until their own is in: on this panel (a
    /// cancelled one too, which `awaitingOwnCard` leaves out) or another of the candidate's.
    var withholdsColleagues: Bool { awaitingOwnCard || (panel.contains(viewerID) && !ownSubmitted) }

    func view(interviewer: UUID, submitted: Bool) -> View {
        if interviewer == viewerID { return .full }
        if withholdsColleagues { return .hidden }
        if submitted { return .full }
        return managesPositions ? .existence : .hidden
    }

    /// The candidates (of `ids`) on one of whose panels `viewer` sits with their own card not yet submitted,
    /// cancelled interviews aside. To them no colleague's card of the candidate shows, on any of the
    /// candidate's interviews, nor the recorded hiring decision: its rationale may sum up every card
    /// (a security review found it shown).
    static func candidatesAwaitingOwnCard(of viewer: User, among ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard let me = viewer.id, !ids.isEmpty else { return [] }
        return Set(try await openSeats(of: me, on: db) { $0.filter(Interview.self, \.$candidate.$id ~~ ids) }.map(\.candidate))
    }

    /// `userID`'s seats on panels not cancelled whose card of theirs is not submitted, narrowed by
    /// `narrow` (which may join Candidate): who awaits their own card, and whom a position cannot let go
    /// (`PositionService.removeMember`).
    static func openSeats(of userID: UUID, on db: any Database,
                          narrow: (QueryBuilder<InterviewInterviewer>) -> QueryBuilder<InterviewInterviewer>)
        async throws -> [(interview: UUID, candidate: UUID)] {
        let seats = try await narrow(InterviewInterviewer.query(on: db)
            .join(Interview.self, on: \InterviewInterviewer.$interview.$id == \Interview.$id)
            .filter(\.$user.$id == userID)
            .filter(Interview.self, \.$status != .cancelled))
            .all()
            .map { (interview: $0.$interview.id, candidate: try $0.joined(Interview.self).$candidate.id) }
        guard !seats.isEmpty else { return [] }
        let submitted = Set(try await ScorecardRecord.query(on: db)
            .filter(\.$interviewer.$id == userID)
            .filter(\.$interview.$id ~~ seats.map(\.interview))
            .filter(\.$submittedAt != nil)
            .all().map(\.$interview.id))
        return seats.filter { !submitted.contains($0.interview) }
    }

    /// The interview's panel and cards, and the rule for `viewer`. `awaitingOwnCard`: whether the
    /// interview's candidate is in `candidatesAwaitingOwnCard` for the viewer, asked once by a caller that
    /// loads all of a candidate's interviews.
    static func load(interviewID: UUID, candidateID: UUID, viewer: User, awaitingOwnCard: Bool? = nil,
                     on db: any Database) async throws -> (PanelVisibility, [ScorecardRecord]) {
        let panel = try await InterviewInterviewer.query(on: db).filter(\.$interview.$id == interviewID).all().map(\.$user.id)
        let cards = try await ScorecardRecord.query(on: db).filter(\.$interview.$id == interviewID).with(\.$interviewer).all()
        let awaiting: Bool
        if let awaitingOwnCard {
            awaiting = awaitingOwnCard
        } else {
            awaiting = try await candidatesAwaitingOwnCard(of: viewer, among: [candidateID], on: db).contains(candidateID)
        }
        return (PanelVisibility(viewer: viewer, panel: Set(panel), cards: cards, awaitingOwnCard: awaiting), cards)
    }
}
