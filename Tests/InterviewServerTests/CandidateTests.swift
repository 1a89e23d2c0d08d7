import Fluent
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("Candidates: access, escaping, audit")
struct CandidateTests {
    @Test func anInterviewerOffThePositionGetsNotFound() async throws {
        try await withApp { app in
            // setup
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [mia])
            let candidate = try await TestData.candidate(app, "Zhang San", in: position)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            let page = try await browser.get("/candidates/\(try candidate.requireID())")
            let list = try await browser.get("/candidates")
            // verify
            #expect(page.status == .notFound)
            #expect(!list.body.string.contains("Zhang San"))
        }
    }

    @Test func userTextIsShownEscaped() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            let candidate = try await TestData.candidate(app, "<script>alert('x')</script>", in: position,
                                                         notes: "<img src=x onerror=alert(1)>")
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            let page = try await browser.get("/candidates/\(try candidate.requireID())")
            // verify
            let body = page.body.string
            #expect(page.status == .ok)
            #expect(body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") || body.contains("&lt;script&gt;alert("))
            #expect(!body.contains("<script>"))
            #expect(!body.contains("<img src=x"))
        }
    }

    @Test func readingACandidateIsAudited() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            let candidate = try await TestData.candidate(app, "Li Si", in: position)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            try await browser.get("/candidates/\(try candidate.requireID())")
            // verify
            let entries = try await AuditEntry.query(on: app.db).filter(\.$candidateID == candidate.requireID()).all()
            #expect(entries.map(\.action) == [.read])
            #expect(entries.first?.$user.id == ivan.id)
        }
    }

    @Test func aManagerCorrectsACandidatesNameAndTheTrailNamesTheField() async throws {
        try await withApp { app in
            // setup: a name typed wrong
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let position = try await TestData.position(app, "Backend engineer", members: [mia])
            let candidate = try await TestData.candidate(app, "Wang Fnag", in: position)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            let path = "/candidates/\(try candidate.requireID())"
            try await browser.get(path)
            // act
            let blank = try await browser.post(path, ["name": "  ", "contact": "wang@example.com"])
            let fixed = try await browser.post(path, ["name": "Wang Fang", "contact": "wang@example.com"])
            let kept = try await browser.send(.PATCH, "/api/v1\(path)", body: ByteBuffer(data: try JSONSerialization.data(
                withJSONObject: ["contact": "wang.fang@example.com"])), contentType: .json)
            // verify: refused when blank; changed, and an API call without a name keeps it
            #expect(blank.status == .unprocessableEntity)
            #expect(fixed.status == .seeOther)
            #expect(kept.status == .ok)
            let reloaded = try #require(try await Candidate.find(candidate.id, on: app.db))
            #expect(reloaded.name == "Wang Fang" && reloaded.contact == "wang.fang@example.com")
            let updates = try await AuditEntry.query(on: app.db).filter(\.$action == .update).all().map(\.detail)
            #expect(updates.contains { $0.hasPrefix("name") } && !updates.contains { $0.contains("Fang") })
        }
    }

    @Test func searchAndPositionFilterNarrowTheList() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let backend = try await TestData.position(app, "Backend engineer", members: [ivan])
            let data = try await TestData.position(app, "Data engineer", members: [ivan])
            try await TestData.candidate(app, "Wang Wu", in: backend)
            try await TestData.candidate(app, "Zhao Liu", in: data)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act
            let searched = try await browser.get("/candidates?q=wang")
            let filtered = try await browser.get("/candidates?position=\(try data.requireID())")
            // verify
            #expect(searched.body.string.contains("Wang Wu") && !searched.body.string.contains("Zhao Liu"))
            #expect(filtered.body.string.contains("Zhao Liu") && !filtered.body.string.contains("Wang Wu"))
        }
    }

    @Test func aLongListComesInPagesThatKeepTheSearch() async throws {
        try await withApp { app in
            // setup: 120 candidates, 60 of them named "Chen …"
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            for n in 0..<120 {
                try await TestData.candidate(app, String(format: "%@ %03d", n.isMultiple(of: 2) ? "Chen" : "Wang", n), in: position)
            }
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            let id = try position.requireID()
            // act
            let first = try await browser.get("/positions/\(id)")
            let last = try await browser.get("/positions/\(id)?page=3")
            let beyond = try await browser.get("/positions/\(id)?page=99")
            let searched = try await browser.get("/candidates?q=chen&page=2")
            let positions = try await browser.get("/positions")
            browser.language = "zh"
            let chinese = try await browser.get("/positions/\(id)").body.string
            // verify: 50 rows a page, the last page holds the remaining 20, links carry the filter
            func rows(_ page: TestingHTTPResponse) -> Int { page.body.string.components(separatedBy: "<tr><td><a href=\"/candidates/").count - 1 }
            #expect(rows(first) == 50 && rows(last) == 20 && rows(beyond) == 20)
            #expect(chinese.contains("第 1 / 3 页（共 120 条）"))
            #expect(first.body.string.contains("Page 1 of 3 (120 in all)") && first.body.string.contains("?page=2\" rel=\"next\""))
            #expect(!last.body.string.contains("rel=\"next\"") && last.body.string.contains("?page=2\" rel=\"prev\""))
            #expect(rows(searched) == 10 && searched.body.string.contains("Page 2 of 2 (60 in all)"))
            #expect(searched.body.string.contains("q=chen&amp;page=1\" rel=\"prev\"") && !searched.body.string.contains("Wang "))
            #expect(positions.body.string.contains("<td>120</td>"))
        }
    }

    @Test func searchIgnoresCaseInEveryScriptAndTakesWildcardsLiterally() async throws {
        try await withApp { app in
            // setup
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let position = try await TestData.position(app, "Backend engineer", members: [ivan])
            for name in ["Chen Wei", "王小明", "Émile Zola", "Percent%Man", "Under_Score"] { try await TestData.candidate(app, name, in: position) }
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            // act and verify: each search finds exactly the one candidate
            let expected = ["CHEN": "Chen Wei", "小明": "王小明", "émile": "Émile Zola", "ÉMILE": "Émile Zola", "zola": "Émile Zola",
                            "t%m": "Percent%Man", "r_s": "Under_Score", "ZOLA@EXAMPLE": "Émile Zola"]
            for (needle, name) in expected {
                let query = needle.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? needle
                let page = try await browser.get("/candidates?q=\(query)").body.string
                let rows = page.components(separatedBy: "<tr><td><a href=\"/candidates/").count - 1
                #expect(rows == 1 && page.contains(name), "\(needle)")
            }
        }
    }
}
