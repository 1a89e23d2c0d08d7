@testable import InterviewServer
import Testing

@Suite struct CSRFTokenTests {
    @Test func onlyTheSameTokenMatches() {
        let token = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        #expect(CSRF.matches(token, token))
        #expect(!CSRF.matches(String(token.dropLast()) + "9", token))
        #expect(!CSRF.matches("a" + token.dropFirst(), token))
        #expect(!CSRF.matches(String(token.dropLast()), token))
        #expect(!CSRF.matches(token + "0", token))
        #expect(!CSRF.matches(nil, token))
        #expect(!CSRF.matches(token, nil))
        #expect(!CSRF.matches("", ""))
    }
}
