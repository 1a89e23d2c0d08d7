import Fluent
import Foundation
import InterviewCore
import Vapor

/// Erasing a candidate's personal data, complete and atomic. Complete: the candidate's fields, and on
/// every scorecard about them every free text an interviewer wrote — notes, reasons for skipping a
/// question, the submission's summary, the reasons given for revisions, the draft being typed — and the
/// rationale of every hiring decision about them. Ratings and the decisions' outcomes stay: they are the
/// anonymous scores and what was decided.
///
/// Atomic: it runs under the locks that every scorecard write takes (`ScorecardCache.locks`), in one
/// transaction, and marks each card erased. A note posted while it runs waits for the lock, then finds
/// the card erased and is refused (`ConsoleRefusal.candidateErased`); one that got the lock first is
/// stored first and then erased with the rest. Across instances (PostgreSQL) the writer checks the mark
/// under a row lock in its own transaction (`ScorecardWriter`), so the same holds there.
enum CandidateErasure {
    /// What replaces each erased text where it is stored: in no one language, since one card is read in
    /// both. Pages show it in their reader's (`shown`).
    static let marker = "(erased · 已删除)"

    /// `text` with the stored marker in `language`, as the candidate's name reads when erased; a text
    /// without it comes back as it is.
    static func shown(_ text: String, in language: Language) -> String {
        text.contains(marker) ? text.replacingOccurrences(of: marker, with: Text.erased.in(language)) : text
    }

    /// A rendered page with the marker in its reader's language: the one place every page's erased notes,
    /// summaries, reasons and rationales pass (a probe read "(erased · 已删除)" on English and Chinese
    /// pages alike). The page's bytes are only copied when the marker is there.
    static func shown(_ page: ByteBuffer, in language: Language) -> ByteBuffer {
        let bytes = Array(marker.utf8)
        let found = page.readableBytesView.withContiguousStorageIfAvailable { stored in
            stored.count >= bytes.count && (0...(stored.count - bytes.count)).contains { at in
                stored[at] == bytes[0] && stored[at + 1] == bytes[1] && stored[at..<at + bytes.count].elementsEqual(bytes)
            }
        } ?? true
        guard found else { return page }
        return ByteBuffer(string: shown(String(buffer: page), in: language))
    }

    /// Returns false, changing nothing, when the candidate was already erased: by the time a second erasure
    /// (the retention sweep and a person, or sweeps on two instances) gets the candidate's lock, the first
    /// is done, and the record keeps its first date and one trail entry.
    @discardableResult
    static func erase(_ candidate: Candidate, cache: ScorecardCache, on db: any Database, now: Date) async throws -> Bool {
        let candidateID = try candidate.requireID()
        let interviews = try await Interview.query(on: db).filter(\.$candidate.$id == candidateID).all().compactMap(\.id)
        let cardIDs = interviews.isEmpty ? [] : try await ScorecardRecord.query(on: db)
            .filter(\.$interview.$id ~~ interviews).all().compactMap(\.id)
        // The candidate's lock first (an edit of their details or a decision waits behind it, and then finds
        // them erased: `CandidateWrites`), then the cards' locks, always in the same order, so two erasures
        // (or an erasure and the retention sweep) cannot each hold a lock the other waits for.
        return try await cache.candidateLocks.withLock(candidateID) {
            guard try await Candidate.find(candidateID, on: db)?.erasedAt == nil else { return false }
            return try await withLocks(cardIDs.sorted { $0.uuidString < $1.uuidString }, cache.locks) {
                let erased = try await db.transaction { db -> Bool in
                    // Read again holding the row (`FOR UPDATE` on PostgreSQL): another instance's sweep may
                    // have erased the candidate since the read above, and each instance erased and recorded
                    // the same people again (an operator's probe: 39 erasures of 20 candidates).
                    guard try await !CandidateWrites.isErased(candidateID, on: db) else { return false }
                    candidate.erasePersonalData(at: now)
                    try await candidate.save(on: db)
                    // Read again inside the transaction: cards opened since the first read are erased too.
                    let cards = interviews.isEmpty ? [] : try await ScorecardRecord.query(on: db)
                        .filter(\.$interview.$id ~~ interviews).all()
                    for card in cards { try await erase(card, now: now, on: db) }
                    // A decision's rationale is free text about the candidate ("references confirmed; …"):
                    // a hiring team found it still on the page after erasure.
                    for decision in try await CandidateDecision.query(on: db).filter(\.$candidateID == candidateID).all()
                        where decision.rationale != marker {
                        decision.rationale = marker
                        try await decision.save(on: db)
                    }
                    return true
                }
                if erased { for id in cardIDs { cache.forget(id) } }
                return erased
            }
        }
    }

    private static func erase(_ card: ScorecardRecord, now: Date, on db: any Database) async throws {
        let rows = try await ScorecardEvent.query(on: db).filter(\.$scorecard.$id == card.requireID()).all()
        for row in rows {
            guard let events = try? SessionLog.decode(Data(row.event.utf8)).events, events.count == 1,
                  let erased = erasingText(of: events[0]) else { continue }
            row.event = SessionLog.line(for: erased)
            try await row.save(on: db)
        }
        card.draftNote = nil
        card.erasedAt = card.erasedAt ?? now
        // Every instance drops the engine it keeps for the card and replays the rewritten log.
        card.generation += 1
        try await card.save(on: db)
    }

    /// The event with its free text replaced, or nil when it has none.
    static func erasingText(of event: SessionEvent) -> SessionEvent? {
        switch event.kind {
        case .noteAdded(var note):
            guard note.text != marker else { return nil }
            note.text = marker
            return SessionEvent(at: event.at, .noteAdded(note), schemaVersion: event.schemaVersion)
        case .questionSkipped(let question, let reason):
            guard !reason.isEmpty, reason != marker else { return nil }
            return SessionEvent(at: event.at, .questionSkipped(question, reason: marker), schemaVersion: event.schemaVersion)
        case .scorecardSubmitted(var submission):
            guard !submission.summary.isEmpty, submission.summary != marker else { return nil }
            submission.summary = marker
            return SessionEvent(at: event.at, .scorecardSubmitted(submission), schemaVersion: event.schemaVersion)
        case .revisionStarted(let reason):
            guard reason != marker else { return nil }
            return SessionEvent(at: event.at, .revisionStarted(reason: marker), schemaVersion: event.schemaVersion)
        case .started(var start):
            guard start.candidate != nil else { return nil }
            start.candidate = nil
            return SessionEvent(at: event.at, .started(start), schemaVersion: event.schemaVersion)
        default:
            return nil
        }
    }

    /// Runs `body` holding every lock in `keys`, taken one after another in the order given.
    private static func withLocks<T: Sendable>(_ keys: [UUID], _ locks: KeyedLocks,
                                               _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let first = keys.first else { return try await body() }
        return try await locks.withLock(first) { try await withLocks(Array(keys.dropFirst()), locks, body) }
    }
}
