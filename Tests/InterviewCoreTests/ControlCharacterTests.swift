import Foundation
import Flowchart
import Testing
@testable import InterviewCore

/// A guide with terminal control characters in it (a downloaded guide, a hostile one): they are removed
/// before the guide is read, each line named in a warning, so no text of the guide can act on the
/// terminal of whoever runs it.
@Suite("Control characters in a guide")
struct ControlCharacterTests {
    private let guide = [
        "# Guide",
        "",
        "## 1 Technical",
        "",
        "### 1.1 Web",
        "",
        "```flow",
        "st=>start: Start",
        "op1=>operation: What is \u{1B}]0;PWNED\u{07} a \u{1B}[31mcookie\u{1B}[0m?(state on the client)",
        "op2=>operation: And a session?\u{9B}2J",
        "e=>end: End",
        "st->op1->op2->e",
        "```",
        "",
    ].joined(separator: "\n")

    @Test func theyAreRemovedAndEachLineIsAWarning() throws {
        // act
        let imported = GuideImporter.importMarkdown(guide, path: "g.md")
        // verify
        let questions = try #require(imported.guide.topic("1.1")).questions
        #expect(questions.map(\.text) == ["What is ]0;PWNED a [31mcookie[0m?", "And a session?2J"])
        #expect(questions[0].reference == "state on the client")
        let found = imported.diagnostics.filter { $0.diagnostic.code == .controlCharacter }
        #expect(found.map(\.diagnostic.position) == [SourcePosition(line: 9, column: 25), SourcePosition(line: 10, column: 31)])
        #expect(found.allSatisfy { $0.diagnostic.severity == .warning })
        #expect(found[0].diagnostic.text.en.contains("U+001B") && found[0].diagnostic.text.zh.contains("控制字符"))
        #expect(found[1].diagnostic.text.en.contains("U+009B"))
        #expect(imported.errors.isEmpty)
    }

    @Test func crlfLineEndsAndTabsAreNotControlCharacters() {
        let crlf = guide.replacingOccurrences(of: "\u{1B}", with: "").replacingOccurrences(of: "\u{07}", with: "")
            .replacingOccurrences(of: "\u{9B}", with: "").replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "What is", with: "What\tis")
        #expect(!GuideImporter.importMarkdown(crlf, path: "g.md").diagnostics.contains { $0.diagnostic.code == .controlCharacter })
    }

    @Test func aGuideExportedAsJSONLosesThemOnLoadToo() throws {
        // setup: the guide exported as JSON, a label then edited to carry an escape (JSON writes it escaped)
        let clean = GuideImporter.importMarkdown(guide, path: "g.md").guide
        let json = String(decoding: try JSONEncoder().encode(clean), as: UTF8.self)
            .replacingOccurrences(of: "And a session?", with: "And a \\u001b[2Jsession?\\r\\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("control-\(UInt64.random(in: 0...UInt64.max)).json")
        try Data(json.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        // act
        let loaded = try GuideImporter.load(path: path.path).guide
        // verify: the escape is gone, a CRLF in the text stays, nothing else changed
        let question = try #require(loaded.topic("1.1")?.questions.last)
        #expect(question.text == "And a [2Jsession?\r\n2J")
        #expect(loaded.topic("1.1")?.questions.first == clean.topic("1.1")?.questions.first)
    }

    @Test func bytesThatAreNotUTF8AreNamedWhereTheyAre() throws {
        // setup: two bad bytes after a Chinese word on line 3; a file saved as UTF-8
        var data = Data("# 指南\n\n问题 ".utf8)
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(contentsOf: Array(" here\n".utf8))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("invalid-\(UUID().uuidString).md").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // act
        let position = InvalidUTF8.firstPosition(in: data)
        let imported = try GuideImporter.load(path: path)
        // verify: line 3, column 4 (columns count characters), as a warning of the import in both languages
        #expect(position == SourcePosition(line: 3, column: 4))
        #expect(InvalidUTF8.firstPosition(in: Data("# 指南\n".utf8)) == nil)
        let finding = try #require(imported.diagnostics.first { $0.diagnostic.code == .invalidUTF8 })
        #expect(finding.diagnostic.position == SourcePosition(line: 3, column: 4) && finding.diagnostic.severity == .warning)
        #expect(finding.diagnostic.text.zh.contains("不是 UTF-8"))
    }
}
