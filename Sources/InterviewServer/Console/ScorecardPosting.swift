import Fluent
import Foundation
import InterviewCore
import Vapor

/// Posting an action to a card, in two halves: `prepare` is the engine step and the scoring, done
/// under the card's lock with nothing awaited; the commit of its events comes next, and only once it
/// is on disk does the card in memory move on and the answer go out.
///
/// `post` waits for the lock and reads whatever is not in memory. `postNow` is the same work for the
/// common case on a single-writer server (card free, everything in memory): it never leaves the event
/// loop except for the grouped commit, which is what lets many interviewers rate at once.
extension ScorecardService {
    struct Outcome: Sendable {
        var entry: ScorecardCache.Entry
        /// The action's client id had been applied before; nothing new was written.
        var duplicate: Bool
        /// The card's score after the action.
        var score: InterviewCore.Scorecard
    }

    /// An action the engine accepted, with the entry as it will be once its events are stored.
    struct PendingAction: Sendable {
        var entry: ScorecardCache.Entry
        var write: ScorecardWriter.Write
        var score: InterviewCore.Scorecard
        /// The interview's status may change (the card's submission may complete it).
        var updatesProgress: Bool
    }

    enum Prepared: Sendable {
        case duplicate(Outcome)
        case pending(PendingAction)
    }

    /// How often an action is applied again after another instance took its event numbers first.
    static let attempts = 8

    /// Applies one action to the seat's card and stores what it recorded.
    static func post(_ action: ConsoleAction, seat: PanelSeat, loaded: LoadedGuide, cache: ScorecardCache,
                     on db: any Database) async throws -> Outcome {
        try await cache.locks.withLock(seat.cardID) {
            for attempt in 1...Self.attempts {
                let entry = try await entry(cardID: seat.cardID, guide: loaded.guide, cache: cache, on: db)
                switch try prepare(action, entry: consume entry, cardID: seat.cardID, loaded: loaded, cache: cache) {
                case .duplicate(let outcome):
                    return outcome
                case .pending(let pending):
                    // A failed write leaves the card out of the cache: its next read starts from the database.
                    do {
                        try await cache.writer.commit(pending.write, on: db.eventLoop)
                        if pending.updatesProgress { try await InterviewProgress.update(seat.interviewID, on: db) }
                        return stored(pending, cardID: seat.cardID, cache: cache)
                    } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
                        // Another instance appended first: catch up from the database and try again.
                        if attempt < Self.attempts {
                            // A moment's pause, longer each time and jittered, so two writers stop colliding.
                            try await Task.sleep(for: .milliseconds(Int.random(in: 1...5) * attempt))
                            continue
                        }
                    }
                }
            }
            // Still losing the race: not a refusal, so the console keeps the action queued and sends it again.
            throw Abort(.serviceUnavailable, headers: ["Retry-After": "1"], reason: "The scorecard is being written from elsewhere; try again.")
        }
    }

    /// `post` without leaving the event loop, or nil when it would have to wait (the card is busy, or
    /// not in memory, or another instance may write it): then the caller uses `post`. A refusal fails
    /// the future with the `ConsoleRefusal`.
    /// `db` is asked for only when the interview's status changes (Fluent makes a new handle each time).
    static func postNow(_ action: ConsoleAction, seat: PanelSeat, loaded: LoadedGuide, cache: ScorecardCache,
                        on eventLoop: any EventLoop, db: @escaping @Sendable () -> any Database) -> EventLoopFuture<Outcome>? {
        guard cache.singleWriter, cache.locks.tryLock(seat.cardID) else { return nil }
        guard let entry = cache.entry(seat.cardID) else {
            cache.locks.unlock(seat.cardID)
            return nil
        }
        let prepared: Prepared
        do {
            prepared = try prepare(action, entry: consume entry, cardID: seat.cardID, loaded: loaded, cache: cache)
        } catch {
            cache.locks.unlock(seat.cardID)
            return eventLoop.makeFailedFuture(error)
        }
        switch prepared {
        case .duplicate(let outcome):
            cache.locks.unlock(seat.cardID)
            return eventLoop.makeSucceededFuture(outcome)
        case .pending(let pending):
            var committed = cache.writer.commit(pending.write, on: eventLoop)
            if pending.updatesProgress {
                committed = committed.flatMap {
                    eventLoop.makeFutureWithTask { try await InterviewProgress.update(seat.interviewID, on: db()) }
                }
            }
            return committed
                .map { stored(pending, cardID: seat.cardID, cache: cache) }
                .always { _ in cache.locks.unlock(seat.cardID) }
        }
    }

    /// The engine step: checks the action against the card's state and scores the result. The caller
    /// holds the card's lock. The entry is taken out of the cache while it changes (and passed with
    /// `consume`), so the engine and the set of client ids are uniquely referenced and appending to them
    /// copies nothing — a copy here costs a whole log per rating. A refused action puts it back
    /// unchanged, an accepted one goes back only after its commit (`stored`).
    static func prepare(_ action: ConsoleAction, entry: consuming ScorecardCache.Entry, cardID: UUID, loaded: LoadedGuide,
                        cache: ScorecardCache) throws -> Prepared {
        let guide = loaded.guide
        if entry.card.erasedAt != nil, action.carriesText { throw ConsoleRefusal.candidateErased }
        if entry.clientIDs.contains(action.clientID) {
            let score = Scoring.score(guide, entry.engine.state, reusing: entry.scored, dimensions: false)
            return .duplicate(Outcome(entry: entry, duplicate: true, score: score))
        }
        cache.forget(cardID)
        var engine = SessionEngine(guide: guide)
        swap(&engine, &entry.engine)
        var driver = InterviewCore.SessionDriver(engine: consume engine, clock: SystemClock())
        let start = SessionStart(guideID: guide.id ?? loaded.libraryID.uuidString, guideHash: loaded.contentHash,
                                 guideTitle: guide.title, candidate: nil)
        let events: [SessionEvent]
        do {
            events = try action.perform(on: &driver, start: start)
        } catch {
            entry.engine = driver.engine
            cache.store(entry, for: cardID)
            throw error
        }
        let state = driver.state
        let score = Scoring.score(guide, state, reusing: entry.scored, dimensions: false)
        let card = entry.card
        let summary = ScorecardSummary(eventCount: card.eventCount + events.count, overall: score.overall, coverage: score.coverage,
                                       band: score.band?.label, submittedAt: state.submittedAt,
                                       clearDraft: action.type == .note)
        let write = ScorecardWriter.Write(card: card, firstSeq: card.eventCount + 1, clientID: action.clientID,
                                          lines: events.map { SessionLog.line(for: $0) }, summary: summary,
                                          carriesText: action.carriesText)
        entry.card.eventCount = summary.eventCount
        entry.card.submittedAt = summary.submittedAt
        if summary.clearDraft { entry.card.draftNote = nil }
        entry.engine = driver.engine
        entry.clientIDs.insert(action.clientID)
        entry.scored = (state, score)
        return .pending(PendingAction(entry: entry, write: write, score: score,
                                      updatesProgress: card.submittedAt == nil && summary.submittedAt != nil))
    }

    /// After the commit: the card in memory moves on.
    private static func stored(_ pending: PendingAction, cardID: UUID, cache: ScorecardCache) -> Outcome {
        cache.store(pending.entry, for: cardID)
        return Outcome(entry: pending.entry, duplicate: false, score: pending.score)
    }
}
