@testable import InterviewServer
import Testing

@Suite("Choosing the UI language")
struct LanguageTests {
    @Test func acceptLanguagePicksTheBestSupportedLanguage() {
        // setup
        let header = "fr-FR,zh-CN;q=0.8,en;q=0.5"
        // act
        let language = Language.fromAcceptLanguage(header)
        // verify
        #expect(language == .zh)
    }

    @Test func englishWhenNothingSupportedIsAsked() {
        #expect(Language.fromAcceptLanguage("fr, de;q=0.9") == .en)
        #expect(Language.fromAcceptLanguage("") == .en)
    }

    @Test func everyStringExistsInBothLanguages() {
        for text in Text.allCases {
            #expect(!text.in(.en).isEmpty && !text.in(.zh).isEmpty, "\(text)")
        }
    }
}
