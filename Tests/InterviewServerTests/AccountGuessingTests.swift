import Foundation
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

/// What an operations probe found around sign-in: the Account page's current password could be guessed
/// without limit or trace, a deactivated account's sign-in with the right password left no trace, and an
/// admin's new password did not lift the lockout of the person who had asked for it.
@Suite("Account guessing and the trail")
struct AccountGuessingTests {
    /// Ivan signed in on his Account page; the function sends its password form with `current`.
    private static func ivansPasswordForm(_ app: Application) async throws -> (String) async throws -> TestingHTTPResponse {
        try await TestData.user(app, "ivan@example.com", role: .interviewer)
        let browser = TestBrowser(app)
        _ = try await browser.logIn("ivan@example.com")
        _ = try await browser.get("/account")
        return { current in
            try await browser.post("/account/password", ["current": current, "new": "a brand new password", "confirmation": "a brand new password"])
        }
    }

    @Test func theCurrentPasswordIsGuessedUnderTheSignInLimitAndEachWrongGuessIsInTheTrail() async throws {
        try await withApp { app in
            // setup: Ivan's session, open on a PC someone else sits at
            let change = try await Self.ivansPasswordForm(app)
            // act: guesses past the limit, then the right password
            var statuses: [HTTPStatus] = [], bodies: [String] = []
            for n in 0..<(LoginRateLimiter.accountLimit + 3) {
                let answer = try await change("guess number \(n) xx")
                statuses.append(answer.status)
                bodies.append(answer.body.string)
            }
            let right = try await change(TestData.password)
            let kinds = try await SecurityEvent.query(on: app.db).sort(\.$at).all()
            let failed = kinds.filter { $0.kind == .loginFailed }, locked = kinds.filter { $0.kind == .loginLocked }
            // verify: refused as wrong five times, then as too many, with the right one refused too while
            // locked; each wrong one in the trail, the lock once; and the sign-in page is locked as well
            #expect(statuses.allSatisfy { $0 == .unprocessableEntity }, "\(statuses)")
            #expect(bodies.prefix(LoginRateLimiter.accountLimit).allSatisfy { $0.contains(Text.errPasswordWrong.in(.en)) })
            #expect(bodies.suffix(3).allSatisfy { $0.contains(Text.tooManyAttempts.in(.en)) })
            #expect(right.status == .unprocessableEntity && right.body.string.contains(Text.tooManyAttempts.in(.en)))
            #expect(failed.count == LoginRateLimiter.accountLimit && failed.allSatisfy { $0.detail == "current password wrong" })
            #expect(locked.count == 1)
            #expect(try await TestBrowser(app).logIn("ivan@example.com").status == .tooManyRequests)
            #expect(AuditText.detail("current password wrong", .zh) == "当前密码错误")
        }
    }

    @Test func aRightCurrentPasswordClearsTheGuessesBeforeIt() async throws {
        try await withApp { app in
            // setup
            let change = try await Self.ivansPasswordForm(app)
            for _ in 0..<(LoginRateLimiter.accountLimit - 1) { _ = try await change("a mistyped password") }
            // act: Ivan types it right, and then mistypes his new one at sign-in a few times
            let changed = try await change(TestData.password)
            var later: [HTTPStatus] = []
            for _ in 0..<(LoginRateLimiter.accountLimit - 1) { later.append(try await TestBrowser(app).logIn("ivan@example.com", password: "a brand new passwort").status) }
            // verify: his own mistakes before the change do not lock him out after it
            #expect(changed.status == .seeOther)
            #expect(later.allSatisfy { $0 == .unauthorized })
            #expect(try await TestBrowser(app).logIn("ivan@example.com", password: "a brand new password").status == .seeOther)
        }
    }

    @Test func aDeactivatedAccountsSignInWithTheRightPasswordIsInTheTrail() async throws {
        try await withApp { app in
            // setup: Ivan has left and was deactivated
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            ivan.deactivatedAt = Date()
            try await ivan.save(on: app.db)
            // act: he tries his password, on the page and over the API
            let page = try await TestBrowser(app).logIn("ivan@example.com")
            let events = try await SecurityEvent.query(on: app.db).all().filter { $0.kind == .loginFailed }
            // verify
            #expect(page.status == .forbidden)
            let subject = "user:\(try ivan.requireID())"
            #expect(events.count == 1 && events.first?.detail == "deactivated" && events.first?.subject == subject)
            #expect(AuditText.detail("deactivated", .zh) == "账户已停用")
        }
    }

