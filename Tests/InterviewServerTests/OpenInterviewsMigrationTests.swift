import Fluent
import Foundation
@testable import InterviewServer
import Testing

/// M021: an "in progress" that an earlier release set at a panelist's first start told every colleague
/// someone had begun; it goes back to scheduled. One a manager set by hand stays.
@Suite("Upgrade: open interviews follow their cards")
struct OpenInterviewsMigrationTests {
    @Test func anAutomaticInProgressIsScheduledAgainAndAManagersIsKept() async throws {
        try await withApp { app in
            // setup: two interviews in progress; the trail says a manager set the second
            let position = try await TestData.position(app, "Backend engineer", members: [])
            let candidate = try await TestData.candidate(app, "Zhao Liu", in: position)
            let (_, version) = try await TestData.anyGuideVersion(app)
            var made: [Interview] = []
            for _ in 0..<2 {
                let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(), scheduledAt: Date())
                interview.status = .inProgress
                try await interview.save(on: app.db)
                made.append(interview)
            }
            try await SecurityEvent(kind: .interviewStatus, actorID: nil, actorEmail: "mia@example.com", address: "127.0.0.1",
                                    subject: SecurityAudit.subject("interview", made[1].id), detail: "scheduled -> in_progress").save(on: app.db)
            // act
            try await M021_OpenInterviewsFollowCards().prepare(on: app.db)
            // verify
            #expect(try await Interview.find(made[0].id, on: app.db)?.status == .scheduled)
            #expect(try await Interview.find(made[1].id, on: app.db)?.status == .inProgress)
        }
    }
}
