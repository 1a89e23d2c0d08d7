import Fluent
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Language switch, logout, home, cookies over TLS")
struct NavigationTests {
    @Test func theLanguageLinkSetsACookieAndReturnsToThePage() async throws {
        try await withApp { app in
            // setup
            let browser = TestBrowser(app)
            // act
            let response = try await browser.get("/language?to=zh&back=/login")
            let offSite = try await browser.get("/language?to=zh&back=//evil.example.com")
            // verify
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/login")
            #expect(response.headers.setCookie?["lang"]?.string == "zh")
            #expect(offSite.headers.first(name: .location) == "/")
        }
    }

    @Test func aPageAnsweringAFormSwitchesLanguageBackToThePageTheFormWasOn() async throws {
        try await withApp { app in
            // setup: Ivan types a wrong current password on the account page
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            try await browser.get("/account")
            // act
            let refused = try await browser.post("/account/password", ["current": "wrong password here", "new": "another long password", "confirmation": "another long password"],
                                                 referer: "http://127.0.0.1:8080/account?tab=1")
            let unnamed = try await browser.post("/account/password", ["current": "wrong password here", "new": "x", "confirmation": "x"])
            // verify: the link leads back to the account page (the form's address answered GET with 404)
            #expect(refused.body.string.contains("/language?to=zh&amp;back=/account?tab%3D1\""), "\(refused.body.string.components(separatedBy: "/language?").dropFirst().first?.prefix(60) ?? "")")
            #expect(unnamed.body.string.contains("/language?to=zh&amp;back=/\""))
        }
    }

    @Test func pagesFollowAcceptLanguageWithoutACookie() async throws {
        try await withApp { app in
            // act
            let response = try await app.testing().sendRequest(.GET, "/login", headers: ["Accept-Language": "zh-CN,zh;q=0.9"])
            // verify
            #expect(response.body.string.contains(Text.signIn.in(.zh)))
            #expect(response.body.string.contains("<html lang=\"zh\">"))
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            try await browser.get("/positions")
            // act
            let logout = try await browser.post("/logout")
            let after = try await browser.get("/positions")
            // verify
            #expect(logout.status == .seeOther)
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/login")
        }
    }

    @Test func theHomePageIsThePositionsList() async throws {
        try await withApp { app in
            // act
            let response = try await TestBrowser(app).get("/")
            // verify
            #expect(response.headers.first(name: .location) == "/positions")
        }
    }

    @Test func cookiesAreSecureWhenServedOverTLS() async throws {
        try await withApp(publicURL: "https://interviews.example.com") { app in
            // act
            let response = try await TestBrowser(app).get("/login")
            // verify
            #expect(response.headers[.setCookie].joined().contains("Secure"))
        }
    }

    @Test func aCandidateEditIsAuditedByFieldName() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            let candidate = try await TestData.candidate(app, "Han Mei", in: position, notes: "first notes")
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            let path = "/candidates/\(try candidate.requireID())"
            try await browser.get(path)
            // act
            let saved = try await browser.post(path, ["contact": "Han Mei@example.com", "resumeText": "Built things.",
                                                      "notes": "second notes"])
            let emptied = try await browser.post(path, ["contact": "", "notes": "x"])
            // verify
            #expect(saved.status == .seeOther)
            #expect(emptied.status == .unprocessableEntity)
            #expect(try await Candidate.find(candidate.id, on: app.db)?.notes == "second notes")
            let update = try await AuditEntry.query(on: app.db).filter(\.$action == .update).all()
            #expect(update.map(\.detail) == ["notes"])
        }
    }
}

@Suite("Error pages")
struct ErrorPageTests {
    @Test func aMissingPageIsAPageInTheUsersLanguage() async throws {
        try await withApp { app in
            // setup
            let browser = TestBrowser(app)
            browser.language = "zh"
            // act
            let page = try await browser.get("/no/such/page")
            let api = try await browser.get("/api/v1/no/such/route")
            // verify
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            #expect(page.body.string.contains(Text.pageNotFound.in(.zh)))
            #expect(api.status == .notFound)
            #expect(api.headers.contentType == .json)
        }
    }
}
