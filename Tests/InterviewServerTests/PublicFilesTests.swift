@testable import InterviewServer
import Testing
import VaporTesting

/// The console's script and the style sheet are served from `Public`; every other path goes on to
/// the routes without the file system being asked about it.
@Suite struct PublicFilesTests {
    @Test func theFilesAreServedAndNothingElse() async throws {
        try await withApp { app in
            // act
            let script = try await app.testing().sendRequest(.GET, "/console.js")
            let style = try await app.testing().sendRequest(.GET, "/style.css")
            let head = try await app.testing().sendRequest(.HEAD, "/style.css")
            let posted = try await app.testing().sendRequest(.POST, "/style.css")
            let missing = try await app.testing().sendRequest(.GET, "/secret.txt")
            let outside = try await app.testing().sendRequest(.GET, "/../Package.swift")
            let health = try await app.testing().sendRequest(.GET, "/healthz")
            // verify
            #expect(script.status == .ok && script.body.string.contains("localStorage"))
            #expect(script.headers.contentType?.subType == "javascript")
            #expect(style.status == .ok && style.headers.contentType == .css && !style.body.string.isEmpty)
            #expect(style.headers.first(name: .eTag) != nil)
            #expect(head.status == .ok)
            #expect(posted.status == .notFound)
            #expect(missing.status == .notFound)
            #expect(outside.status == .notFound)
            #expect(health.status == .ok)
        }
    }

    @Test func theListIsMadeOnceFromTheDirectory() {
        let files = PublicFiles()
        #expect(files.paths == ["/console.js", "/editor.js", "/favicon.svg", "/report.js", "/style.css", "/unsaved.js", "/zone.js"])
    }
}
