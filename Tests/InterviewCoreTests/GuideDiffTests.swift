import Testing
@testable import InterviewCore

@Suite("Guide versions and diffs")
struct GuideDiffTests {
    @Test func listsAddedRemovedAndChangedQuestions() throws {
        // setup
        let old = try #require(BundledGuides.guide(id: BundledGuides.seniorPythonID, language: "en")).guide
        var new = old
        let redis = try #require(new.stages[3].topics.firstIndex { $0.key == "3.2.1" })
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
        #expect(diff.text.contains("weight"))
    }

    @Test func sameGuideHasNoChanges() throws {
        let guide = try #require(BundledGuides.guide(id: BundledGuides.newGraduateID, language: "zh")).guide
        #expect(GuideDiff(old: guide, new: guide).changes.isEmpty)
    }
}
