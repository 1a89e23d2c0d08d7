import Fluent
@testable import InterviewServer
import Testing
import VaporTesting

@Suite("Accounts: roles, deactivation and passwords")
struct AccountAdministrationTests {
    @Test func anAdminChangesARoleButNotTheLastAdmins() async throws {
        try await withApp { app in
            // setup
            let root = try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            // act
            let promoted = try await admin.post("/users/\(try ivan.requireID())/role", ["role": "hiring_manager"])
            let lastAdmin = try await admin.post("/users/\(try root.requireID())/role", ["role": "interviewer"])
            let unknown = try await admin.post("/users/\(try ivan.requireID())/role", ["role": "owner"])
            // verify
            #expect(promoted.status == .seeOther)
            #expect(try await User.find(ivan.id, on: app.db)?.role == .hiringManager)
            #expect(lastAdmin.status == .conflict)
            #expect(lastAdmin.body.string.contains(Text.errLastAdmin.in(.en)))
            #expect(try await User.find(root.id, on: app.db)?.role == .admin)
            #expect(unknown.status == .badRequest)
        }
    }

    @Test func theUsersPageMarksTheReadersOwnRowInBracketsOfItsLanguage() async throws {
        try await withApp { app in
            // setup
            _ = try await TestData.user(app, "root@example.com", role: .admin, name: "Root")
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            // act
            let english = try await admin.get("/users").body.string
            admin.language = "zh"
            let chinese = try await admin.get("/users").body.string
            // verify: "(你)" read as ASCII punctuation in a Chinese page
            #expect(english.contains("Root (you)"))
            #expect(chinese.contains("Root（你）") && !chinese.contains("(你)"))
        }
    }

    @Test func aDeactivatedAccountIsSignedOutAndCannotLogIn() async throws {
        try await withApp { app in
            // setup: Ivan is logged in when the admin deactivates him
            let root = try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            let ivansBrowser = TestBrowser(app)
            _ = try await ivansBrowser.logIn("ivan@example.com")
            #expect(try await ivansBrowser.get("/positions").status == .ok)
            // act
            let deactivated = try await admin.post("/users/\(try ivan.requireID())/active", ["active": "false"])
            let afterwards = try await ivansBrowser.get("/positions")
            let api = try await ivansBrowser.get("/api/v1/positions")
            let login = try await TestBrowser(app).logIn("ivan@example.com")
            let garbage = try await admin.post("/users/\(try root.requireID())/active", ["active": "maybe"])
            let selfDeactivation = try await admin.post("/users/\(try root.requireID())/active", ["active": "false"])
            let reactivated = try await admin.post("/users/\(try ivan.requireID())/active", ["active": "true"])
            let loginAgain = try await TestBrowser(app).logIn("ivan@example.com")
            // verify
            #expect(deactivated.status == .seeOther)
            #expect(afterwards.status == .seeOther && afterwards.headers.first(name: .location) == "/login")
            #expect(api.status == .unauthorized)
            #expect(login.status == .forbidden)
            #expect(login.body.string.contains(Text.accountDeactivated.in(.en)))
            #expect(garbage.status == .badRequest)
            #expect(selfDeactivation.status == .conflict)
            #expect(selfDeactivation.body.string.contains(Text.errDeactivateSelf.in(.en)))
            #expect(reactivated.status == .seeOther)
            #expect(loginAgain.status == .seeOther)
        }
    }

    @Test func aWrongPasswordAfterTheRightOneStillSaysOnlyWrong() async throws {
        try await withApp { app in
            // setup: a deactivated account
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            ivan.deactivatedAt = Date()
            try await ivan.save(on: app.db)
            // act
            let login = try await TestBrowser(app).logIn("ivan@example.com", password: "not the password at all")
            // verify: without the password nobody learns the account is deactivated
            #expect(login.status == .unauthorized)
            #expect(login.body.string.contains(Text.loginFailed.in(.en)))
        }
    }

