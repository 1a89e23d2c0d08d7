import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// Issue 13, erasure: every free text about the candidate goes (notes, skip reasons, drafts), and a
/// note written while the erasure runs is either erased with the rest or refused — never left behind.
@Suite("Erasure is complete and atomic")
struct ErasureRaceTests {
    private func storedText(_ app: Application) async throws -> String {
        let events = try await ScorecardEvent.query(on: app.db).all().map(\.event).joined(separator: "\n")
        let drafts = try await ScorecardRecord.query(on: app.db).all().compactMap(\.draftNote).joined(separator: "\n")
        return events + "\n" + drafts
    }

    private func erase(_ fixture: ConsoleFixture) async throws {
        let candidate = try #require(try await Candidate.find(fixture.candidate.id, on: fixture.app.db))
        try await CandidateService.erase(candidate, by: nil, cache: fixture.app.scorecardCache, ledger: nil, on: fixture.app.db)
    }

    @Test func notesSkipReasonsAndDraftsAreAllErased() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let first = try await ivan.walkToFirstQuestion(fixture)
            let question = try #require(first.question)
            try await ivan.act(fixture, ["type": "note", "text": "Sun mentioned her former employer Acme"])
            try await ivan.act(fixture, ["type": "skip", "topic": question.topic, "question": question.id,
                                         "reason": "Sun already explained this at Acme"])
            let draftBody = try JSONSerialization.data(withJSONObject: ["text": "Sun's draft about Acme"])
            try await ivan.send(.PUT, fixture.api + "/draft", body: ByteBuffer(data: draftBody), contentType: .json)
            #expect(try await storedText(app).contains("Acme"))
            // act
            try await erase(fixture)
            // verify
            #expect(try await !storedText(app).contains("Acme"))
            let later = try await ivan.act(fixture, ["type": "note", "text": "Acme again"])
            #expect(later.1?.code == "candidateErased")
            let draft = try await ivan.send(.PUT, fixture.api + "/draft", body: ByteBuffer(data: draftBody), contentType: .json)
            #expect(draft.status == .conflict)
            // in the reader's language alone (it read English, then Chinese, in an English page)
            #expect(draft.body.string.contains("notes and reasons can no longer be added") && !draft.body.string.contains("候选人"), "\(draft.body.string)")
            #expect(try await !storedText(app).contains("Acme"))
            // Ratings still go in: the anonymous score is kept.
            let rated = try await ivan.act(fixture, ["type": "rate", "topic": question.topic, "question": question.id, "rating": 3])
            #expect(rated.0 == .ok || rated.0 == .conflict)
        }
    }

    /// The card's lock is held while a note and an erasure both queue for it: whichever order they get
    /// it in, no note text survives. Both orders are forced (the second starts only once the first is in
    /// line), so the test does not depend on timing.
    @Test(arguments: [true, false])
    func aNoteWrittenDuringErasureIsErasedOrRefused(noteFirst: Bool) async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            let card = try #require(try await ScorecardRecord.query(on: app.db).first()?.id)
            // act: hold the card's lock, let both queue behind it in the chosen order, then let go
            let locks = app.scorecardCache.locks
            #expect(locks.tryLock(card))
            func queued(_ count: Int) async throws {
                while locks.waitingCount(card) < count { try await Task.sleep(for: .milliseconds(5)) }
            }
            let startNote = { Task { () throws -> (HTTPStatus, String?) in
                let answer = try await ivan.act(fixture, ["type": "note", "text": "Sun lives at 12 Example Road"])
                return (answer.0, answer.1?.code ?? "\(answer.0.code)")
            } }
            let startErasure = { Task { try await erase(fixture) } }
            let note: Task<(HTTPStatus, String?), any Error>, erasure: Task<Void, any Error>
            if noteFirst {
                note = startNote()
                try await queued(1)
                erasure = startErasure()
            } else {
                erasure = startErasure()
                try await queued(1)
                note = startNote()
            }
            try await queued(2)
            locks.unlock(card)
            let (status, code) = try await note.value
            try await erasure.value
            // verify
            #expect(try await !storedText(app).contains("Example Road"))
            if noteFirst { #expect(status == .ok) } else { #expect(code == "candidateErased") }
        }
    }

    /// A decision's rationale and an edit of the candidate's details are personal text too: queued behind an
    /// erasure (the candidate's lock held while both wait, in a forced order), they find the candidate
    /// erased and are refused; queued before it, they are stored and then erased with the rest.
    @Test(arguments: [true, false])
    func aDecisionOrAnEditDuringErasureIsErasedOrRefused(writeFirst: Bool) async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            try await fixture.position.$members.attach(try await TestData.user(app, "maria@example.com", role: .hiringManager), on: app.db)
            let maria = try await fixture.browser("maria@example.com")
            let id = try fixture.candidate.requireID()
            let locks = app.scorecardCache.candidateLocks
            #expect(locks.tryLock(id))
            // Bounded: a write that does not wait for the candidate's lock would leave this loop spinning.
            func queued(_ count: Int) async throws {
                for _ in 0..<1_000 where locks.waitingCount(id) < count { try await Task.sleep(for: .milliseconds(5)) }
                #expect(locks.waitingCount(id) == count, "every write waits for the candidate's lock")
            }
            let startWrites = { Task { () throws -> [HTTPStatus] in
                async let decision = maria.send(.POST, "/api/v1/candidates/\(id)/decision", body: ByteBuffer(data: try JSONSerialization.data(
                    withJSONObject: ["outcome": "hire", "rationale": "Sun's reference at Acme confirmed"])), contentType: .json)
                async let edit = maria.send(.PATCH, "/api/v1/candidates/\(id)", body: ByteBuffer(data: try JSONSerialization.data(
                    withJSONObject: ["contact": "sun@acme.example", "notes": "Lives at 12 Example Road"])), contentType: .json)
                return try await [decision.status, edit.status]
            } }
            let startErasure = { Task { try await erase(fixture) } }
            // act
            let writes: Task<[HTTPStatus], any Error>, erasure: Task<Void, any Error>
            if writeFirst {
                writes = startWrites()
                try await queued(2)
                erasure = startErasure()
                try await queued(3)
            } else {
                erasure = startErasure()
                try await queued(1)
                writes = startWrites()
                try await queued(3)
            }
            locks.unlock(id)
            let statuses = try await writes.value
            try await erasure.value
            // verify
            let rationales = try await CandidateDecision.query(on: app.db).all().map(\.rationale)
            #expect(!rationales.contains { $0.contains("Acme") })
            let stored = try #require(try await Candidate.find(id, on: app.db))
            #expect(stored.contact == nil && stored.notes == nil)
            #expect(statuses == (writeFirst ? [.created, .ok] : [.conflict, .conflict]))
            if writeFirst { #expect(rationales == [CandidateErasure.marker]) } else { #expect(rationales.isEmpty) }
        }
    }

    /// The retention sweep and a person (or sweeps on two instances) may both erase one candidate: the
    /// second finds it done and changes nothing, so the record keeps its first date and one trail entry.
    @Test func aSecondErasureChangesNothing() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            try await erase(fixture)
            let first = try #require(try await Candidate.find(fixture.candidate.id, on: app.db)?.erasedAt)
            // act
            let again = try await CandidateService.erase(try #require(try await Candidate.find(fixture.candidate.id, on: app.db)), by: nil,
                                                         cache: app.scorecardCache, ledger: nil, on: app.db, now: first.addingTimeInterval(3_600))
            // and the sweep, which found the candidate due before the other erasure, records nothing either
            let swept = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: nil, now: first.addingTimeInterval(7_200))
            // verify
            #expect(!again && swept == 0)
            #expect(try await SecurityEvent.query(on: app.db).filter(\.$kind == .candidateErased).filter(\.$detail == "retention").count() == 0)
            #expect(try await Candidate.find(fixture.candidate.id, on: app.db)?.erasedAt == first)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .erase).count() == 1)
        }
    }
}
