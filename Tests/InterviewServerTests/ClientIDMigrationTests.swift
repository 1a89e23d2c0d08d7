import Fluent
import Foundation
@testable import InterviewServer
import SQLKit
import Testing
import Vapor

/// M011 drops the database's uniqueness of (card, client id) and keeps every stored event; a retried
/// action is still applied once, because the engine knows every client id it has replayed.
@Suite struct ClientIDMigrationTests {
    private func events(_ app: Application) async throws -> [String] {
        try await ScorecardEvent.query(on: app.db).sort(\.$scorecard.$id).sort(\.$seq).all()
            .map { "\($0.$scorecard.id) \($0.seq) \($0.clientID ?? "-") \($0.event)" }
    }

    /// Inserts a copy of a stored event under a new number: only possible without the constraint.
    private func duplicateClientID(_ app: Application) async throws -> Bool {
        let row = try #require(try await ScorecardEvent.query(on: app.db).filter(\.$clientID != nil).first())
        let copy = ScorecardEvent(scorecardID: row.$scorecard.id, seq: 10_000, clientID: row.clientID, event: row.event)
        do {
            try await copy.create(on: app.db)
            try await copy.delete(on: app.db)
            return true
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            return false
        }
    }

    @Test func revertingAndReapplyingKeepsEveryEvent() async throws {
        try await withApp { app in
            // setup: a card with events, after all migrations
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            let before = try await events(app)
            #expect(before.count > 5)
            #expect(try await duplicateClientID(app))
            // act: back to M010's table, then M011 again
            try await M011_DropClientIDUniqueness().revert(on: app.db)
            let reverted = try await events(app)
            let refusedWithConstraint = try await !duplicateClientID(app)
            try await M011_DropClientIDUniqueness().prepare(on: app.db)
            // verify
            #expect(reverted == before)
            #expect(refusedWithConstraint)
            #expect(try await events(app) == before)
            #expect(try await duplicateClientID(app))
        }
    }
}
