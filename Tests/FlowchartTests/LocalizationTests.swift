import Foundation
import Testing
@testable import Flowchart

/// What a translation must keep: every quoted identifier ('op6->op7', '=>') and every number
/// (line numbers, levels) of the English text, unchanged.
enum Translation {
    static func identifiers(in english: String) -> [String] {
        let quoted = english.matches(of: /'([^'\s]+)'/).map { String($0.output.1) }
        let numbers = english.matches(of: /[0-9]+/).map { String($0.output) }
        return quoted + numbers
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}

@Suite("Diagnostics in Chinese and English")
struct LocalizationTests {
    /// One or more mistakes of each kind the parser reports.
    static let badCharts = [
        "st=>start\nop1=>opration: A\ne=>end\nst->op1->op2",
        "st=>start\nop1=>operation:Ask\nst->op1",
        "st=>start\nop1 =>operation: A\nst -> op1",
        "st=>start\nst->op1\nop1=>operation: A",
        "st=>start\nop6=>operation: A\nop7=>operation: B\nst->op6-op7",
        "st=>start\ne=>end\nst->->e",
        "st=>start\nop1=>operation: A\nop1=>operation: B\nst->op1",
        "st=>start\nop1=>operation: A\nop2=>operation: B\nst->op1\nst->op2",
        "st=>start\nc=>condition: Q?\ne=>end\nst->c\nc(yes)->e",
        "st=>start\nop1=>operation: A\nop2=>operation: B\nst->op1\nop2->op1",
        "st=>start\ne=>end\nst->e\nst@>e\nst@>e({stroke:red})\nst@>x({\"stroke\":\"red\"})",
        "st=>start\nop1=>operation: A\ne=>end\nst->e\nop1->e\nst@>op1({\"stroke\":\"red\"})",
        "st=>start\nop1=>operation: a|b c\nop2=>operation: a=>b\nst->op1->op2",
        "# comment\nst=>start\ne=>end\nst->e\n// another",
        "hello\nst=>start\ne=>end\nst->e\nstray words",
        "st=>start\nc=>condition: Q\ne=>end\nst->c\nc(yse)->e\nc(maybe)->e\nc(true, right)->e\nc(no->e",
        "st=>start\nc=>condition: Q\ne=>end\nst->c\nc(yes, rigth)->e\nc(no, right, x)->e\nc(path1, sideways)->e\nc(yes)x->e",
        "st=>start\nop1=>operation: A\nc=>condition: Q\ne=>end\nst->op1(yes)->c\nc->e\nc(no)->e",
        "st=>start\n=>operation: A\nop1=>\nop2=>blob: B\nst->op1->op2",
        "st=>start\ne=>end",
        "st=>start\nop1=>operation: A\ne=>end\nst->op1->e\nop1@>e({\"stroke\" \"red\"})\nop1@>e({\"stroke\":})\nop1@>e({\"a\":\"b\",})",
    ]

    static var badDiagnostics: [Diagnostic] {
        let markdown = FlowchartDocument(text: "# T\n```flow\nst=>start\n", path: "t.md")
        return badCharts.flatMap { FlowchartParser.parse($0).diagnostics } + markdown.allDiagnostics
    }

    @Test func everyParserCodeIsProducedByTheBadInputs() {
        // setup
        let all: [DiagnosticCode] = [
            .unknownType, .missingSpaceAfterColon, .spacesAroundArrow, .undefinedNode, .forwardReference,
            .brokenArrow, .emptyLink, .duplicateKey, .branchReassigned, .conditionMissingBranch, .unlinkedNode,
            .unreachableNode, .invalidStyle, .styleWithoutLine, .pipeInLabel, .arrowInLabel, .commentLine,
            .ignoredLine, .unknownBranch, .unknownDirection, .branchOnWrongType, .emptyKey, .noLinks, .unclosedFence,
        ]
        // act
        let produced = Set(Self.badDiagnostics.map(\.code))
        // verify
        #expect(all.filter { !produced.contains($0) } == [])
    }

