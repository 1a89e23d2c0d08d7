import Testing
import Flowchart
@testable import InterviewCore

@Suite("Guide annotations in YAML front matter")
struct AnnotationTests {
    @Test func annotationsReachTheGuide() throws {
        // act
        let imported = GuideImporter.importMarkdown(try GuideFixture.text("annotated.md"))
        // verify
        #expect(imported.diagnostics.isEmpty, "\(imported.located)")
        let guide = imported.guide
        #expect(guide.id == "caching-check")
        #expect(guide.scale.anchors[4] == "beyond the reference")
        #expect(guide.stages[0].minutes == 10)
        let topic = try #require(guide.topic("1.1"))
        #expect(topic.weight == 2)
        #expect(topic.knockout == 40)
        let op1 = try #require(topic.question("op1"))
        #expect(op1.weight == 1.5)
        #expect(op1.dimensions == ["Caching"])
        #expect(op1.reference?.hasPrefix("Redis keeps small sorted sets") == true)
        #expect(op1.hint == "skiplist")
        #expect(op1.rubric == [1: "knows it is sorted", 4: "explains both encodings and the thresholds"])
        // Not annotated: the documented default, weight = level (behind one gate → 2).
        #expect(topic.question("op2")?.weight == 2)
        #expect(guide.bands.map(\.id) == ["hire", "no-hire"])
    }

    /// Replaces the front matter of the fixture and imports it.
    private func importing(_ frontMatter: String) throws -> ImportedGuide {
        let body = try GuideFixture.text("annotated.md").components(separatedBy: "\n---\n")[1]
        return GuideImporter.importMarkdown("---\n" + frontMatter + "\n---\n" + body)
    }

    @Test func unknownTopicNamesItsLineAndSuggests() throws {
        let imported = try importing("topics:\n  \"1.2\":\n    weight: 1")
        #expect(imported.located == ["3:3 unknown-annotation"])
        #expect(imported.diagnostics[0].diagnostic.message.contains("did you mean '1.1'?"))
    }

    @Test func unknownNodeIDAndAGateAreRejected() throws {
        let imported = try importing("topics:\n  \"1.1\":\n    questions:\n      op3:\n        weight: 1\n      cond1:\n        weight: 2")
        #expect(imported.located == ["5:7 unknown-annotation", "7:7 unknown-annotation"])
        #expect(imported.diagnostics[1].diagnostic.message.contains("go-deeper condition"))
    }

    @Test func negativeWeightIsAnError() throws {
        let imported = try importing("topics:\n  \"1.1\":\n    questions:\n      op1:\n        weight: -1")
        #expect(imported.located == ["6:17 invalid-annotation"])
        #expect(imported.guide.topic("1.1")?.question("op1")?.weight == 1)
    }

    @Test func overlappingBandsAreAnError() throws {
        let imported = try importing("recommendation:\n  - { band: hire, min: 60, max: 100 }\n  - { band: maybe, min: 40, max: 70 }\n  - { band: no, min: 0, max: 39 }")
        #expect(imported.located == ["3:5 overlapping-bands"])
        #expect(imported.diagnostics[0].diagnostic.message.contains("overlaps band 'maybe'"))
    }

    @Test func rubricLevelOutsideTheScale() throws {
        let imported = try importing("topics:\n  \"1.1\":\n    questions:\n      op1:\n        rubric:\n          7: too high")
        #expect(imported.located == ["7:11 invalid-annotation"])
    }

    @Test func unknownStageAndUnknownKey() throws {
        let imported = try importing("stages:\n  \"9\": { minutes: 5 }\ntopcs: {}")
        #expect(imported.located == ["3:3 unknown-annotation", "4:1 unknown-annotation"])
        // a misspelt key loses its settings without a word: an error, naming the key it meant
        #expect(imported.diagnostics[1].diagnostic.severity == .error)
        #expect(imported.diagnostics[1].diagnostic.message.contains("did you mean 'topics'?"))
    }