    @Test func anAdminsNewPasswordLiftsTheLockout() async throws {
        try await withApp { app in
            // setup: Ivan locked himself out, and asked an admin
            try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            for _ in 0..<LoginRateLimiter.accountLimit { _ = try await TestBrowser(app).logIn("ivan@example.com", password: "wrong password!") }
            let lockedOut = try await TestBrowser(app).logIn("ivan@example.com")
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            _ = try await admin.get("/users")
            // act
            let set = try await admin.post("/users/\(try ivan.requireID())/password", ["password": "SECRET temporary password", "confirmation": "SECRET temporary password"])
            let signIn = try await TestBrowser(app).logIn("ivan@example.com", password: "SECRET temporary password")
            // verify
            #expect(lockedOut.status == .tooManyRequests)
            #expect(set.status == .seeOther)
            #expect(signIn.status == .seeOther)
        }
    }

    /// `aaaaaaaaaaaa` and the account's own email with a digit were accepted (an operations probe).
    @Test func aTrivialPasswordOrOneHoldingTheEmailsNameIsRefused() {
        #expect(AccountService.passwordProblem("aaaaaaaaaaaa") == .errPasswordTrivial)
        #expect(AccountService.passwordProblem("121212121212") == .errPasswordTrivial)
        #expect(AccountService.passwordProblem("ivo@firma.de1", email: "ivo@firma.de") == .errPasswordHasEmail)
        #expect(AccountService.passwordProblem("Ivo-summer-2026", email: "ivo@firma.de") == .errPasswordHasEmail)
        #expect(AccountService.passwordProblem("correct horse battery", email: "ivo@firma.de") == nil)
        #expect(Text.errPasswordTrivial.in(.zh).contains("五个"))
    }

    /// The only admin, locked out, sets a password from the command line on the stopped server's folder:
    /// sessions end, the lockout is lifted, the trail says so (an operations probe found no way back).
    @Test func aLockedOutAdminSetsANewPasswordFromTheCommandLine() async throws {
        // setup
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("interviewflow.sqlite").path
        try await withFileApp(path) { app in
            try await TestData.user(app, "root@example.com", role: .admin)
            for _ in 0..<LoginRateLimiter.accountLimit { _ = try await TestBrowser(app).logIn("root@example.com", password: "wrong password!") }
        }
        // act
        let done = try await AccountRecovery.setPassword(email: "root@example.com", password: "a new admin phrase 42",
                                                         settings: ServerSettings(storage: .sqliteFile(path: path), publicURL: "http://127.0.0.1:8080"))
        // verify
        #expect(done.role == "admin")
        try await withFileApp(path) { app in
            #expect(try await TestBrowser(app).logIn("root@example.com", password: "a new admin phrase 42").status == .seeOther)
            let trail = try await SecurityEvent.query(on: app.db).all().filter { $0.kind == .passwordReset }
            #expect(trail.map(\.detail) == ["from the command line"] && trail.first?.actorID == nil)
        }
        await #expect(throws: AccountRecovery.Refusal.self) {
            _ = try await AccountRecovery.setPassword(email: "root@example.com", password: "short",
                                                      settings: ServerSettings(storage: .sqliteFile(path: path), publicURL: "http://127.0.0.1:8080"))
        }
    }

    @Test func theTrailsWordsForARestoreAReErasureAndACardReadInChinese() {
        let restore = "restored 2026-12-06T22:44:07.511Z; erased again: 1; 46 security trail entries written after this backup (from 2026-12-06T22:38:50.133Z) are not in the restored trail; they are kept in interviewflow.sqlite.before-restore"
        #expect(AuditText.detail(restore, .zh) == "恢复于 2026-12-06T22:44:07.511Z；重新删除 1 位候选人；此备份之后写入的 46 条安全记录（自 2026-12-06T22:38:50.133Z 起）不在恢复后的记录中；它们保留在 interviewflow.sqlite.before-restore 中")
        #expect(AuditText.detail("restored 2026-12-06T22:44:07.511Z; erased again: 0", .zh) == "恢复于 2026-12-06T22:44:07.511Z；重新删除 0 位候选人")
        #expect(AuditText.detail("again after a restore (first erased 2026-12-06T22:38:59.175Z by Hanna Hiring <hanna@firma.de>)", .zh)
                == "恢复备份后再次删除（首次删除于 2026-12-06T22:38:59.175Z，删除者 Hanna Hiring <hanna@firma.de>）")
        #expect(AuditText.detail("scorecard submitted", .zh) == "提交评分卡")
        #expect(AuditText.detail("scorecard revised", .zh) == "修订评分卡")
        #expect(AuditText.detail("name,contact,notes", .zh) == "姓名、联系方式、备注")
        #expect(AuditText.detail("user:1234" + AuditText.draftDiscarded, .zh) == "user:1234；其未提交的评分卡草稿已删除")
        // English stays as written
        #expect(AuditText.detail(restore, .en) == restore)
        #expect(Text.system.in(.en) == "system" && Text.system.in(.zh) == "系统")
    }
}