    @Test(arguments: badDiagnostics)
    func chineseTextIsTranslatedAndKeepsTheIdentifiers(_ d: Diagnostic) {
        // act
        let (en, zh) = (d.text.text(.en), d.text.text(.zh))
        // verify
        #expect(en == d.message)
        #expect(!zh.isEmpty)
        #expect(zh != en)
        #expect(Translation.hasChinese(zh), "\(d.code): \(zh)")
        for identifier in Translation.identifiers(in: en) {
            #expect(zh.contains(identifier), "\(d.code): '\(identifier)' missing from \(zh)")
        }
    }

    @Test func theLocaleChoosesTheLanguage() {
        // verify
        #expect(Language.preferred(from: [:]) == .en)
        #expect(Language.preferred(from: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.preferred(from: ["LANG": "C.UTF-8"]) == .en)
        #expect(Language.preferred(from: ["LC_MESSAGES": "zh_TW", "LANG": "en_US"]) == .zh)
        // LC_ALL overrides the others, as POSIX has it; an empty one does not count.
        #expect(Language.preferred(from: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.preferred(from: ["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)
    }

    @Test func codableKeepsBothLanguagesAndTheEnglishMessage() throws {
        // setup
        let d = try #require(FlowchartParser.parse("st=>start\nop1=>opration: A\nst->op1").first(.unknownType))
        // act
        let data = try JSONEncoder().encode(d)
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: data)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // verify
        #expect(decoded == d)
        #expect(object["message"] as? String == d.message)
    }
}

@Suite("Lint report in Chinese")
struct LintReportLanguageTests {
    static let guide = LintReportTests.guide

    private func report() -> LintReport {
        var report = LintReport()
        report.add(FlowchartDocument(text: Self.guide, path: "g.md"), file: "g.md")
        return report
    }

    @Test func textLinesAndSummaryAreChinese() {
        // act
        let lines = report().text(language: .zh).split(separator: "\n").map(String.init)
        // verify
        #expect(lines == [
            "g.md:5:6: error: 未知的节点类型 'opeartion'——是不是想写 'operation'？ [位于 3.1 Topic]",
            "1 个错误和 0 个警告，共 1 个文件（1 个流程图）",
        ])
    }

    @Test func snippetFixLabelIsChinese() {
        // act
        let text = report().text(sources: ["g.md": Self.guide], language: .zh)
        // verify
        #expect(text.contains(" 5 | op3=>opeartion: 问题\n   |      ^\n   = 修复：op3=>operation: 问题\n"))
    }

    @Test func summaryOfACleanFileAndOfSeveralFiles() {
        // setup
        var clean = LintReport()
        var several = report()
        // act
        clean.add(FlowchartDocument(text: "st=>start\ne=>end\nst->e", path: "a.flow"), file: "a.flow")
        several.add(FlowchartDocument(text: "st=>start\nop1=>operation: A\ne=>end\nst->e", path: "b.flow"), file: "b.flow")
        // verify
        #expect(clean.summary(language: .zh) == "没有发现问题，共 1 个文件（1 个流程图）")
        #expect(several.summary(language: .zh) == "1 个错误和 1 个警告，共 2 个文件（2 个流程图）")
        #expect(several.summary(language: .en) == "1 error and 1 warning in 2 files (2 flowcharts)")
    }

    @Test func jsonMessageFollowsTheLanguageAndCarriesBoth() throws {
        // act
        let zh = try #require(try JSONSerialization.jsonObject(with: Data(report().json(language: .zh).utf8)) as? [[String: Any]])
        let en = try #require(try JSONSerialization.jsonObject(with: Data(report().json().utf8)) as? [[String: Any]])
        // verify
        let first = try #require(zh.first)
        #expect(first["message"] as? String == "未知的节点类型 'opeartion'——是不是想写 'operation'？")
        let messages = try #require(first["messages"] as? [String: String])
        #expect(messages["en"] == "unknown node type 'opeartion' — did you mean 'operation'?")
        #expect(messages["zh"] == first["message"] as? String)
        #expect(en.first?["message"] as? String == messages["en"])
        #expect(first["severity"] as? String == "error")
    }
}
