import Flowchart
@testable import InterviewCore
import Testing

@Suite("Question bank: a question keeps its identity across versions and guides")
struct QuestionBankTests {
    /// A one-topic guide whose questions are `texts` (op1, op2, …), with `ids` as front matter `id:`s.
    private func guide(_ texts: [String], ids: [String: String] = [:], topic: String = "1.1", language: String = "en") -> Guide {
        var front = "---\nguide: { language: \(language) }\n"
        if !ids.isEmpty {
            front += "topics:\n  \"\(topic)\":\n    questions:\n"
            for (op, id) in ids.sorted(by: { $0.key < $1.key }) { front += "      \(op):\n        id: \(id)\n" }
        }
        front += "---\n"
        var chart = "st=>start: Start\ne=>end: End\n"
        for (n, text) in texts.enumerated() { chart += "op\(n + 1)=>operation: \(text)\n" }
        chart += (["st"] + texts.indices.map { "op\($0 + 1)" } + ["e"]).joined(separator: "->") + "\n"
        let markdown = front + "# Guide\n\n### 1. Technical\n\n#### \(topic) Topic\n\n```flow\n\(chart)```\n"
        let imported = GuideImporter.importMarkdown(markdown)
        #expect(imported.diagnostics.filter { $0.diagnostic.severity == .error }.isEmpty, "\(imported.diagnostics)")
        return imported.guide
    }

    private func lineage(_ id: String, _ guides: [Guide]) -> QuestionBank.Lineage {
        QuestionBank.Lineage(id: id, title: id, versions: guides.enumerated().map { .init(id: "\(id)-v\($0.offset + 1)", label: "v\($0.offset + 1)", guide: $0.element) })
    }

    @Test func aRewordedQuestionKeepsItsIdentityAndANewOneGetsItsOwn() {
        let v1 = guide(["What is the GIL, and how does it affect threads?", "How is dict implemented?"])
        let v2 = guide(["What is the GIL and how does it affect threads?", "How does garbage collection work in CPython?"])
        let bank = QuestionBank([lineage("senior", [v1, v2])])
        // A dropped comma is an edit; op2's new text is a new question with its own statistics.
        #expect(bank.identity(version: "senior-v1", key: "1.1/op1") == bank.identity(version: "senior-v2", key: "1.1/op1"))
        #expect(bank.identity(version: "senior-v1", key: "1.1/op2") != bank.identity(version: "senior-v2", key: "1.1/op2"))
        #expect(bank.entries.count == 3)
        let gil = bank.entry(bank.identity(version: "senior-v2", key: "1.1/op1")!)!
        #expect(gil.appearances.map(\.versionLabel) == ["v1", "v2"] && gil.text == "What is the GIL and how does it affect threads?")
    }

    @Test func theSameTextInTwoGuidesIsOneQuestion() {
        let senior = guide(["What is the difference between a cookie and a session?", "How is dict implemented?"])
        let graduate = guide(["How do stacks and queues differ?", "What is the difference between a Cookie and a Session ?"], topic: "3.4")
        let bank = QuestionBank([lineage("senior", [senior]), lineage("graduate", [graduate])])
        let id = bank.identity(version: "senior-v1", key: "1.1/op1")
        #expect(id != nil && id == bank.identity(version: "graduate-v1", key: "3.4/op2"))
        #expect(bank.entry(id!)?.guides == ["senior", "graduate"])
        #expect(id!.hasPrefix(QuestionBank.derivedPrefix))
    }

    @Test func anAuthorsIDSettlesItWhateverTheWordingAndWhicheverGuideCameFirst() {
        let senior = guide(["How do you find which process is using a given port?"])
        let graduate = guide(["How do you find which process holds a port, and how do you stop it?"], ids: ["op1": "process-on-port"])
        let seniorLater = guide(["Which process listens on port 8080, and how do you tell?"], ids: ["op1": "process-on-port"])
        let bank = QuestionBank([lineage("senior", [senior, seniorLater]), lineage("graduate", [graduate])])
        #expect(bank.identity(version: "graduate-v1", key: "1.1/op1") == "process-on-port")
        #expect(bank.identity(version: "senior-v2", key: "1.1/op1") == "process-on-port")
        // Senior v1 has neither the id nor the graduate's text: its own question until the author said otherwise.
        #expect(bank.identity(version: "senior-v1", key: "1.1/op1") != "process-on-port")
        #expect(bank.entry("process-on-port")?.isNamed == true)
        #expect(bank.entry("process-on-port")?.appearances.count == 2)
    }

