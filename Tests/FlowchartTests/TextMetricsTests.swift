import Testing
@testable import Flowchart

/// Widths by character class and line wrapping for Latin and CJK labels.
@Suite("Text metrics and wrapping") struct TextMetricsTests {
    @Test func wideCharactersCountOneEm() {
        // act
        let chinese = TextMetrics.width(of: "中文", fontSize: 10)
        let latin = TextMetrics.width(of: "ab", fontSize: 10)
        // verify
        #expect(chinese == 20)
        #expect(latin == 12)
        #expect(TextMetrics.width(of: "ひらがなカタカナ한국어", fontSize: 10) == 110)
        #expect(TextMetrics.width(of: "ＡＢ，。", fontSize: 10) == 40)
    }

    @Test func narrowAndInvisibleCharacters() {
        // verify
        #expect(TextMetrics.width(of: "il.", fontSize: 10) < TextMetrics.width(of: "abc", fontSize: 10))
        #expect(TextMetrics.width(of: "e\u{301}", fontSize: 10) == TextMetrics.width(of: "e", fontSize: 10))
        #expect(TextMetrics.width(of: "👨‍👩‍👧", fontSize: 10) == 10)
        #expect(TextMetrics.width(of: "", fontSize: 10) == 0)
    }

    @Test func explicitNewlinesAreKept() {
        // act
        let lines = TextMetrics.wrap("Ask about\nthe project\r\nthen stop", maxWidth: 500, fontSize: 14)
        // verify
        #expect(lines == ["Ask about", "the project", "then stop"])
    }

    @Test func latinBreaksAtSpaces() {
        // setup
        let text = "A rather long label that certainly needs to wrap over several lines"
        // act
        let lines = TextMetrics.wrap(text, maxWidth: 120, fontSize: 14)
        // verify
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { TextMetrics.width(of: $0, fontSize: 14) <= 120 })
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
    }

    @Test func longWordsAreCutToFit() {
        // setup
        let word = String(repeating: "abcdefghij", count: 8)
        // act
        let lines = TextMetrics.wrap(word, maxWidth: 100, fontSize: 14)
        // verify
        #expect(lines.count > 1)
        #expect(lines.joined() == word)
        #expect(lines.allSatisfy { TextMetrics.width(of: $0, fontSize: 14) <= 100 })
    }

    @Test func longWordsPreferToBreakAfterSlashes() {
        // act
        let lines = TextMetrics.wrap("noeviction/allkeys-lru/volatile-lru", maxWidth: 150, fontSize: 14)
        // verify
        #expect(lines.first == "noeviction/allkeys-")
        #expect(lines.joined() == "noeviction/allkeys-lru/volatile-lru")
    }

    @Test func cjkBreaksBetweenAnyCharacters() {
        // setup
        let text = "面试官请介绍一下你最近做的项目重点讲难点"
        // act
        let lines = TextMetrics.wrap(text, maxWidth: 70, fontSize: 14)
        // verify
        #expect(lines.count == 4)
        #expect(lines.joined() == text)
        #expect(lines.allSatisfy { TextMetrics.width(of: $0, fontSize: 14) <= 70 })
    }

    @Test func closingPunctuationDoesNotStartALine() {
        // setup: five characters fill a 70 px line exactly, so "，" would start the second line.
        let text = "一二三四五，六七"
        // act
        let lines = TextMetrics.wrap(text, maxWidth: 70, fontSize: 14)
        // verify
        #expect(lines == ["一二三四", "五，六七"])
    }

    @Test func openingPunctuationDoesNotEndALine() {
        // setup: five characters fill a 70 px line exactly, the fifth an opening bracket
        let text = "一二三四（五六）"
        // act
        let lines = TextMetrics.wrap(text, maxWidth: 70, fontSize: 14)
        // verify: the bracket goes down with what it opens
        #expect(lines == ["一二三四", "（五六）"])
        #expect(TextMetrics.wrap("怎么配置？（gunicorn", maxWidth: 84, fontSize: 14).first?.hasSuffix("（") == false)
    }

    @Test func mixedScriptsAndEmptyText() {
        // act
        let mixed = TextMetrics.wrap("mixed 中文 and English", maxWidth: 60, fontSize: 14)
        // verify
        #expect(mixed.allSatisfy { TextMetrics.width(of: $0, fontSize: 14) <= 60 })
        #expect(mixed.joined().filter { $0 != " " } == "mixed中文andEnglish")
        #expect(TextMetrics.wrap("", maxWidth: 60, fontSize: 14).isEmpty)
    }
}
