import Foundation
@testable import InterviewServer
import Testing

/// What an account's password and email may be (an account probe set `Password123!` and made `аda@…`
/// with a Cyrillic "а" beside the admin's `ada@…`).
@Suite("Accounts: password and email rules")
struct AccountRulesTests {
    @Test(arguments: ["password1234", "Passw0rd1234", "Password123!", "Welcome2026!", "qwerty123456", "123456789012",
                      "interviewflow", "P@ssw0rd2026!", "passwordpassword", "abcdefghijklm", "!!Summer2026!!", "woaini520131"])
    func theFirstPasswordsGuessedAreRefused(password: String) {
        #expect(AccountService.passwordProblem(password, email: "ada@example.com") == .errPasswordCommon)
    }

    @Test(arguments: ["otter lamp river gazebo", "correct horse battery staple", "blue-otter-lamp-92", "夏天的风吹过山岗和大海边的灯塔",
                      "Tr0mbone_Quilt_Hazel", "twelve chars ok"])
    func passwordsOfUnrelatedWordsPass(password: String) {
        #expect(AccountService.passwordProblem(password, email: "ada@example.com") == nil)
    }

    @Test func aPasswordLongerThanBcryptReadsIsRefused() {
        // setup: 73 bytes; bcrypt would sign in with any ending past the 72nd
        let long = String(repeating: "otter lamp ", count: 6) + "gazebo!"
        // act + verify
        #expect(long.utf8.count == 73)
        #expect(AccountService.passwordProblem(long) == .errPasswordLong)
        #expect(AccountService.passwordProblem(String(long.dropLast())) == nil)
    }

    @Test func lookAlikeAddressesAreRefusedOrFoundAsTheOneTheyImitate() {
        // Cyrillic а in the name, Cyrillic е in the domain: refused
        #expect(AccountService.emailProblem(User.normalized(email: "\u{430}da@demo.example")) == .errEmailMixedScripts)
        #expect(AccountService.emailProblem(User.normalized(email: "ada@demo.exampl\u{435}")) == .errEmailMixedScripts)
        // full-width letters and a trailing dot fold into the address they imitate
        #expect(User.normalized(email: "\u{FF41}da@demo.example") == "ada@demo.example")
        #expect(User.normalized(email: " Ada@Demo.Example. ") == "ada@demo.example")
        // one alphabet is fine, whichever it is
        #expect(AccountService.emailProblem("ada@demo.example") == nil)
        #expect(AccountService.emailProblem("иван@пример.рф") == nil)
        #expect(AccountService.emailProblem("张伟@example.com") == nil)
        #expect(AccountService.emailProblem("not-an-address") == .errEmail)
    }

    @Test func aBodyThatDoesNotDecodeIsSaidInChinese() {
        #expect(ErrorReasons.localized("The field 'per' should be a number.", status: .badRequest, language: .zh) == "字段 'per' 应为数字。")
        #expect(ErrorReasons.localized("The field 'role' is missing.", status: .badRequest, language: .zh) == "缺少字段 'role'。")
        #expect(ErrorReasons.localized("The body is not valid JSON or form data.", status: .badRequest, language: .zh) == "请求正文不是有效的 JSON 或表单数据。")
        #expect(ErrorReasons.localized("The field 'per' should be a number.", status: .badRequest, language: .en) == "The field 'per' should be a number.")
    }
}
