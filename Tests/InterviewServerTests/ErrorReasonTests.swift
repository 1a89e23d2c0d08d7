import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// The API's error reasons in the caller's language: the console shows them to its user.
@Suite("API error reasons in the caller's language")
struct ErrorReasonTests {
    private struct Answer: Decodable { var error: Bool; var reason: String }

    @Test func aChineseCallerGetsChineseReasons() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let chinese = TestBrowser(app)
            chinese.language = "zh"
            let english = TestBrowser(app)
            // act
            let signedOut = try await chinese.get("/api/v1/positions")
            let signedOutEnglish = try await english.get("/api/v1/positions")
            try await chinese.get("/login")
            _ = try await chinese.logIn("mia@example.com")
            try await chinese.get("/positions")
            let missing = try await chinese.get("/api/v1/positions/\(UUID())")
            let noToken = try await chinese.send(.POST, "/api/v1/positions", body: ByteBuffer(string: "{}"), contentType: .json, csrfHeader: false)
            let notJSON = try await chinese.send(.POST, "/api/v1/positions", body: ByteBuffer(string: "{title"), contentType: .json)
            // verify
            let reason = { (response: TestingHTTPResponse) in (try? JSONDecoder().decode(Answer.self, from: response.body))?.reason ?? "" }
            #expect(signedOut.status == .unauthorized && reason(signedOut) == "请先登录。")
            #expect(reason(signedOutEnglish) == "Sign in first.")
            #expect(missing.status == .notFound && reason(missing) == "未找到。")
            #expect(noToken.status == .forbidden && reason(noToken) == "缺少 CSRF 令牌，或令牌不正确。")
            #expect(notJSON.status == .badRequest && reason(notJSON) == "请求正文不是有效的 JSON 或表单数据。", "\(reason(notJSON))")
        }
    }

    @Test func everyReasonOfOursHasChinese() {
        // The storage troubles' reasons (the console shows them when the database is away or the disk full)
        // are among them; a reason missing from the table would read "请求无法处理：" and English.
        let reasons = ErrorReasons.translated
        #expect(reasons.contains(StorageTrouble.unavailable.reason) && reasons.contains(StorageTrouble.diskFull.reason))
        for english in reasons {
            let chinese = ErrorReasons.localized(english, status: .badRequest, language: .zh)
            #expect(chinese != english && !chinese.hasPrefix("请求无法处理"), "\(english)")
            #expect(chinese.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(english)")
            #expect(ErrorReasons.localized(english, status: .badRequest, language: .en) == english)
        }
    }
}
