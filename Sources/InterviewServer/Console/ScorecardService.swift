import Fluent
import Foundation
import InterviewCore
import Vapor

/// Scorecards: who may post, how an action becomes stored events, and how a card's log is read back.
///
/// An action is checked by the engine against the card's current state and its events are committed
/// to the database before the answer goes out: an acknowledged action is never lost. The card's
/// events are numbered; the number is unique per card, so if two instances ever append at once, one
/// insert fails, that instance catches up from the database and tries the action again.
///
/// On a single-writer server (SQLite) the seat and the card's engine are kept in memory after their
/// first use, so an action costs no read at all: the engine step and one grouped commit.
enum ScorecardService {
    /// The interview if `user` may see it (else 404), and whether they are one of its interviewers.
    static func interview(_ id: UUID?, for user: User, on db: any Database) async throws -> (Interview, isInterviewer: Bool) {
        guard let id, let interview = try await Interview.find(id, on: db) else { throw Abort(.notFound) }
        _ = try await Access.candidate(interview.$candidate.id, for: user, on: db)
        let isInterviewer = try await InterviewInterviewer.query(on: db)
            .filter(\.$interview.$id == id).filter(\.$user.$id == user.requireID()).first() != nil
        return (interview, isInterviewer)
    }

    /// The user's seat on the interview's panel: two queries when they are one of its interviewers (none
    /// once known, on a single-writer server). Anyone else gets 403 if they may see the interview and
    /// 404 if they may not — a panelist taken off the position included: a seat alone let them read and
    /// revise their card about a candidate they no longer see.
    static func seat(_ id: UUID?, for user: User, cache: ScorecardCache, on db: any Database) async throws -> PanelSeat {
        guard let id else { throw Abort(.notFound) }
        let key = PanelSeat.Key(interviewID: id, userID: try user.requireID())
        if let seat = cachedSeat(id, for: user, cache: cache) { return seat }
        guard let interview = try await Interview.query(on: db)
            .join(InterviewInterviewer.self, on: \Interview.$id == \InterviewInterviewer.$interview.$id)
            .filter(\.$id == id).filter(InterviewInterviewer.self, \.$user.$id == key.userID).first() else {
            _ = try await interview(id, for: user, on: db)
            throw Abort(.forbidden, reason: "Only the interview's interviewers can score it.")
        }
        _ = try await Access.candidate(interview.$candidate.id, for: user, on: db)
        let card = try await card(interviewID: id, interviewerID: key.userID, on: db)
        let seat = PanelSeat(interviewID: id, cardID: try card.requireID(), guideVersionID: interview.$guideVersion.id,
                             cancelled: interview.status == .cancelled)
        cache.store(seat, for: key)
        return seat
    }

    /// The seat without a query, when a single-writer server already knows it.
    static func cachedSeat(_ id: UUID?, for user: User, cache: ScorecardCache) -> PanelSeat? {
        guard cache.singleWriter, let id, let userID = user.id else { return nil }
        return cache.seat(PanelSeat.Key(interviewID: id, userID: userID))
    }

    static func guide(_ versionID: UUID, cache: ScorecardCache, on db: any Database) async throws -> LoadedGuide {
        if let loaded = cache.guide(versionID) { return loaded }
        guard let version = try await GuideVersion.find(versionID, on: db) else { throw Abort(.notFound) }
        let loaded = LoadedGuide(version)
        cache.store(guide: loaded, for: versionID)
        return loaded
    }

    /// The interviewer's card for the interview, created on first use.
    static func card(interviewID: UUID, interviewerID: UUID, on db: any Database) async throws -> ScorecardRecord {
        if let card = try await existingCard(interviewID: interviewID, interviewerID: interviewerID, on: db) { return card }
        let card = ScorecardRecord(interviewID: interviewID, interviewerID: interviewerID)
        // A card first opened after the candidate's erasure is born erased: it takes no free text either.
        if let interview = try await Interview.query(on: db).filter(\.$id == interviewID).with(\.$candidate).first(),
           let erased = interview.candidate.erasedAt {
            card.erasedAt = erased
        }
        do {
            try await card.create(on: db)
            return card
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            // Another request created it a moment ago.
            guard let card = try await existingCard(interviewID: interviewID, interviewerID: interviewerID, on: db) else { throw error }
            return card
        }
    }

    static func existingCard(interviewID: UUID, interviewerID: UUID, on db: any Database) async throws -> ScorecardRecord? {
        try await ScorecardRecord.query(on: db).filter(\.$interview.$id == interviewID)
            .filter(\.$interviewer.$id == interviewerID).first()
    }

    /// The card's engine, caught up with every stored event. A single-writer server wrote every event
    /// itself, so the engine it keeps is current; with PostgreSQL another instance may have appended,
    /// so the card and its newer events are read first.
    /// `entry` for a reader (a view, a report, an export), under the card's lock. Unlocked, a reader that
    /// missed the cache while an action was being committed (the entry is out of the cache then) read the
    /// card from before the commit and stored it after the writer had put the new one back: the next
    /// action numbered its event from the stale count and failed on the duplicate (a probe's 500, the
    /// console's queue replayed over HTTP while its page reloaded).
    static func readEntry(cardID: UUID, guide: Guide, cache: ScorecardCache, on db: any Database) async throws -> ScorecardCache.Entry {
        if cache.singleWriter, let cached = cache.entry(cardID) { return cached }
        return try await cache.locks.withLock(cardID) { try await entry(cardID: cardID, guide: guide, cache: cache, on: db) }
    }

