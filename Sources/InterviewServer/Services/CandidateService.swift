import Fluent
import FluentSQL
import Vapor

/// Candidates as pages and the API see them. Every read and change of personal data is audited.
enum CandidateService {
    struct Input: Content {
        var positionID: UUID?
        var name: String?
        var contact: String?
        var resumeText: String?
        var resumePDF: File?
        var notes: String?
    }

    /// What the user typed, to show the form again with its errors.
    struct FormEcho: Encodable {
        var name = ""
        var contact = ""
        var resumeText = ""
        var notes = ""
    }

    struct Row: Content {
        var id: UUID
        var name: String
        var positionTitle: String
        var erased: Bool
        var interviewCount: Int
        var created: String
        var href: String
        /// The latest interview's status and result.
        var status: String
        var outcome: InterviewOutcome
        /// The hiring decision in force, or "–".
        var decision: String
    }

    /// Every candidate the user may see (the API's list), newest first.
    static func list(for user: User, positionID: UUID?, search: String?, language: Language = .en,
                     on db: any Database) async throws -> [Row] {
        try await listing(for: user, positionID: positionID, search: search, page: nil, language: language, on: db).rows
    }

    /// One page of `CandidateListing.pageSize` candidates (every one when `page` is nil), newest first.
    /// Only the listed columns are read — a candidate row also holds the resume PDF — and only the page's
    /// interviews, outcomes and decisions: a position of 5,000 candidates took seconds to list whole.
    static func listing(for user: User, positionID: UUID?, search: String?, page: Int?, per: Int = CandidateListing.pageSize,
                        language: Language = .en, on db: any Database) async throws -> CandidateListing {
        var scope = Candidate.query(on: db)
        if let positionID { scope = scope.filter(\.$position.$id == positionID) }
        if let visible = try await Access.visiblePositionIDs(for: user, on: db) {
            scope = scope.filter(\.$position.$id ~~ visible)
        }
        let needle = search?.trimmingCharacters(in: .whitespaces) ?? ""
        let size = per
        let total: Int, number: Int, candidates: [Candidate]
        func rows(_ query: QueryBuilder<Candidate>) -> QueryBuilder<Candidate> {
            query.field(\.$id).field(\.$position.$id).field(\.$name).field(\.$erasedAt).field(\.$createdAt)
                .with(\.$position)
        }
        if needle.isEmpty {
            total = try await scope.copy().count()
            number = CandidateListing.clamp(page, total: total, per: size)
            var query = rows(scope).sort(\.$createdAt, .descending).sort(\.$id)
            if page != nil { query = query.range((number - 1) * size ..< number * size) }
            candidates = try await query.all()
        } else {
            // Names and contacts are matched in any case and script, in memory (SQLite's LIKE folds ASCII
            // only, PostgreSQL's none), over those two columns only; then the page's rows are read in full.
            // `lowercased().contains` rather than `localizedCaseInsensitiveContains`: the same answer for
            // names and e-mail addresses, at a tenth of the cost over 10,000 candidates.
            let folded = needle.lowercased()
            var narrowed = scope.copy()
            if let pattern = CandidateSearch.likePattern(needle) {
                // The database narrows first where its LOWER … LIKE gives the same answer (below); the
                // check in memory stays, so the list is the same either way, only faster.
                narrowed = narrowed.group(.or) {
                    $0.filter(.sql(CandidateSearch.lowerLike("name", pattern))).filter(.sql(CandidateSearch.lowerLike("contact", pattern)))
                }
            }
            let matching = try await narrowed.field(\.$id).field(\.$name).field(\.$contact)
                .sort(\.$createdAt, .descending).sort(\.$id).all()
                .filter { ($0.name ?? "").lowercased().contains(folded) || ($0.contact ?? "").lowercased().contains(folded) }
                .compactMap(\.id)
            total = matching.count
            number = CandidateListing.clamp(page, total: total, per: size)
            let shown = page == nil ? matching : Array(matching.dropFirst((number - 1) * size).prefix(size))
            let order = Dictionary(uniqueKeysWithValues: shown.enumerated().map { ($1, $0) })
            candidates = shown.isEmpty ? [] : try await rows(Candidate.query(on: db).filter(\.$id ~~ shown)).all()
                .sorted { order[$0.id!, default: 0] < order[$1.id!, default: 0] }
        }
        // The interviews read here and grouped in a dictionary, not by Fluent's `.with(\.$interviews)`: its
        // eager loader matches every child against every parent, and the API's whole list of a 6,667-candidate
        // position took 13 s in it.
        let interviews = candidates.isEmpty ? [] : try await Interview.query(on: db)
            .filter(\.$candidate.$id ~~ candidates.compactMap(\.id))
            .field(\.$id).field(\.$candidate.$id).field(\.$scheduledAt).field(\.$status).all()
        let byCandidate = Dictionary(grouping: interviews, by: { $0.$candidate.id })
        // Every listed candidate's interviews, not only the latest: a second round scheduled after a scored
        // panel used to empty the row's figures until the new one had cards.
        let shownCards = try await InterviewOutcome.shownCards(of: interviews, for: user, language: language, on: db)
        var decisions = try await DecisionService.current(candidates.compactMap(\.id), on: db)
        for id in try await PanelVisibility.candidatesAwaitingOwnCard(of: user, among: Array(decisions.keys), on: db) {
            decisions[id] = nil
        }
        let list = try candidates.map { candidate in
            let id = try candidate.requireID()
            let own = byCandidate[id] ?? []
            let last = own.max { $0.scheduledAt < $1.scheduledAt }
            // The mean over every round's submitted cards, cancelled interviews aside, as the debrief's: the
            // latest round's alone (one card of three) was shown as the candidate's score with nothing saying
            // so (a probe). The status is the latest interview's.
            var cards = InterviewOutcome.ShownCards()
            for interview in own where interview.status != .cancelled {
                if let shown = interview.id.flatMap({ shownCards[$0] }) { cards.add(shown) }
            }
            return Row(id: id, name: candidate.name ?? "", positionTitle: candidate.position.title,
                       erased: candidate.erasedAt != nil, interviewCount: own.count,
                       created: DisplayDate.string(candidate.createdAt), href: SiteURL.candidate(id).path,
                       status: last?.status.label(language) ?? "–",
                       outcome: cards.count == 0 ? .empty : InterviewOutcome(cards),
                       decision: decisions[id]?.label(language) ?? "–")
        }
        return CandidateListing(rows: list, total: total, page: number, per: size)
    }

