import Flowchart
import Testing
@testable import InterviewCore

@Suite("Guide versions and diffs")
struct GuideDiffTests {
    private func senior() throws -> Guide {
        try #require(BundledGuides.guide(id: BundledGuides.seniorPythonID, language: "en")).guide
    }

    private func redisIndex(_ guide: Guide) throws -> Int {
        try #require(guide.stages[3].topics.firstIndex { $0.key == "3.2.1" })
    }

    @Test func listsAddedRemovedAndChangedQuestions() throws {
        // setup
        let old = try senior()
        var new = old
        let redis = try redisIndex(new)
        new.stages[3].topics[redis].questions[0].weight = 3
        new.stages[3].topics[redis].questions[1].reference = "Only RDB."
        let removed = new.stages[3].topics[redis].questions.removeLast()
        new.stages[3].topics[redis].questions.append(Question(id: "op99", text: "What is a Redis stream?", weight: 1))
        // act
        let diff = GuideDiff(old: old, new: new)
        // verify
        let paths = diff.changes.map { "\($0.kind.rawValue) \($0.path)" }
        #expect(paths.contains("changed 3.2.1/\(old.topic("3.2.1")!.questions[0].id)"))
        #expect(paths.contains("changed 3.2.1/\(old.topic("3.2.1")!.questions[1].id)"))
        #expect(paths.contains("removed 3.2.1/\(removed.id)"))
        #expect(paths.contains("added 3.2.1/op99"))
        #expect(diff.changes.count == 4)
        #expect(diff.text(.en).contains("weight 1 → 3"))
        #expect(diff.text(.zh).contains("权重 1 → 3"))
    }

    /// The second of two 3.6 topics has its title in its key, which a line starts with: the title was
    /// said twice ("3.6 开放问题：主题「开放问题」", a probe); once now. Pages under its heading show "3.6".
    @Test func aTopicWhoseKeyHoldsItsTitleIsNotNamedTwice() {
        // setup
        func chart(_ q: String) -> String { "```flow\nst=>start: S\nop1=>operation: \(q)\ne=>end\nst->op1->e\n```\n" }
        let one = "# G\n### 3. 技术\n#### 3.6 Linux\n" + chart("进程？")
        let old = GuideImporter.importMarkdown(one).guide
        let new = GuideImporter.importMarkdown(one + "#### 3.6 开放问题\n" + chart("最难的 bug？")).guide
        // act
        let lines = GuideDiff(old: old, new: new).text(.zh)
        // verify
        #expect(lines.contains("3.6 开放问题：主题，1 道题"), "\(lines)")
        #expect(new.topics.map(\.keyBeforeTitle) == ["3.6", "3.6"])
        #expect(Topic(number: nil, title: "Open").keyBeforeTitle == "")
    }

    @Test func sameGuideHasNoChanges() throws {
        let guide = try #require(BundledGuides.guide(id: BundledGuides.newGraduateID, language: "zh")).guide
        let diff = GuideDiff(old: guide, new: guide)
        #expect(diff.changes.isEmpty)
        #expect(diff.text(.zh) == "题目、参考答案、权重和结构都没有变化\n")
    }

    @Test func aRewordingKeepsTheQuestionAndARewriteMakesANewOne() throws {
        // setup: one question gets a word more (similar wording), the next one a different question
        let old = try senior()
        var new = old
        let redis = try redisIndex(new)
        let first = new.stages[3].topics[redis].questions[0]
        new.stages[3].topics[redis].questions[0].text = first.text + " Why?"
        new.stages[3].topics[redis].questions[1].text = "How would you shard a Kafka topic across regions?"
        // act
        let diff = GuideDiff(old: old, new: new)
        // verify
        let kept = try #require(diff.changes.first { $0.path == "3.2.1/\(first.id)" })
        guard case .kept = kept.identity else { Issue.record("expected kept, got \(String(describing: kept.identity))"); return }
        let rewritten = try #require(diff.changes.first { $0.path == "3.2.1/\(old.topic("3.2.1")!.questions[1].id)" })
        guard case let .renewed(was, now) = rewritten.identity else { Issue.record("expected renewed, got \(String(describing: rewritten.identity))"); return }
        #expect(was != now)
        #expect(diff.text(.en).contains("its figures carry over"))
        #expect(diff.text(.en).contains("a new question in the bank (\(now), was \(was))"))
        #expect(diff.text(.zh).contains("题库中成为新题（\(now)，原为 \(was)）"))
    }

    @Test func anAuthorsIdKeepsTheQuestionThroughAnyRewrite() throws {
        // setup
        var old = try senior()
        let redis = try redisIndex(old)
        old.stages[3].topics[redis].questions[0].bankID = "redis-persistence"
        var new = old
        new.stages[3].topics[redis].questions[0].text = "Something else entirely: explain Raft elections."
        // act
        let diff = GuideDiff(old: old, new: new)
        // verify
        let change = try #require(diff.changes.first { $0.path.hasPrefix("3.2.1/") })
        #expect(change.identity == .kept("redis-persistence"))
    }

    @Test func aQuestionMovedToAnotherTopicIsTheSameQuestion() throws {
        // setup: the last Redis question moves to the end of the next topic under a new key
        let old = try senior()
        var new = old
        let redis = try redisIndex(new)
        let target = redis + 1
        let moved = new.stages[3].topics[redis].questions.removeLast()
        let targetKey = new.stages[3].topics[target].key
        new.stages[3].topics[target].questions.append(Question(id: "op77", text: moved.text, weight: moved.weight))
        // act
        let diff = GuideDiff(old: old, new: new)
        // verify
        let added = try #require(diff.changes.first { $0.kind == .added && $0.path == "\(targetKey)/op77" })
        let removed = try #require(diff.changes.first { $0.kind == .removed && $0.path == "3.2.1/\(moved.id)" })
        guard case let .moved(id, from) = added.identity else { Issue.record("expected moved, got \(String(describing: added.identity))"); return }
        #expect(from == "3.2.1/\(moved.id)")
        #expect(removed.identity == .movedAway(id, to: "\(targetKey)/op77"))
        #expect(diff.text(.zh).contains("从 3.2.1/\(moved.id) 移来"))
    }

    @Test func aNewQuestionIsNewAndChineseReadsChinese() throws {
        // setup
        let old = try #require(BundledGuides.guide(id: BundledGuides.seniorPythonID, language: "zh")).guide
        var new = old
        let redis = try redisIndex(new)
        new.stages[3].topics[redis].questions.append(Question(id: "op98", text: "Redis Stream 和 Kafka 有什么区别？", weight: 2))
        new.stages[3].minutes = (new.stages[3].minutes ?? 0) + 5
        // act
        let diff = GuideDiff(old: old, new: new)
        // verify
        let added = try #require(diff.changes.first { $0.path == "3.2.1/op98" })
        guard case .new = added.identity else { Issue.record("expected new, got \(String(describing: added.identity))"); return }
        let zh = diff.text(.zh)
        #expect(zh.contains("+ 3.2.1/op98：题目「Redis Stream 和 Kafka 有什么区别？」（权重 2）"))
        #expect(zh.contains("本指南的新题"))
        #expect(zh.contains("~ 阶段 \(new.stages[3].key)：时间预算"))
        for english in ["question", "weight", "stage", "time budget", "figures"] { #expect(!zh.contains(english)) }
    }
}
