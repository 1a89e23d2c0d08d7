import Fluent
import Vapor

/// Recording the hiring decision: hiring managers of the position and admins, with a rationale; each
/// change kept, in the candidate-data trail and the security trail.
enum DecisionService {
    struct Input: Content {
        var outcome: String?
        var rationale: String?
        /// The decision in force when the form was shown ("" for none). Sent by the page (and optionally
        /// by API clients): when another was recorded since, nothing is saved and the form says so. Two
        /// managers deciding from open pages had the later one silently replace the other's (a probe).
        var basedOn: String?
    }

    struct Entry: Content {
        var id: UUID?
        var outcome: CandidateDecision.Outcome
        var label: String
        var rationale: String
        var by: String?
        var at: Date?
        /// `at` as pages show it.
        var when: String
    }

    static func record(_ input: Input, for candidate: Candidate, req: Request) async throws -> CandidateDecision {
        let user = try req.user
        try Access.requireManager(user)
        guard candidate.erasedAt == nil else { throw CandidateWrites.erased }
        // A manager on one of the candidate's panels with their own card open sees neither the colleagues'
        // cards nor the decision in force (`PanelVisibility`): deciding then would overwrite a decision
        // unseen, on cards unread. Their own card first, or off the panel.
        let candidateID = try candidate.requireID()
        if try await PanelVisibility.candidatesAwaitingOwnCard(of: user, among: [candidateID], on: req.db).contains(candidateID) {
            throw Abort(.conflict, reason: Self.ownCardFirst)
        }
        var errors = FieldErrors()
        let outcome = CandidateDecision.Outcome(rawValue: input.outcome ?? "")
        if outcome == nil { errors["outcome"] = .errRequired }
        let rationale = errors.require(input.rationale, "rationale", max: 5_000, lines: true)
        try errors.check()
        let decision = CandidateDecision(candidateID: candidateID, outcome: outcome!, rationale: rationale,
                                         decidedBy: try user.requireID())
        try await CandidateWrites.unlessErased(candidateID, cache: req.application.scorecardCache, on: req.db) { db in
            // Checked under the candidate's lock, so of two managers deciding at once the second is told.
            if let basedOn = input.basedOn {
                let inForce = try await CandidateDecision.query(on: db).filter(\.$candidateID == candidateID)
                    .sort(\.$at, .descending).first()?.id?.uuidString ?? ""
                if inForce != basedOn { throw FieldErrors(fields: ["outcome": .errDecisionChangedMeanwhile]) }
            }
            try await decision.save(on: db)
            try await Audit.record(.update, candidate: candidate, by: user, detail: "decision", on: db)
            try await SecurityAudit.record(.decisionRecorded, by: user, subject: SecurityAudit.subject("candidate", candidate.id),
                                           detail: outcome!.rawValue, req: req, on: db)
        }
        return decision
    }

    static let ownCardFirst = "Submit your own scorecard for this candidate first: a decision is made with every card in view."

    /// Newest first.
    /// The history as `viewer` may see it: none while they sit on one of the candidate's panels with their
    /// own card not yet submitted (`PanelVisibility.candidatesAwaitingOwnCard`).
    static func history(of candidateID: UUID, for viewer: User, language: Language, on db: any Database) async throws -> [Entry] {
        guard try await PanelVisibility.candidatesAwaitingOwnCard(of: viewer, among: [candidateID], on: db).isEmpty else { return [] }
        return try await history(of: candidateID, language: language, on: db)
    }

    static func history(of candidateID: UUID, language: Language, on db: any Database) async throws -> [Entry] {
        try await CandidateDecision.query(on: db).filter(\.$candidateID == candidateID).with(\.$decidedBy)
            .sort(\.$at, .descending).all()
            .map { entry($0, by: $0.decidedBy?.name, language: language) }
    }

    static func entry(_ decision: CandidateDecision, by name: String?, language: Language) -> Entry {
        Entry(id: decision.id, outcome: decision.outcome, label: decision.outcome.label(language), rationale: decision.rationale, by: name,
              at: decision.at, when: DisplayDate.string(decision.at))
    }

    /// The current outcome of each candidate, for lists.
    static func current(_ candidateIDs: [UUID], on db: any Database) async throws -> [UUID: CandidateDecision.Outcome] {
        guard !candidateIDs.isEmpty else { return [:] }
        var latest: [UUID: (Date, CandidateDecision.Outcome)] = [:]
        for row in try await CandidateDecision.query(on: db).filter(\.$candidateID ~~ candidateIDs).all() {
            let at = row.at ?? .distantPast
            if let known = latest[row.candidateID], known.0 > at { continue }
            latest[row.candidateID] = (at, row.outcome)
        }
        return latest.mapValues(\.1)
    }
}

extension CandidateDecision.Outcome {
    func label(_ language: Language) -> String {
        switch self {
        case .advance: Text.outcomeAdvance.in(language)
        case .hire: Text.outcomeHire.in(language)
        case .reject: Text.outcomeReject.in(language)
        case .onHold: Text.outcomeOnHold.in(language)
        }
    }
}