    static func create(_ input: Input, by user: User, on db: any Database) async throws -> Candidate {
        let position = try await Access.position(input.positionID, for: user, on: db)
        try Access.requireManager(user)
        var errors = FieldErrors()
        let name = errors.require(input.name, "name")
        let contact = errors.require(input.contact, "contact", max: 500)
        let resumeText = errors.optional(input.resumeText, "resumeText", max: 100_000)
        let notes = errors.optional(input.notes, "notes", max: 20_000)
        var pdf: Data?
        if let file = input.resumePDF, file.data.readableBytes > 0 {
            let data = Data(buffer: file.data)
            do { try PDFCheck.check(data); pdf = data } catch {
                errors["resumePDF"] = error == .tooLarge ? .errPDFTooLarge : .errNotPDF
            }
        }
        try errors.check()
        let candidate = Candidate(positionID: try position.requireID(), name: name, contact: contact,
                                  resumeText: resumeText, resumePDF: pdf, notes: notes)
        try await candidate.save(on: db)
        try await Audit.record(.create, candidate: candidate, by: user, on: db)
        return candidate
    }

    /// A field left out stays as it is (PATCH: an integration correcting a phone number wiped the resume
    /// and notes); sent empty, an optional one is cleared. The page's form sends every field.
    struct Update: Content {
        var name: String?
        var contact: String?
        var resumeText: String?
        var notes: String?
    }

    /// Changes name, contact, resume text and notes; the audit entry names the fields that changed, not
    /// their values. (A misspelt name could not be corrected: the team read it on every page.)
    static func update(_ candidate: Candidate, with input: Update, by user: User, cache: ScorecardCache,
                       on db: any Database) async throws {
        try Access.requireManager(user)
        guard candidate.erasedAt == nil else { throw CandidateWrites.erased }
        var errors = FieldErrors()
        let name = input.name.map { errors.require($0, "name") }
        let contact = input.contact.map { errors.require($0, "contact", max: 500) }
        let resumeText = input.resumeText.map { errors.optional($0, "resumeText", max: 100_000) }
        let notes = input.notes.map { errors.optional($0, "notes", max: 20_000) }
        try errors.check()
        var changed: [String] = []
        if let name, candidate.name != name { candidate.name = name; changed.append("name") }
        if let contact, candidate.contact != contact { candidate.contact = contact; changed.append("contact") }
        if let resumeText, candidate.resumeText != resumeText { candidate.resumeText = resumeText; changed.append("resumeText") }
        if let notes, candidate.notes != notes { candidate.notes = notes; changed.append("notes") }
        guard !changed.isEmpty else { return }
        let detail = changed.joined(separator: ",")
        try await CandidateWrites.unlessErased(try candidate.requireID(), cache: cache, on: db) { db in
            try await candidate.save(on: db)
            try await Audit.record(.update, candidate: candidate, by: user, detail: detail, on: db)
        }
    }

    /// Why, as the candidate's trail says it: a person's request, the position's retention period, or
    /// again after a restored backup had brought an erased person back (it said "retention").
    enum ErasureReason: String {
        case request, retention
        case restore = "again after a restore"
    }

    /// Drops the candidate's personal data now, scorecards' free text included (`CandidateErasure`);
    /// the interviews and ratings stay for anonymous statistics. The ledger (SQLite's data folder) learns
    /// of it first, so that even a failure halfway is finished at the next start, and a restored backup
    /// cannot bring the person back. Returns false, recording nothing, when the candidate was erased
    /// already (by another instance's sweep, or a colleague a moment before): each erasure is in the
    /// trails once.
    @discardableResult
    static func erase(_ candidate: Candidate, by user: User?, reason: ErasureReason? = nil, cache: ScorecardCache,
                      ledger: ErasureLedger?, on db: any Database, now: Date = Date()) async throws -> Bool {
        if candidate.erasedAt == nil {
            try ledger?.record(candidate: try candidate.requireID(), at: now, by: user?.id.map { "user:\($0.uuidString)" } ?? "retention")
        }
        guard try await CandidateErasure.erase(candidate, cache: cache, on: db, now: now) else { return false }
        let reason = reason ?? (user == nil ? .retention : .request)
        try await Audit.record(.erase, candidate: candidate, by: user, detail: reason.rawValue, on: db)
        // The write-ahead log still holds the pages as they were until a checkpoint: copy them into the
        // database (where secure_delete zeroed the old values) and empty the log. A busy moment only
        // delays it to SQLite's next checkpoint.
        if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
            _ = try? await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").all()
        }
        return true
    }
}
