import Foundation
import Testing
@testable import InterviewCore

@Suite("Export and import give the same guide")
struct RoundTripTests {
    static var guides: [(String, String)] {
        var all = BundledGuides.all.map { ("\($0.id).\($0.language)", BundledGuides.markdown(id: $0.id, language: $0.language) ?? "") }
        if SeedGuide.isAvailable { all.append(("seed", SeedGuide.text)) }
        all.append(("chart under a stage heading", Self.chartUnderStage))
        return all
    }

    /// A chart right under a stage heading, after the stage's prose: the prose doubled with every export
    /// (a probe).
    static let chartUnderStage = """
    # G
    ## 1. Stage
    Some stage prose.
    ```flow
    st=>start: Start
    op1=>operation: Q1
    e=>end
    st->op1->e
    ```
    ## 2. Other
    ### 2.1 T
    ```flow
    st=>start: Start
    op1=>operation: Q2
    e=>end
    st->op1->e
    ```
    """

    @Test(arguments: guides.map(\.0))
    func markdownRoundTrip(name: String) throws {
        // setup
        let text = try #require(Self.guides.first { $0.0 == name }?.1)
        let original = GuideImporter.importMarkdown(text).guide
        // act
        let exported = GuideExporter.markdown(original)
        let reimported = GuideImporter.importMarkdown(exported)
        // verify
        #expect(reimported.errors.isEmpty, "\(reimported.located)")
        #expect(reimported.guide == original)
        #expect(reimported.guide.contentHash == original.contentHash)
        // And once more: export is stable.
        #expect(GuideExporter.markdown(reimported.guide) == exported)
        if name == "chart under a stage heading" { #expect(exported.components(separatedBy: "Some stage prose.").count == 2) }
    }

    /// Exported JSON is checked as its Markdown is: a weight edited to -3 scored a question -150% (a probe).
    @Test func aJSONGuideWithANegativeWeightIsRefused() throws {
        // setup
        var guide = GuideImporter.importMarkdown(Self.chartUnderStage).guide
        guide.stages[1].topics[0].questions[0].weight = -3
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("negative-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GuideExporter.json(guide).write(toFile: path, atomically: true, encoding: .utf8)
        // act + verify
        do {
            _ = try GuideImporter.load(path: path)
            Issue.record("a negative weight was read")
        } catch let error as GuideLoadError {
            #expect(error.text.en == "\(path): the weight of question 2.1/op1 is -3.0; weights must not be negative")
            #expect(error.text.zh.contains("权重不能是负数"))
        }
    }

    @Test(arguments: guides.map(\.0))
    func jsonRoundTrip(name: String) throws {
        let text = try #require(Self.guides.first { $0.0 == name }?.1)
        let original = GuideImporter.importMarkdown(text).guide
        let decoded = try JSONDecoder().decode(Guide.self, from: Data(GuideExporter.json(original).utf8))
        #expect(decoded == original)
    }

    @Test func contentHashChangesWithAWeight() throws {
        var guide = try #require(BundledGuides.guide(id: BundledGuides.seniorPythonID, language: "en")).guide
        let before = guide.contentHash
        guide.stages[3].topics[0].questions[0].weight += 1
        #expect(guide.contentHash != before)
        #expect(before.count == 64)
    }
}

@Suite("The guides we ship")
struct BundledGuideTests {
    @Test(arguments: BundledGuides.all.map { "\($0.id).\($0.language)" })
    func lintsCleanAndIsFullyAnnotated(name: String) throws {
        // setup
        let parts = name.split(separator: ".").map(String.init)
        // act
        let imported = try #require(BundledGuides.guide(id: parts[0], language: parts[1]))
        // verify
        #expect(imported.diagnostics.isEmpty, "\(imported.located)")
        let guide = imported.guide
        #expect(guide.id == parts[0])
        #expect(guide.language == parts[1])
        #expect(guide.stages.count >= 5)
        #expect(guide.stages.allSatisfy { $0.minutes != nil })
        for topic in guide.topics {
            #expect(!topic.questions.isEmpty, "\(topic.key)")
            for question in topic.questions {
                #expect(question.reference != nil && question.reference != question.hint, "\(topic.key)/\(question.id) has no full reference")
                #expect(Set(question.rubric.keys) == [1, 2, 3, 4], "\(topic.key)/\(question.id) rubric")
                #expect(!question.dimensions.isEmpty, "\(topic.key)/\(question.id) dimensions")
            }
        }
    }

    @Test func languagesShareTheirStructure() throws {
        for id in BundledGuides.ids {
            let zh = try #require(BundledGuides.guide(id: id, language: "zh")).guide
            let en = try #require(BundledGuides.guide(id: id, language: "en")).guide
            #expect(zh.topics.map(\.key) == en.topics.map(\.key))
            #expect(zh.topics.map { $0.questions.map(\.id) } == en.topics.map { $0.questions.map(\.id) })
            #expect(zh.topics.map { $0.questions.map(\.weight) } == en.topics.map { $0.questions.map(\.weight) })
        }
    }
}