    /// The card's engine and columns, from memory or the database; callers that may run beside a write
    /// hold the card's lock (`readEntry`).
    static func entry(cardID: UUID, guide: Guide, cache: ScorecardCache, on db: any Database) async throws -> ScorecardCache.Entry {
        if cache.singleWriter, let cached = cache.entry(cardID) { return cached }
        guard let record = try await ScorecardRecord.find(cardID, on: db) else { throw Abort(.notFound) }
        let card = CardState(record)
        var entry = cache.entry(cardID).flatMap { $0.card.generation == card.generation ? $0 : nil }
            ?? ScorecardCache.Entry(engine: SessionEngine(guide: guide), clientIDs: [], card: card)
        entry.card = card
        let stored = entry.engine.events.count
        let newer = try await ScorecardEvent.query(on: db).filter(\.$scorecard.$id == cardID).filter(\.$seq > stored)
            .sort(\.$seq).all()
        for row in newer {
            let log = try SessionLog.decode(Data(row.event.utf8))
            for event in log.events {
                do { try entry.engine.apply(event) } catch {
                    throw Abort(.internalServerError, reason: "scorecard \(cardID) event \(row.seq) does not replay: \(error)")
                }
            }
            if let client = row.clientID { entry.clientIDs.insert(client) }
        }
        cache.store(entry, for: cardID)
        return entry
    }

    /// Saves the note being typed. Drafts are not events: only an added note is part of the record.
    /// A refusal is said in the reader's language (it read both, one after the other, in an English page).
    static func saveDraft(_ text: String, seat: PanelSeat, loaded: LoadedGuide, cache: ScorecardCache, language: Language,
                          on db: any Database) async throws {
        let said: @Sendable (ConsoleRefusal) -> String = { language == .zh ? $0.text.zh : $0.text.en }
        guard text.count <= 20_000 else { throw Abort(.payloadTooLarge, reason: "the note is longer than 20,000 characters") }
        // Cleaned as the note it becomes is (a probe found bidi overrides and escape sequences kept in
        // drafts, and handed back raw by the candidate's export).
        let text = UserText.clean(text)
        if seat.cancelled { throw Abort(.conflict, reason: said(.interviewCancelled)) }
        try await cache.locks.withLock(seat.cardID) {
            var entry = try await entry(cardID: seat.cardID, guide: loaded.guide, cache: cache, on: db)
            if entry.card.erasedAt != nil, !text.isEmpty { throw Abort(.conflict, reason: said(.candidateErased)) }
            let draft: String? = text.isEmpty ? nil : text
            try await ScorecardRecord.query(on: db).filter(\.$id == seat.cardID).set(\.$draftNote, to: draft).update()
            entry.card.draftNote = draft
            cache.store(entry, for: seat.cardID)
        }
    }
}

/// A user's place on an interview's panel: the interview, their card, and the guide version pinned.
struct PanelSeat: Sendable {
    struct Key: Hashable, Sendable {
        var interviewID: UUID
        var userID: UUID
    }

    var interviewID: UUID
    var cardID: UUID
    var guideVersionID: UUID
    /// The interview is cancelled: its cards take nothing more (a probe scored and submitted one after
    /// it was cancelled, and the card counted in the candidate's list score and the calibration).
    var cancelled = false
}

/// A card's columns as the console reads them, as a value that can be kept in memory.
struct CardState: Sendable {
    var id: UUID
    var interviewID: UUID
    var interviewerID: UUID
    var eventCount: Int
    var submittedAt: Date?
    var draftNote: String?
    var generation: Int
    /// Set when the candidate's personal data was erased: the card takes no more free text.
    var erasedAt: Date?

    init(_ record: ScorecardRecord) {
        id = record.id!
        interviewID = record.$interview.id
        interviewerID = record.$interviewer.id
        eventCount = record.eventCount
        submittedAt = record.submittedAt
        draftNote = record.draftNote
        generation = record.generation
        erasedAt = record.erasedAt
    }
}

/// The interview's status follows its cards: completed once every interviewer has submitted (and
/// open again if it is no longer so: a panelist added). A card begun or submitted before that changes
/// nothing: "in progress" at a panelist's start, shown on every colleague's pages and in the API, told them
/// that a colleague had started, before their own card was in (a probe). A manager may still set "in
/// progress". Each change is in the security trail, as the system's.
enum InterviewProgress {
    static func update(_ interviewID: UUID, on db: any Database) async throws {
        guard let interview = try await Interview.find(interviewID, on: db), interview.status != .cancelled else { return }
        let interviewers = try await InterviewInterviewer.query(on: db).filter(\.$interview.$id == interviewID).count()
        let submitted = try await ScorecardRecord.query(on: db).filter(\.$interview.$id == interviewID)
            .filter(\.$submittedAt != nil).count()
        let complete = submitted >= interviewers && interviewers > 0
        let before = interview.status
        let status: Interview.Status = complete ? .completed : (before == .completed ? .scheduled : before)
        guard status != before else { return }
        interview.status = status
        try await interview.save(on: db)
        try await SecurityAudit.recordSystem(.interviewStatus, subject: SecurityAudit.subject("interview", interviewID),
                                             detail: Interview.Status.trailDetail(from: before, to: status), on: db)
    }
}

/// Drops the engine kept in memory for a card whenever its row is saved outside the console's own
/// writes (erasure rewrites its notes and bumps its generation), so the next read starts afresh.
struct ScorecardCacheInvalidation: AsyncModelMiddleware {
    let cache: @Sendable () -> ScorecardCache?

    func update(model: ScorecardRecord, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        if let id = model.id { cache()?.forget(id) }
    }

    func delete(model: ScorecardRecord, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        if let id = model.id { cache()?.forget(id) }
    }
}