    @Test func anUnnamedCopyOfANamedQuestionSharesItsID() {
        let named = guide(["How do GET and POST differ?"], ids: ["op1": "get-vs-post"])
        let copy = guide(["How do GET and POST differ?"], topic: "3.5.2")
        let bank = QuestionBank([lineage("copy", [copy]), lineage("named", [named])])
        #expect(bank.identity(version: "copy-v1", key: "3.5.2/op1") == "get-vs-post")
    }

    @Test func aQuestionMovedToAnotherTopicKeepsItsIdentity() {
        let v1 = guide(["How does Redis persist data?"], topic: "3.2")
        let v2 = guide(["How does Redis persist data?"], topic: "3.2.1")
        let bank = QuestionBank([lineage("senior", [v1, v2])])
        #expect(bank.identity(version: "senior-v1", key: "3.2/op1") == bank.identity(version: "senior-v2", key: "3.2.1/op1"))
    }

    @Test func derivedIdentitiesDoNotDependOnWhatElseIsInTheBank() {
        let a = guide(["How do TCP and UDP differ?"])
        let alone = QuestionBank([lineage("a", [a])])
        let crowded = QuestionBank([lineage("b", [guide(["What is a deadlock?"])]), lineage("a", [a])])
        #expect(alone.identity(version: "a-v1", key: "1.1/op1") == crowded.identity(version: "a-v1", key: "1.1/op1"))
    }

    @Test func searchFindsTextIDGuideAndWidthFolded() {
        let zh = guide(["Cookie 和 Session 有什么区别？"], ids: ["op1": "cookie-vs-session"], language: "zh")
        let en = guide(["What is the difference between a cookie and a session?", "How is dict implemented?"], ids: ["op1": "cookie-vs-session"])
        let bank = QuestionBank([lineage("senior.zh", [zh]), lineage("senior.en", [en])])
        #expect(bank.search("SESSION").map(\.id) == ["cookie-vs-session"])
        #expect(bank.search("ｄｉｃｔ").count == 1)
        #expect(bank.search("senior.zh").map(\.id) == ["cookie-vs-session"])
        #expect(bank.search("").count == 2)
        let entry = bank.entry("cookie-vs-session")!
        #expect(QuestionBank.text(of: entry, language: "zh") == "Cookie 和 Session 有什么区别？")
        #expect(QuestionBank.text(of: entry, language: "en") == "What is the difference between a cookie and a session?")
    }

    @Test func similarityIsDicesCoefficientOverCharacterPairs() {
        // night / nacht: pairs ni ig gh ht and na ac ch ht share ht: 2·1 / (4 + 4).
        #expect(QuestionText.similarity("night", "nacht") == 0.25)
        #expect(QuestionText.similarity("abc", "abc") == 1)
        #expect(QuestionText.similarity("a", "b") == 0)
        // Chinese, no spaces: 进程线程 / 进程和线程 share 进程 and 线程: 2·2 / (3 + 4).
        #expect(abs(QuestionText.similarity("进程线程", "进程和线程") - 4.0 / 7) < 1e-12)
        #expect(QuestionText.normalized("What's  the GIL？") == "whatsthegil")
    }

    @Test func frontMatterIDsAreCheckedAndCarried() throws {
        let body = "# Guide\n\n### 1. Technical\n\n#### 1.1 Topic\n\n```flow\nst=>start: S\nop1=>operation: One?\nop2=>operation: Two?\ne=>end: E\nst->op1->op2->e\n```\n"
        func importing(_ questions: String) -> ImportedGuide {
            GuideImporter.importMarkdown("---\ntopics:\n  \"1.1\":\n    questions:\n" + questions + "---\n" + body)
        }
        let good = importing("      op1:\n        id: python.gil_2\n")
        #expect(good.diagnostics.isEmpty)
        #expect(good.guide.topic("1.1")?.question("op1")?.bankID == "python.gil_2")
        let bad = importing("      op1:\n        id: \"q:1\"\n")
        #expect(bad.located == ["6:13 invalid-annotation"])
        #expect(bad.guide.topic("1.1")?.question("op1")?.bankID == nil)
        let twice = importing("      op1:\n        id: same\n      op2:\n        id: same\n")
        #expect(twice.located == ["8:13 invalid-annotation"])
        #expect(twice.diagnostics[0].diagnostic.message.contains("already given to 1.1/op1"))
    }

    @Test func theBundledGuidesShareTheirCommonQuestionsAcrossGuidesAndLanguages() throws {
        let lineages = BundledGuides.all.map { bundled in
            lineage("\(bundled.id).\(bundled.language)", [BundledGuides.guide(id: bundled.id, language: bundled.language)!.guide])
        }
        let bank = QuestionBank(lineages)
        for id in ["web-request-path", "cookie-vs-session", "get-vs-post", "process-on-port"] {
            #expect(bank.entry(id)?.guides.count == 4, "\(id)")
        }
    }
}
