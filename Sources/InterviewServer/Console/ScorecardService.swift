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
enum ScorecardService {
    struct Outcome: Sendable {
        var entry: ScorecardCache.Entry
        var card: ScorecardRecord
        /// The action's client id had been applied before; nothing new was written.
        var duplicate: Bool
    }

    /// The interview if `user` may see it (else 404), and whether they are one of its interviewers.
    static func interview(_ id: UUID?, for user: User, on db: any Database) async throws -> (Interview, isInterviewer: Bool) {
        guard let id, let interview = try await Interview.find(id, on: db) else { throw Abort(.notFound) }
        _ = try await Access.candidate(interview.$candidate.id, for: user, on: db)
        let isInterviewer = try await InterviewInterviewer.query(on: db)
            .filter(\.$interview.$id == id).filter(\.$user.$id == user.requireID()).first() != nil
        return (interview, isInterviewer)
    }

    /// For posting: one query when the user is one of the interview's interviewers. Anyone else gets
    /// 403 if they may see the interview and 404 if they may not.
    static func interviewToScore(_ id: UUID?, for user: User, on db: any Database) async throws -> Interview {
        guard let id else { throw Abort(.notFound) }
        if let interview = try await Interview.query(on: db)
            .join(InterviewInterviewer.self, on: \Interview.$id == \InterviewInterviewer.$interview.$id)
            .filter(\.$id == id).filter(InterviewInterviewer.self, \.$user.$id == user.requireID()).first() {
            return interview
        }
        _ = try await interview(id, for: user, on: db)
        throw Abort(.forbidden, reason: "Only the interview's interviewers can score it.")
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

    /// The card's engine, caught up with every stored event.
    static func engine(of card: ScorecardRecord, guide: Guide, cache: ScorecardCache, on db: any Database) async throws -> ScorecardCache.Entry {
        let id = try card.requireID()
        let fresh = ScorecardCache.Entry(engine: SessionEngine(guide: guide), clientIDs: [], generation: card.generation)
        var entry = cache.entry(id).flatMap { $0.generation == card.generation ? $0 : nil } ?? fresh
        let stored = entry.engine.events.count
        let newer = try await ScorecardEvent.query(on: db).filter(\.$scorecard.$id == id).filter(\.$seq > stored)
            .sort(\.$seq).all()
        for row in newer {
            let log = try SessionLog.decode(Data(row.event.utf8))
            for event in log.events {
                do { try entry.engine.apply(event) } catch {
                    throw Abort(.internalServerError, reason: "scorecard \(id) event \(row.seq) does not replay: \(error)")
                }
            }
            if let client = row.clientID { entry.clientIDs.insert(client) }
        }
        cache.store(entry, for: id)
        return entry
    }

    /// Applies one action to the user's card of the interview and stores what it recorded.
    static func post(_ action: ConsoleAction, interview: Interview, user: User, app: Application, on db: any Database) async throws -> Outcome {
        let cache = app.scorecardCache
        let loaded = try await guide(interview.$guideVersion.id, cache: cache, on: db)
        let guide = loaded.guide
        let card = try await card(interviewID: try interview.requireID(), interviewerID: try user.requireID(), on: db)
        let cardID = try card.requireID()
        let start = SessionStart(guideID: guide.id ?? loaded.libraryID.uuidString, guideHash: loaded.contentHash,
                                 guideTitle: guide.title, candidate: nil)
        return try await cache.locks.withLock(cardID) {
            for attempt in 1...3 {
                let entry = try await engine(of: card, guide: guide, cache: cache, on: db)
                if entry.clientIDs.contains(action.clientID) {
                    return Outcome(entry: entry, card: card, duplicate: true)
                }
                var driver = InterviewCore.SessionDriver(engine: entry.engine, clock: SystemClock())
                let events = try action.perform(on: &driver, start: start)
                let next = ScorecardCache.Entry(engine: driver.engine, clientIDs: entry.clientIDs.union([action.clientID]),
                                                generation: entry.generation)
                do {
                    try await store(events, action: action, from: entry.engine.events.count, card: card,
                                    state: driver.state, guide: guide, on: db)
                    cache.store(next, for: cardID)
                    return Outcome(entry: next, card: card, duplicate: false)
                } catch where (error as? any DatabaseError)?.isConstraintFailure == true && attempt < 3 {
                    // Another instance appended first: catch up and try the action on the new state.
                    cache.forget(cardID)
                    continue
                }
            }
            throw Abort(.conflict, reason: "the scorecard kept changing; try again")
        }
    }

    /// One transaction: the events, numbered after `count`, and the card's summary.
    private static func store(_ events: [SessionEvent], action: ConsoleAction, from count: Int, card: ScorecardRecord,
                              state: SessionState, guide: Guide, on db: any Database) async throws {
        let cardID = try card.requireID()
        // Even an action that records nothing (a second "start") keeps its client id, so its retry is known.
        let lines = events.isEmpty ? [] : events.map { SessionLog.line(for: $0) }
        let score = Scoring.score(guide, state)
        let wasSubmitted = card.submittedAt != nil
        try await db.transaction { db in
            for (offset, line) in lines.enumerated() {
                try await ScorecardEvent(scorecardID: cardID, seq: count + offset + 1,
                                         clientID: offset == 0 ? action.clientID : nil, event: line).create(on: db)
            }
            card.eventCount = count + lines.count
            card.overall = score.overall
            card.coverage = score.coverage
            card.band = score.band?.label
            if action.type == .note { card.draftNote = nil }
            if card.submittedAt == nil, let finished = state.finishedAt { card.submittedAt = finished }
            try await card.save(on: db)
        }
        if events.contains(where: { if case .started = $0.kind { true } else { false } }) || (!wasSubmitted && card.submittedAt != nil) {
            try await InterviewProgress.update(card.$interview.id, on: db)
        }
    }

    /// Saves the note being typed. Drafts are not events: only an added note is part of the record.
    static func saveDraft(_ text: String, interview: Interview, user: User, on db: any Database) async throws {
        guard text.count <= 20_000 else { throw Abort(.payloadTooLarge, reason: "the note is longer than 20,000 characters") }
        let card = try await card(interviewID: try interview.requireID(), interviewerID: try user.requireID(), on: db)
        card.draftNote = text.isEmpty ? nil : text
        try await card.save(on: db)
    }
}

/// The interview's status follows its cards: in progress once someone starts, completed once every
/// interviewer has submitted.
enum InterviewProgress {
    static func update(_ interviewID: UUID, on db: any Database) async throws {
        guard let interview = try await Interview.find(interviewID, on: db), interview.status != .cancelled else { return }
        let interviewers = try await InterviewInterviewer.query(on: db).filter(\.$interview.$id == interviewID).count()
        let submitted = try await ScorecardRecord.query(on: db).filter(\.$interview.$id == interviewID)
            .filter(\.$submittedAt != nil).count()
        let status: Interview.Status = submitted >= interviewers && interviewers > 0 ? .completed : .inProgress
        if interview.status != status {
            interview.status = status
            try await interview.save(on: db)
        }
    }
}

/// Erasure reaches the scorecards too: the text of every note about the candidate is replaced and the
/// draft dropped. Ratings stay; they are the anonymous scores.
enum ScorecardErasure {
    static let marker = "(erased · 已删除)"

    static func eraseNotes(candidateID: UUID, on db: any Database) async throws {
        let interviews = try await Interview.query(on: db).filter(\.$candidate.$id == candidateID).all().compactMap(\.id)
        guard !interviews.isEmpty else { return }
        let cards = try await ScorecardRecord.query(on: db).filter(\.$interview.$id ~~ interviews).all()
        for card in cards {
            let rows = try await ScorecardEvent.query(on: db).filter(\.$scorecard.$id == card.requireID()).all()
            for row in rows {
                guard let event = try? SessionLog.decode(Data(row.event.utf8)).events.first,
                      case .noteAdded(var note) = event.kind else { continue }
                note.text = marker
                row.event = SessionLog.line(for: SessionEvent(at: event.at, .noteAdded(note), schemaVersion: event.schemaVersion))
                try await row.save(on: db)
            }
            card.draftNote = nil
            card.generation += 1
            try await card.save(on: db)
        }
    }
}
