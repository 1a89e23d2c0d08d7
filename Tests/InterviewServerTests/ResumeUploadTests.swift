import Fluent
import Foundation
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Resume upload: a real PDF, at most 5 MB, stored in the database")
struct ResumeUploadTests {
    /// Logs an interviewer into a position and returns the browser, ready to post the candidate form.
    private func prepared(_ app: Application) async throws -> (TestBrowser, Position) {
        // Hiring managers add candidates (docs/security.md).
        let ivan = try await TestData.user(app, "ivan@example.com", role: .hiringManager)
        let position = try await TestData.position(app, "Backend engineer", members: [ivan])
        let browser = TestBrowser(app)
        _ = try await browser.logIn("ivan@example.com")
        try await browser.get("/positions/\(try position.requireID())")
        return (browser, position)
    }

    private func form(_ position: Position, csrf: String?, file: Data, type: String = "application/pdf") throws -> Multipart {
        var form = Multipart()
        if let csrf { form.field("csrf", csrf) }
        form.field("positionID", try position.requireID().uuidString)
        form.field("name", "Chen Qi")
        form.field("contact", "chen@example.com")
        form.file("resumePDF", filename: "cv.pdf", type: type, file)
        return form
    }

    @Test func aPDFIsStoredAndServedAsADownload() async throws {
        try await withApp { app in
            // setup
            let (browser, position) = try await prepared(app)
            let body = try form(position, csrf: browser.csrf, file: Multipart.smallPDF)
            // act
            let created = try await browser.send(.POST, "/candidates", body: body.buffer, contentType: body.contentType,
                                                 csrfHeader: false)
            let candidate = try #require(try await Candidate.query(on: app.db).first())
            let download = try await browser.get("/candidates/\(try candidate.requireID())/resume.pdf")
            // verify
            #expect(created.status == .seeOther)
            #expect(candidate.resumePDF == Multipart.smallPDF)
            #expect(download.headers.contentType == .pdf)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(Data(buffer: download.body) == Multipart.smallPDF)
        }
    }

    @Test func aFileThatIsNotAPDFIsRejected() async throws {
        try await withApp { app in
            // setup
            let (browser, position) = try await prepared(app)
            let html = Data("<html><script>alert(1)</script></html>".utf8)
            let body = try form(position, csrf: browser.csrf, file: html)
            // act
            let response = try await browser.send(.POST, "/candidates", body: body.buffer, contentType: body.contentType,
                                                  csrfHeader: false)
            // verify
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(Text.errNotPDF.in(.en)))
            #expect(try await Candidate.query(on: app.db).count() == 0)
        }
    }

    @Test func aPDFOverFiveMegabytesIsRejected() async throws {
        try await withApp { app in
            // setup
            let (browser, position) = try await prepared(app)
            var big = Data("%PDF-1.7\n".utf8)
            big.append(Data(repeating: 0x20, count: PDFCheck.maxBytes))
            big.append(Data("\n%%EOF\n".utf8))
            let body = try form(position, csrf: browser.csrf, file: big)
            // act
            let response = try await browser.send(.POST, "/candidates", body: body.buffer, contentType: body.contentType,
                                                  csrfHeader: false)
            // verify
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(Text.errPDFTooLarge.in(.en)))
        }
    }

    @Test func anUploadWithoutTheCSRFTokenIsForbidden() async throws {
        try await withApp { app in
            // setup
            let (browser, position) = try await prepared(app)
            let body = try form(position, csrf: nil, file: Multipart.smallPDF)
            // act
            let response = try await browser.send(.POST, "/candidates", body: body.buffer, contentType: body.contentType,
                                                  csrfHeader: false)
            // verify
            #expect(response.status == .forbidden)
            #expect(try await Candidate.query(on: app.db).count() == 0)
        }
    }

    @Test func thePDFCheckWantsHeaderAndEndMarker() {
        #expect(throws: PDFCheck.Problem.notPDF) { try PDFCheck.check(Data("%PDF-1.4 no end".utf8)) }
        #expect(throws: PDFCheck.Problem.notPDF) { try PDFCheck.check(Data("MZ\u{90}\0 %%EOF".utf8)) }
        #expect(throws: Never.self) { try PDFCheck.check(Multipart.smallPDF) }
    }
}
