import Fluent
import Foundation
@testable import InterviewServer
import Vapor

/// Accounts and records the suites start from.
enum TestData {
    static let password = "correct horse battery"

    @discardableResult
    static func user(_ app: Application, _ email: String, role: Role, name: String? = nil) async throws -> User {
        let user = User(email: email, name: name ?? email, passwordHash: try app.password.hash(password), role: role)
        try await user.save(on: app.db)
        return user
    }

    static func anyGuideVersion(_ app: Application) async throws -> (GuideRecord, GuideVersion) {
        let guide = try await GuideRecord.query(on: app.db).filter(\.$slug == "python-backend-senior.en").first()!
        let version = try await GuideVersion.find(guide.$current.id, on: app.db)!
        return (guide, version)
    }

    @discardableResult
    static func position(_ app: Application, _ title: String, members: [User], retentionDays: Int? = nil) async throws -> Position {
        let (guide, _) = try await anyGuideVersion(app)
        let position = Position(title: title, guideID: try guide.requireID(), retentionDays: retentionDays)
        try await position.save(on: app.db)
        try await position.$members.attach(members, on: app.db)
        return position
    }

    @discardableResult
    static func candidate(_ app: Application, _ name: String, in position: Position, notes: String? = nil) async throws -> Candidate {
        let candidate = Candidate(positionID: try position.requireID(), name: name, contact: "\(name)@example.com",
                                  resumeText: "Built things.", resumePDF: nil, notes: notes)
        try await candidate.save(on: app.db)
        return candidate
    }
}
