import Fluent
import Foundation
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Candidate data: export, erasure, retention, audit log")
struct CandidateDataTests {
    @Test func aManagerExportsEverythingAsJSON() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [mia])
            let candidate = try await TestData.candidate(app, "Zhou Jiu", in: position, notes: "Strong on Redis")
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            // act
            let response = try await browser.get("/candidates/\(try candidate.requireID())/export")
            // verify
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .json)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let export = try decoder.decode(CandidateExport.self, from: Data(buffer: response.body))
            #expect(export.name == "Zhou Jiu")
            #expect(export.notes == "Strong on Redis")
            #expect(export.audit.map(\.action) == [.export])
        }
    }

    @Test func erasureNullsPersonalDataAndKeepsInterviews() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [mia])
            let candidate = try await TestData.candidate(app, "Wu Shi", in: position, notes: "private")
            let (_, version) = try await TestData.anyGuideVersion(app)
            try await Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(),
                                scheduledAt: Date()).save(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            let path = "/candidates/\(try candidate.requireID())"
            try await browser.get(path)
            try await CandidateDecision(candidateID: try candidate.requireID(), outcome: .hire, rationale: "Wu Shi's references confirmed",
                                        decidedBy: try mia.requireID()).save(on: app.db)
            // act: without the tick nothing happens; with it, everything personal goes
            let unconfirmed = try await browser.post(path + "/erase")
            let keptName = try #require(try await Candidate.find(candidate.id, on: app.db)).name
            let response = try await browser.post(path + "/erase", ["confirm": "true"])
            let page = try await browser.get(path)
            // verify
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.body.string.contains(Text.errEraseConfirm.in(.en)))
            #expect(keptName == "Wu Shi")
            #expect(response.status == .seeOther)
            let decision = try #require(try await CandidateDecision.query(on: app.db).first())
            #expect(decision.outcome == .hire && decision.rationale == CandidateErasure.marker)
            // the page shows the stored marker in its reader's language
            #expect(page.body.string.contains(" — \(Text.erased.in(.en)) <small") && !page.body.string.contains(CandidateErasure.marker))
            let stored = try #require(try await Candidate.find(candidate.id, on: app.db))
            #expect(stored.name == nil && stored.contact == nil && stored.notes == nil && stored.resumeText == nil)
            #expect(stored.erasedAt != nil)
            #expect(try await Interview.query(on: app.db).count() == 1)
            #expect(!page.body.string.contains("Wu Shi"))
        }
    }

    @Test func interviewersCanNeitherExportNorErase() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            let candidate = try await TestData.candidate(app, "Wu Shi", in: position)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            let path = "/candidates/\(try candidate.requireID())"
            try await browser.get(path)
            // act
            let export = try await browser.get(path + "/export")
            let erase = try await browser.post(path + "/erase")
            // verify
            #expect(export.status == .forbidden)
            #expect(erase.status == .forbidden)
            #expect(try await Candidate.find(candidate.id, on: app.db)?.name == "Wu Shi")
        }
    }

    @Test func retentionErasesOnlyCandidatesPastThePeriod() async throws {
        try await withApp { app in
            // setup
            let keepShort = try await TestData.position(app, "Short retention", members: [], retentionDays: 30)
            let keepForever = try await TestData.position(app, "No retention", members: [])
            let old = try await TestData.candidate(app, "Old", in: keepShort)
            let unlimited = try await TestData.candidate(app, "Kept", in: keepForever)
            let now = Date().addingTimeInterval(31 * 24 * 60 * 60)
            // act
            let erased = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: nil, now: now)
            let again = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: nil, now: now)
            // verify
            #expect(erased == 1)
            #expect(again == 0)
            #expect(try await Candidate.find(old.id, on: app.db)?.name == nil)
            #expect(try await Candidate.find(unlimited.id, on: app.db)?.name == "Kept")
            let system = try await AuditEntry.query(on: app.db).filter(\.$action == .erase).first()
            #expect(system?.$user.id == nil)
        }
    }

    /// The candidate page says when the personal data goes, as the sweep counts it, or that it is kept
    /// until erased by hand (a DPO found no page saying either — an operations probe).
    @Test func theCandidatePageSaysWhenThePersonalDataIsErased() async throws {
        try await withApp { app in
            // setup: a 30-day position with an interview in ten days; a position with no period
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let short = try await TestData.position(app, "Short retention", members: [mia], retentionDays: 30)
            let kept = try await TestData.position(app, "No period", members: [mia])
            let (_, version) = try await TestData.anyGuideVersion(app)
            let waiting = try await TestData.candidate(app, "Still scheduled", in: short)
            let day: TimeInterval = 24 * 60 * 60
            let interviewAt = Date().addingTimeInterval(10 * day)
            try await Interview(candidateID: try waiting.requireID(), guideVersionID: try version.requireID(), scheduledAt: interviewAt).save(on: app.db)
            let other = try await TestData.candidate(app, "Kept", in: kept)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            // act
            let page = try await browser.get("/candidates/\(try waiting.requireID())").body.string
            let keptPage = try await browser.get("/candidates/\(try other.requireID())").body.string
            // verify: 30 days after the interview to come, in the page's time
            let due = DisplayDate.string(interviewAt.addingTimeInterval(30 * day))
            #expect(page.contains("id=\"planned-erasure\"") && page.contains("erased on \(due) as things stand: 30 days after"))
            #expect(keptPage.contains(Text.keptUntilErased.in(.en)))
        }
    }

    @Test func retentionCountsFromTheEndOfTheProcessNotFromTheDayACandidateWasAdded() async throws {
        try await withApp { app in
            // setup: all three added today, on a 30-day position; swept 31 days on
            let position = try await TestData.position(app, "Short retention", members: [], retentionDays: 30)
            let (_, version) = try await TestData.anyGuideVersion(app)
            let day: TimeInterval = 24 * 60 * 60
            let now = Date().addingTimeInterval(31 * day)
            let waiting = try await TestData.candidate(app, "Still scheduled", in: position)
            try await Interview(candidateID: try waiting.requireID(), guideVersionID: try version.requireID(),
                                scheduledAt: Date().addingTimeInterval(2 * day)).save(on: app.db)
            let lately = try await TestData.candidate(app, "Interviewed lately", in: position)
            let recent = Interview(candidateID: try lately.requireID(), guideVersionID: try version.requireID(), scheduledAt: now.addingTimeInterval(-5 * day))
            recent.status = .completed
            try await recent.save(on: app.db)
            let done = try await TestData.candidate(app, "Done long ago", in: position)
            let early = Interview(candidateID: try done.requireID(), guideVersionID: try version.requireID(), scheduledAt: Date())
            early.status = .completed
            try await early.save(on: app.db)
            // Ways a security review held a candidate forever: none holds any more.
            var held: [Candidate] = []
            for (name, when, status) in [("Cancelled in 9999", Date.distantFuture, Interview.Status.cancelled),
                                         ("Scheduled in 9999", Date.distantFuture, .scheduled),
                                         ("Left in progress", Date(), .inProgress)] {
                let candidate = try await TestData.candidate(app, name, in: position)
                let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(), scheduledAt: when)
                interview.status = status
                try await interview.save(on: app.db)
                held.append(candidate)
            }
            // act
            let erased = try await RetentionSweeper.sweep(on: app.db, cache: app.scorecardCache, ledger: nil, now: now)
            // verify: the one whose process ended more than 30 days before, and the three no one can hold
            #expect(erased == 4)
            for candidate in held { #expect(try await Candidate.find(candidate.id, on: app.db)?.name == nil, "\(candidate.id!)") }
            #expect(try await Candidate.find(waiting.id, on: app.db)?.name == "Still scheduled")
            #expect(try await Candidate.find(lately.id, on: app.db)?.name == "Interviewed lately")
            #expect(try await Candidate.find(done.id, on: app.db)?.name == nil)
        }
    }

    @Test func theAuditPageIsForAdmins() async throws {
        try await withApp { app in
            // setup
            let root = try await TestData.user(app, "root@example.com", role: .admin)
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [root])
            let candidate = try await TestData.candidate(app, "Zheng", in: position)
            try await Audit.record(.read, candidate: candidate, by: root, on: app.db)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            let manager = TestBrowser(app)
            _ = try await manager.logIn("mia@example.com")
            // act
            let page = try await admin.get("/audit")
            let refused = try await manager.get("/audit")
            // verify
            #expect(page.status == .ok)
            #expect(page.body.string.contains("root@example.com"))
            #expect(refused.status == .notFound)
        }
    }
}
