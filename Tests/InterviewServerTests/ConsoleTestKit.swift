import Fluent
import Foundation
@testable import InterviewServer
import Vapor
import VaporTesting

/// An interview on the bundled English mid/senior guide, with the interviewers given, and a browser
/// per interviewer logged in and holding the console's CSRF token.
struct ConsoleFixture {
    let app: Application
    let interview: Interview
    let candidate: Candidate
    let position: Position

    var id: UUID { interview.id! }
    var api: String { "/api/v1/interviews/\(id)/console" }

    static func make(_ app: Application, interviewers emails: [String], alsoOnPosition extra: [String] = []) async throws -> ConsoleFixture {
        var users: [User] = []
        for email in emails { users.append(try await TestData.user(app, email, role: .interviewer, name: email.components(separatedBy: "@")[0])) }
        var others: [User] = []
        for email in extra { others.append(try await TestData.user(app, email, role: .interviewer)) }
        let position = try await TestData.position(app, "Backend engineer", members: users + others)
        let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
        let (_, version) = try await TestData.anyGuideVersion(app)
        let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(), scheduledAt: Date())
        try await interview.save(on: app.db)
        try await interview.$interviewers.attach(users, on: app.db)
        return ConsoleFixture(app: app, interview: interview, candidate: candidate, position: position)
    }

    func browser(_ email: String) async throws -> TestBrowser {
        let browser = TestBrowser(app)
        _ = try await browser.logIn(email)
        try await browser.get("/api/v1/session")
        return browser
    }
}

/// The parts of the console's answers the tests read.
struct ConsoleAnswer: Decodable {
    struct View: Decodable {
        struct Question: Decodable { var topic: String; var id: String; var rating: Int? }
        struct Decision: Decodable {
            struct Reasons: Decodable { var en: String; var zh: String }
            var kind: String; var topic: String; var id: String; var suggestion: Bool?; var reason: String?; var reasons: Reasons?
        }
        struct Note: Decodable { var text: String }
        struct Summary: Decodable { var overall: Double?; var coverage: Double?; var band: String?; var bandID: String? }
        var eventCount: Int
        var agenda: String
        var finished: Bool
        var question: Question?
        var decision: Decision?
        var notes: [Note]
        var draft: String
        var canReturn: Bool
        struct RevisableGate: Decodable, Equatable {
            var topic: String; var id: String; var answer: Bool; var ratedAfter: [Asked] = []
            struct Asked: Decodable, Equatable { var topic: String; var id: String }
        }
        var revisableGate: RevisableGate?
        var untouchedRequired: [String]
        var summary: Summary
        var submittedAt: String?
        struct Hint: Decodable { var group: String; var guidance: String; var target: String }
        var hints: [Hint]?
        struct HistoryRow: Decodable { var topic: String; var id: String; var rating: Int?; var skipped: Bool }
        var history: [HistoryRow]
        struct StageRow: Decodable { var key: String; var status: String }
        var stages: [StageRow]
    }

    var duplicate: Bool?
    var code: String?
    var reason: String?
    var stages: [String]?
    var view: View
}

extension TestBrowser {
    /// Posts one console action; a fresh client id unless one is given.
    @discardableResult
    func act(_ fixture: ConsoleFixture, _ fields: [String: Any], clientID: String = UUID().uuidString,
             csrfHeader: Bool = true) async throws -> (HTTPStatus, ConsoleAnswer?) {
        var body = fields
        body["clientID"] = clientID
        let data = try JSONSerialization.data(withJSONObject: body)
        let response = try await send(.POST, fixture.api + "/actions", body: ByteBuffer(data: data), contentType: .json,
                                      csrfHeader: csrfHeader)
        return (response.status, try? JSONDecoder().decode(ConsoleAnswer.self, from: Data(buffer: response.body)))
    }

    /// Starts the interview and finishes the three talk stages, arriving at 3.1's first question.
    /// A refused or unanswered action (a 503 when a commit timed out on a starved machine) fails the test
    /// that asked; unwrapped by force, it crashed the whole test process and every suite with it (a CI run).
    func walkToFirstQuestion(_ fixture: ConsoleFixture) async throws -> ConsoleAnswer.View {
        var (status, answer) = try await act(fixture, ["type": "start"])
        while answer?.view.agenda == "talk" { (status, answer) = try await act(fixture, ["type": "moveOn"]) }
        guard let view = answer?.view else { throw WalkRefused(status: status) }
        return view
    }

    struct WalkRefused: Error, CustomStringConvertible {
        var status: HTTPStatus
        var description: String { "the console did not answer the walk to the first question (status \(status.code))" }
    }

    /// The interview walked to 3.1, its op1 rated, finished and the card submitted.
    func submitOneRating(_ fixture: ConsoleFixture, _ rating: Int, _ recommendation: String, _ summary: String) async throws {
        _ = try await walkToFirstQuestion(fixture)
        _ = try await rate(fixture, "3.1", "op1", rating)
        _ = try await act(fixture, ["type": "finish", "confirm": true])
        _ = try await act(fixture, ["type": "submit", "recommendation": recommendation, "summary": summary])
    }

    /// The interview walked through 3.1: op1–op5 rated `rating`, "no" at both its gates; 3.2.1 is next.
    func rateTheFirstTopic(_ fixture: ConsoleFixture, _ rating: Int) async throws -> ConsoleAnswer.View {
        _ = try await walkToFirstQuestion(fixture)
        for question in ["op1", "op2", "op3", "op4", "op5"] { _ = try await rate(fixture, "3.1", question, rating) }
        _ = try await answer(fixture, "3.1", "cond1", false)
        return try await answer(fixture, "3.1", "cond2", false)
    }

    func rate(_ fixture: ConsoleFixture, _ topic: String, _ question: String, _ rating: Int) async throws -> ConsoleAnswer.View {
        let (status, answer) = try await act(fixture, ["type": "rate", "topic": topic, "question": question, "rating": rating])
        guard status == .ok, let answer else { throw Abort(status, reason: "rating \(topic)/\(question) answered \(status)") }
        return answer.view
    }

    func answer(_ fixture: ConsoleFixture, _ topic: String, _ gate: String, _ yes: Bool) async throws -> ConsoleAnswer.View {
        let (status, answer) = try await act(fixture, ["type": "answer", "topic": topic, "gate": gate, "answer": yes])
        guard status == .ok, let answer else { throw Abort(status, reason: "answer at \(topic)/\(gate) answered \(status)") }
        return answer.view
    }
}