    /// A misspelt question or topic key is an error naming the key it meant (a probe's weights silently
    /// stayed at their defaults); a decimal comma is named as one; a key unlike any stays a warning.
    @Test func aMisspeltKeyOrADecimalCommaIsAnError() throws {
        // act
        let imported = try importing("topics:\n  \"1.1\":\n    wieght: 2\n    questions:\n      op1: { weight: 2,5 }\n      op2: { wieght: 3, note: later }")
        // verify
        #expect(imported.located == ["4:5 unknown-annotation", "6:24 invalid-annotation", "7:14 unknown-annotation", "7:25 unknown-annotation"])
        let d = imported.diagnostics.map(\.diagnostic)
        #expect(d[0].severity == .error && d[0].message.contains("did you mean 'weight'? (as written, the setting is ignored)"))
        #expect(d[1].severity == .error && d[1].message.contains("write the decimal with a point (2.5)"))
        #expect(d[1].text.text(.zh).contains("小数请用小数点（2.5）"))
        #expect(d[2].severity == .error && d[3].severity == .warning)
    }

    /// `title:` at the top of the front matter, as Jekyll, Hugo and Obsidian write it, names the guide as
    /// `guide.title` does; a title the author declared wins over the first `#` heading; `guide:` wins over the top.
    @Test func aTitleInTheFrontMatterNamesTheGuide() throws {
        // act
        let top = try importing("title: Caching, short form\nlanguage: zh")
        let both = try importing("title: Top\nguide: { title: Inner }")
        let none = try importing("scale: { 0: none, 1: some }")
        // verify
        #expect(top.diagnostics.isEmpty, "\(top.located)")
        #expect(top.guide.title == "Caching, short form" && top.guide.language == "zh")
        #expect(both.guide.title == "Inner")
        #expect(none.guide.title != "Inner" && !none.guide.title.isEmpty)
    }

    @Test func invalidYAMLIsReportedAtItsLine() throws {
        let imported = try importing("topics:\n  \"1.1\": [unclosed")
        #expect(imported.diagnostics.first?.diagnostic.code == .frontMatter)
        #expect(imported.diagnostics.first?.diagnostic.position.line ?? 0 >= 3)
        // The Markdown still imports.
        #expect(imported.guide.topic("1.1")?.questions.count == 2)
    }

    /// A blank line pasted above the front matter dropped every weight and knockout, and the guide linted
    /// clean (a guide author's probe): it is read, and the blank lines are said, with their removal as the fix.
    @Test func frontMatterAfterBlankLinesIsReadAndSaid() throws {
        // setup
        let text = try GuideFixture.text("annotated.md")
        // act
        let late = GuideImporter.importMarkdown("\n \n" + text)
        let prose = GuideImporter.importMarkdown("\n---\nSome prose, not YAML.\n---\n" + text.components(separatedBy: "\n---\n")[1])
        // verify: the same guide, weights and all, with one warning at the `---` and a fix deleting lines 1–2
        #expect(late.guide == GuideImporter.importMarkdown(text).guide)
        #expect(late.guide.topic("1.1")?.weight == 2 && late.guide.topic("1.1")?.knockout == 40)
        #expect(late.located == ["3:1 front-matter"])
        let said = try #require(late.diagnostics.first?.diagnostic)
        #expect(said.severity == .warning && said.text.zh.contains("请删掉它上面的空行"))
        #expect(said.fix == Fix(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 3, column: 1), replacement: ""))
        // a thematic break and a paragraph are no front matter
        #expect(prose.guide.topic("1.1")?.weight == 1 && !prose.diagnostics.contains { $0.diagnostic.code == .frontMatter })
    }

    /// `weight：1.5` (an input method's colon) was "'topics.1.1' must be a mapping", naming neither the
    /// colon nor a fix (a guide author's probe): said at the colon, fixed, and read as meant.
    @Test func aFullWidthColonAfterAKeyIsSaidFixedAndReadAsMeant() throws {
        // act
        let imported = try importing("topics:\n  \"1.1\"：\n    weight：2")
        // verify
        #expect(imported.located == ["3:8 front-matter", "4:11 front-matter"])
        let said = try #require(imported.diagnostics.last?.diagnostic)
        #expect(said.text.zh.contains("'weight：' 用了全角冒号") && said.severity == .error)
        #expect(said.fix == Fix(start: SourcePosition(line: 4, column: 11), end: SourcePosition(line: 4, column: 12), replacement: ": "))
        #expect(imported.diagnostics.first?.diagnostic.fix?.replacement == ":")
        #expect(imported.guide.topic("1.1")?.weight == 2)
        // prose with a colon in a value is no key
        #expect(try importing("guide:\n  title: 面试：后端").located.isEmpty)
    }

    @Test func unclosedFrontMatterIsAnError() {
        let imported = GuideImporter.importMarkdown("---\ntopics: {}\n# Title\n### 1. Stage\n")
        #expect(imported.located.first == "1:1 front-matter")
    }
}