    @Test func everyoneChangesTheirOwnPassword() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer, name: "Ivan <b>")
            let browser = TestBrowser(app)
            _ = try await browser.logIn("ivan@example.com")
            let page = try await browser.get("/account")
            // act
            let wrong = try await browser.post("/account/password", ["current": "guess guess guess", "new": "a brand new password",
                                                                      "confirmation": "a brand new password"])
            let mismatch = try await browser.post("/account/password", ["current": TestData.password, "new": "a brand new password",
                                                                         "confirmation": "a brand new passwort"])
            let changed = try await browser.post("/account/password", ["current": TestData.password, "new": "a brand new password",
                                                                        "confirmation": "a brand new password"])
            let oldLogin = try await TestBrowser(app).logIn("ivan@example.com")
            let newLogin = try await TestBrowser(app).logIn("ivan@example.com", password: "a brand new password")
            // verify
            #expect(page.status == .ok && page.body.string.contains("Ivan &lt;b&gt;"))
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains(Text.errPasswordWrong.in(.en)))
            #expect(mismatch.status == .unprocessableEntity && mismatch.body.string.contains(Text.errPasswordMismatch.in(.en)))
            #expect(changed.status == .seeOther && changed.headers.first(name: .location) == "/account?changed=1")
            #expect(oldLogin.status == .unauthorized)
            #expect(newLogin.status == .seeOther)
        }
    }

    @Test func anAdminSetsANewPasswordForSomeoneWhoForgotTheirs() async throws {
        try await withApp { app in
            // setup: Ivan signed in somewhere; the admin on the users page
            try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let ivansBrowser = TestBrowser(app), admin = TestBrowser(app)
            _ = try await ivansBrowser.logIn("ivan@example.com")
            _ = try await admin.logIn("root@example.com")
            let users = try await admin.get("/users").body.string
            let path = "/users/\(try ivan.requireID())/password"
            // act
            let short = try await admin.post(path, ["password": "short", "confirmation": "short"])
            let spaces = String(repeating: " ", count: 14)
            let blank = try await admin.post(path, ["password": spaces, "confirmation": spaces])
            let own = try await admin.post("/users/\(try #require(try await User.query(on: app.db).filter(\.$email == "root@example.com").first()?.id))/password",
                                           ["password": "a long enough password", "confirmation": "a long enough password"])
            let set = try await admin.post(path, ["password": "SECRET temporary password", "confirmation": "SECRET temporary password"])
            // verify: offered per account but one's own; refused when short or one's own; Ivan's session ended;
            // the new password works; the trail says who did it, without the password
            #expect(users.contains(path) && users.components(separatedBy: "/password\"").count == 2)
            #expect(short.status == .unprocessableEntity && short.body.string.contains(Text.errPasswordShort.in(.en)))
            // Named, and in Ivan's own form, opened again (it was at the top, for no one in particular)
            #expect(short.body.string.contains("ivan@example.com: \(Text.errPasswordShort.in(.en))"))
            #expect(short.body.string.contains(#"<details class="set-password" open>"#) && short.body.string.contains(#"aria-describedby="reset-error-row""#))
            #expect(blank.status == .unprocessableEntity && blank.body.string.contains(Text.errPasswordBlank.in(.en)))
            #expect(own.status == .unprocessableEntity && own.body.string.contains("Change your own password on the Account page."))
            #expect(set.status == .seeOther)
            // The page it returns to says it was done (it changed nothing visible), naming whom.
            let back = try await admin.get(try #require(set.headers.first(name: .location))).body.string
            #expect(back.contains(#"role="status" id="change-notice">New password set for ivan@example.com; their sessions have ended."#))
            #expect(!(try await admin.get("/users?done=password").body.string.contains("change-notice")))
            #expect(try await ivansBrowser.get("/api/v1/positions").status == .unauthorized)
            #expect(try await TestBrowser(app).logIn("ivan@example.com", password: "SECRET temporary password").status == .seeOther)
            let trail = try await SecurityEvent.query(on: app.db).filter(\.$kind == .passwordReset).all()
            let ivanID = try ivan.requireID()
            #expect(trail.count == 1 && trail[0].subject == "user:\(ivanID.uuidString)")
            #expect(!(try await admin.get("/audit/export.json?log=security").body.string.contains("SECRET")))
        }
    }

    @Test func anAdminCorrectsANameAndEmailAndTheTrailSaysWhichChanged() async throws {
        try await withApp { app in
            // setup: Ivan's email typed wrong when his account was made
            try await TestData.user(app, "root@example.com", role: .admin)
            let ivan = try await TestData.user(app, "ivan@exmaple.com", role: .interviewer, name: "Ivan")
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let admin = TestBrowser(app)
            _ = try await admin.logIn("root@example.com")
            try await admin.get("/users")
            let path = "/users/\(try ivan.requireID())/details"
            // act
            let taken = try await admin.post(path, ["name": "Ivan Petrov", "email": "MIA@example.com"])
            let long = try await admin.post(path, ["name": String(repeating: "x", count: 201), "email": "ivan@example.com"])
            let fixed = try await admin.post(path, ["name": "Ivan Petrov", "email": " Ivan@Example.com "])
            // verify
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains(Text.errEmailTaken.in(.en)))
            #expect(long.status == .unprocessableEntity && long.body.string.contains("Too long: at most 200 characters."))
            #expect(fixed.status == .seeOther)
            let reloaded = try #require(try await User.find(ivan.id, on: app.db))
            #expect(reloaded.name == "Ivan Petrov" && reloaded.email == "ivan@example.com")
            #expect(try await TestBrowser(app).logIn("ivan@example.com").status == .seeOther)
            #expect(try await TestBrowser(app).logIn("ivan@exmaple.com").status == .unauthorized)
            let trail = try await SecurityEvent.query(on: app.db).filter(\.$kind == .accountChanged).all()
            #expect(trail.map(\.detail) == ["name, email"])
            #expect(!trail[0].detail.contains("Petrov"))
        }
    }

    @Test func everyoneChangesTheirOwnNameButNotTheirEmail() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "ivan@example.com", role: .interviewer, name: "Ivan")
            let ivan = TestBrowser(app)
            ivan.language = "zh"
            _ = try await ivan.logIn("ivan@example.com")
            try await ivan.get("/account")
            // act
            let blank = try await ivan.post("/account/name", ["name": "   "])
            let twoLines = try await ivan.post("/account/name", ["name": "Ivan\nAda Admin\u{200B}"])
            let oneLine = try #require(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first()).name
            let renamed = try await ivan.post("/account/name", ["name": "伊万", "email": "other@example.com"])
            let page = try await ivan.get("/account?name=1").body.string
            // verify
            #expect(blank.status == .unprocessableEntity)
            #expect(twoLines.status == .seeOther && oneLine == "Ivan Ada Admin", "a name is one line, without invisible characters")
            #expect(renamed.status == .seeOther && page.contains(Text.nameChanged.in(.zh)))
            let me = try #require(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first())
            #expect(me.name == "伊万")
        }
    }

    @Test func onlyAdminsChangeOthersAccounts() async throws {
        try await withApp { app in
            // setup
            try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let browser = TestBrowser(app)
            _ = try await browser.logIn("mia@example.com")
            try await browser.get("/account")
            // act
            let role = try await browser.post("/users/\(try ivan.requireID())/role", ["role": "admin"])
            let active = try await browser.post("/users/\(try ivan.requireID())/active", ["active": "false"])
            let password = try await browser.post("/users/\(try ivan.requireID())/password", ["password": "a long enough password",
                                                                                                "confirmation": "a long enough password"])
            // verify
            #expect(role.status == .notFound && active.status == .notFound && password.status == .notFound)
            #expect(try await User.find(ivan.id, on: app.db)?.role == .interviewer)
            #expect(try await User.find(ivan.id, on: app.db)?.isActive == true)
        }
    }
}

