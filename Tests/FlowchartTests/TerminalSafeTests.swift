import Testing
@testable import Flowchart

@Suite("Text printed on a terminal")
struct TerminalSafeTests {
    @Test func controlsAreShownNotObeyed() {
        #expect(TerminalSafe.visible("a\u{1B}[31mb\u{07}") == "a\u{241B}[31mb\u{2407}")
        #expect(TerminalSafe.visible("x\u{7F}y\u{9B}z") == "x\u{2421}y\u{FFFD}z")
        // a lone carriage return would write over the line; a CRLF line end, a tab and a line feed stay
        #expect(TerminalSafe.visible("safe\rEVIL") == "safe\u{240D}EVIL")
        #expect(TerminalSafe.visible("one\r\ntwo\tthree\n") == "one\r\ntwo\tthree\n")
        #expect(TerminalSafe.visible("问题 plain") == "问题 plain")
    }

    @Test func aSnippetShowsTheControlAndItsCaretStillLinesUp() {
        // setup: an unknown type after a label with an escape in it, on line 1
        let source = "op1=>bogus: a\u{1B}[2Jb"
        let d = Diagnostic(.error, .unknownType, at: SourcePosition(line: 1, column: 6), LocalizedText(en: "x", zh: "x"))
        // act
        let shown = Snippet.render(d, lines: source.split(separator: "\n", omittingEmptySubsequences: false))
        // verify
        #expect(!shown.unicodeScalars.contains("\u{1B}"))
        #expect(shown.contains("op1=>bogus: a\u{241B}[2Jb"))
        #expect(shown.contains(" | " + String(repeating: " ", count: 5) + "^"))
    }
}
