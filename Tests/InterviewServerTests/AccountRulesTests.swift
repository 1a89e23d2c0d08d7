import Flowchart
import Foundation
@testable import InterviewServer
import Testing

/// What an account's password and email may be (an account probe set `Password123!` and made `аda@…`
/// with a Cyrillic "а" beside the admin's `ada@…`).
@Suite("Accounts: password and email rules")
struct AccountRulesTests {
    @Test(arguments: ["password1234", "Passw0rd1234", "Password123!", "Welcome2026!", "qwerty123456", "123456789012",
                      "interviewflow", "P@ssw0rd2026!", "passwordpassword", "abcdefghijklm", "!!Summer2026!!", "woaini520131",
                      // a recheck's: a word twice around digits, keyboard runs with digits between, separators
                      // inside the word, accents and other languages, names
                      "Summer2026Summer", "Welcome1Welcome", "Qwerty!Qwerty", "1qaz2wsx3edc", "1q2w3e4r5t6y", "123qweasdzxc",
                      "!QAZ2wsx#EDC", "zaq12wsxcde3", "a1b2c3d4e5f6", "abc123abc123", "Pa ssword123", "Pass-word-123",
                      "Contraseña123", "Pässwort2026!", "Пароль123456", "Senha1234567", "Jessica12345", "Liverpool123"])
    func theFirstPasswordsGuessedAreRefused(password: String) {
        #expect(AccountService.passwordProblem(password, email: "ada@example.com") == .errPasswordCommon)
    }

    @Test(arguments: ["otter lamp river gazebo", "correct horse battery staple", "blue-otter-lamp-92", "夏天的风吹过山岗和大海边的灯塔",
                      "Tr0mbone_Quilt_Hazel", "twelve chars ok", "4#9%2&7*1^8(", "9381-7720-45x", "a long enough new phrase"])
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
        // letters made to look plain: the phonetic ɑ and the small capital ᴀ
        #expect(AccountService.emailProblem("\u{251}da@demo.example") == .errEmailMixedScripts)
        #expect(AccountService.emailProblem(User.normalized(email: "\u{1D00}da@demo.example")) == .errEmailMixedScripts)
        // one alphabet is fine, whichever it is, and a name in one at a domain in another
        #expect(AccountService.emailProblem("олег@demo.example") == nil)
        #expect(AccountService.emailProblem("ada@demo.example") == nil)
        #expect(AccountService.emailProblem("иван@пример.рф") == nil)
        #expect(AccountService.emailProblem("张伟@example.com") == nil)
        #expect(AccountService.emailProblem("not-an-address") == .errEmail)
    }

    @Test func aBodyThatDoesNotDecodeIsSaidInBothLanguages() {
        // setup: the decoding errors a query or body gives
        struct Page: Decodable { var per: Int; var active: Bool }
        func refusal(_ json: String) -> DecodingErrorText.Refusal? {
            guard case .failure(let error) = Result(catching: { try JSONDecoder().decode(Page.self, from: Data(json.utf8)) }),
                  let decoding = error as? DecodingError else { return nil }
            return DecodingErrorText.abort(decoding)
        }
        // act + verify
        #expect(refusal(#"{"per": "abc", "active": true}"#)?.text == LocalizedText(en: "The field 'per' should be a number.", zh: "字段 'per' 应为数字。"))
        #expect(refusal(#"{"per": 1, "active": "maybe"}"#)?.text.zh == "字段 'active' 应为 true 或 false。")
        #expect(refusal(#"{"active": true}"#)?.text.zh == "缺少字段 'per'。")
        #expect(refusal("{per")?.text.zh == "请求正文不是有效的 JSON 或表单数据。")
        #expect(refusal(#"{"per": 1, "active": true}"#) == nil)
    }
}