@Suite("Deactivated accounts are not scheduled")
struct DeactivatedSchedulingTests {
    @Test func aDeactivatedMemberCannotBeChosenAsInterviewer() async throws {
        try await withApp { app in
            // setup: a position with two members, one of whom has left
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            let ivan = try await TestData.user(app, "ivan@example.com", role: .interviewer)
            let left = try await TestData.user(app, "left@example.com", role: .interviewer, name: "Someone Who Left")
            let position = try await TestData.position(app, "Backend engineer", members: [mia, ivan, left])
            let candidate = try await TestData.candidate(app, "Sun Ba", in: position)
            left.deactivatedAt = Date()
            try await left.save(on: app.db)
            // act
            let page = try await InterviewServiceProbe.candidatePage(app, candidate, as: "mia@example.com")
            let scheduled = try? await InterviewService.schedule(
                .init(candidateID: candidate.id, scheduledAt: "2026-12-01T10:00", interviewerIDs: [try left.requireID()]),
                by: mia, zone: TimeZone(identifier: "UTC")!, on: app.db)
            // verify
            #expect(page.contains("ivan@example.com"))
            #expect(!page.contains("Someone Who Left"))
            #expect(scheduled == nil)
        }
    }
}

/// The candidate page as a signed-in user sees it.
enum InterviewServiceProbe {
    static func candidatePage(_ app: Application, _ candidate: Candidate, as email: String) async throws -> String {
        let browser = TestBrowser(app)
        _ = try await browser.logIn(email)
        return try await browser.get("/candidates/\(try candidate.requireID())").body.string
    }
}
