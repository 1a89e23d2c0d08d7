import Fluent
import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("JSON API under /api/v1")
struct APITests {
    private func json<T: Encodable>(_ value: T) throws -> ByteBuffer { ByteBuffer(data: try JSONEncoder().encode(value)) }

    /// A malformed multipart body answered 500 (MultipartKit's own parser error, found by schemathesis):
    /// the client's fault, 400 with a reason, on the candidate routes and any other.
    @Test func aMalformedMultipartBodyIsABadRequest() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            let multipart = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "57254d3b02efb21586c50dbbbc65e8d9"])
            // act: a part that never ends its headers, then garbage
            let response = try await browser.send(.POST, "/api/v1/candidates",
                body: ByteBuffer(string: "--57254d3b02efb21586c50dbbbc65e8d9\r\n[{'\u{6a267}p': True}, {}, {'\u{14}': [False, 50, '']"),
                contentType: multipart)
            // verify
            #expect(response.status == .badRequest, "\(response.status) \(response.body.string)")
            #expect(response.body.string.contains("the multipart body could not be read"))
        }
    }

    @Test func withoutASessionTheAPIAnswers401() async throws {
        try await withApp { app in
            // act
            let response = try await TestBrowser(app).get("/api/v1/positions")
            // verify
            #expect(response.status == .unauthorized)
        }
    }

    @Test func aWriteWithoutTheCSRFHeaderIsForbidden() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            let (guide, _) = try await TestData.anyGuideVersion(app)
            // act
            let response = try await browser.send(.POST, "/api/v1/positions",
                                                  body: try json(["title": "Backend", "guideID": try guide.requireID().uuidString]),
                                                  contentType: .json, csrfHeader: false)
            // verify
            #expect(response.status == .forbidden)
            #expect(try await Position.query(on: app.db).count() == 0)
        }
    }

    @Test func positionsCandidatesAndInterviewsThroughTheAPI() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            let (guide, version) = try await TestData.anyGuideVersion(app)
            // act
            let position = try await browser.send(.POST, "/api/v1/positions", body: try json(
                ["title": "Backend", "guideID": try guide.requireID().uuidString]), contentType: .json)
            let positionID = try #require(try await Position.query(on: app.db).first()?.requireID())
            let candidate = try await browser.send(.POST, "/api/v1/candidates", body: try json(
                ["positionID": positionID.uuidString, "name": "Qian", "contact": "qian@example.com"]), contentType: .json)
            let candidateID = try #require(try await Candidate.query(on: app.db).first()?.requireID())
            struct NewInterview: Encodable { var candidateID: UUID; var scheduledAt: String; var interviewerIDs: [UUID] }
            let interview = try await browser.send(.POST, "/api/v1/interviews", body: try json(
                NewInterview(candidateID: candidateID, scheduledAt: "2026-12-02T09:00:00Z", interviewerIDs: [try mia.requireID()])),
                contentType: .json)
            let list = try await browser.get("/api/v1/interviews?status=scheduled")
            // verify
            #expect(position.status == .created)
            #expect(candidate.status == .created)
            #expect(interview.status == .created)
            #expect(list.body.string.contains(String(version.contentHash.prefix(12))))
        }
    }

    @Test func controlAndDirectionCharactersNeverReachTheStore() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            let (guide, _) = try await TestData.anyGuideVersion(app)
            _ = try await browser.send(.POST, "/api/v1/positions", body: try json(
                ["title": "Back\u{202E}end\u{1B}[2J", "guideID": try guide.requireID().uuidString]), contentType: .json)
            let positionID = try #require(try await Position.query(on: app.db).first()?.requireID())
            // act: a name that reads backwards, an ESC, a NUL; notes typed in a browser (CRLF) with a tab
            let created = try await browser.send(.POST, "/api/v1/candidates", body: try json(
                ["positionID": positionID.uuidString, "name": "Alice\u{202E}gnp.exe\u{2066}", "contact": "x\u{1B}[31my\u{0}z",
                 "notes": "line one\r\nline\ttwo\u{85}"]), contentType: .json)
            // verify: stored without them; line ends and tabs kept
            #expect(created.status == .created)
            let candidate = try #require(try await Candidate.query(on: app.db).first())
            #expect(candidate.name == "Alicegnp.exe")
            #expect(candidate.contact == "x[31myz")
            #expect(candidate.notes == "line one\nline\ttwo")
            #expect(try await Position.query(on: app.db).first()?.title == "Backend[2J")
        }
    }

    @Test func invalidInputAnswers422WithAMessagePerField() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            // act
            let response = try await browser.send(.POST, "/api/v1/positions", body: try json(["title": ""]), contentType: .json)
            // verify
            #expect(response.status == .unprocessableEntity)
            let body = try JSONDecoder().decode(APIErrorMiddleware.Body.self, from: Data(buffer: response.body))
            #expect(body.fields["title"] == Text.errRequired.in(.en))
            #expect(body.fields["guideID"] == Text.errUnknownGuide.in(.en))
        }
    }

    @Test func aCandidateOfAnotherPositionIsNotFound() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Hidden", members: [])
            let candidate = try await TestData.candidate(app, "Kong", in: position)
            let browser = try await TestBrowser.apiSignedIn(app, "ivan@example.com")
            // act
            let response = try await browser.get("/api/v1/candidates/\(try candidate.requireID())")
            // verify
            #expect(response.status == .notFound)
            #expect(!response.body.string.contains("Kong"))
        }
    }

    @Test func guidesComeWithTheirFindings() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let browser = try await TestBrowser.apiSignedIn(app, "mia@example.com")
            // act
            let saved = try await browser.send(.POST, "/api/v1/guides", body: try json(
                ["slug": "broken", "markdown": GuideLibraryTests.brokenGuide]), contentType: .json)
            // verify
            #expect(saved.status == .created)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let guide = try decoder.decode(APIGuideController.Detail.self, from: Data(buffer: saved.body))
            #expect(guide.findings.contains { $0.severity == "error" && $0.line == 9 })
            #expect(guide.versions.count == 1)
            // in the caller's language, with both beside it (the message was English always: a probe)
            browser.language = "zh"
            let zh = try await browser.get("/api/v1/guides/\(guide.id)")
            let chinese = try decoder.decode(APIGuideController.Detail.self, from: Data(buffer: zh.body))
            #expect(!chinese.findings.isEmpty && chinese.findings.allSatisfy { $0.message == $0.messages.zh && $0.message != $0.messages.en })
            #expect(guide.findings.allSatisfy { $0.message == $0.messages.en })
        }
    }
}
