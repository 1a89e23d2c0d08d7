import Flowchart
import Testing
@testable import InterviewCore

@Suite("Guide diagnostics in Chinese and English")
struct GuideDiagnosticLanguageTests {
    /// Front matter with one mistake of each kind the annotation reader and applier report.
    static let badFrontMatter = """
    ---
    guide:
      colour: red
    scale:
      0: none
      2: two
      x: bad
    stages:
      "1": { minutes: -5, pace: fast }
      "9": { minutes: 5 }
    topics:
      "1.1":
        weight: heavy
        knockout: 150
        pickList: maybe
        colour: blue
        questions:
          op1:
            weight: -1
            colour: red
            rubric:
              x: bad
              7: too high
          c1: { weight: 1 }
          op9: { weight: 1 }
      "1.3": { weight: 1 }
      "zzzz": { weight: 1 }
      "1.2": 5
    recommendation:
      - { band: hire, min: 60, max: 100 }
      - { band: maybe, min: 40, max: 70 }
      - { band: low, min: 10, max: 5, colour: x }
      - { label: nameless }
      - { band: huge, min: 200 }
      - just text
    colour: x
    ---
    """

    /// A body with a chart outside the stages, an extra chart, an empty topic, a pointless gate,
    /// a call to a missing section and a section number used twice.
    static let badBody = """
    # Guide

    ## Intro
    ```flow
    st=>start
    e=>end
    st->e
    ```

    ### 1. Technical
    #### 1.1 Redis
    ```flow
    st=>start: Start
    op1=>operation: How is a sorted set stored?
    sub1=>subroutine: 转到 3.9
    c1=>condition: Go deeper?
    e=>end
    st->op1->sub1->c1
    c1(yes)->e
    c1(no)->e
    ```
    ```flow
    st=>start
    e=>end
    st->e
    ```
    #### 1.2 Empty
    ```flow
    st=>start
    e=>end
    st->e
    ```
    #### 1.2 Again
    Text.
    """

    static var badDiagnostics: [Diagnostic] {
        let guides = [
            badFrontMatter + "\n" + badBody,
            "---\ntopics: [unclosed\n---\n# G\n",
            "---\n- a list\n---\n# G\n",
            "---\ntopics: {}\n# G\n",
            "# G\n### 1. Stage\n#### 1.1 T\n```flow\nst=>start\n",
            "---\ntopics:\n  \"1.1\": { knockout: 90 }\n---\n# G\n### 1. Stage\n#### 1.1 T\n```flow\nst=>start: S\nop1=>operation: Q1\ncond1=>condition: Deeper?\nop2=>operation: Q2\ne=>end: E\nst->op1->cond1\ncond1(yes)->op2->e\ncond1(no)->e\n```\n",
        ]
        return guides.flatMap { GuideImporter.importMarkdown($0).diagnostics.map(\.diagnostic) }
    }

    @Test func everyGuideCodeIsProducedByTheBadInputs() {
        // setup
        let codes: [DiagnosticCode] = [
            .duplicateSection, .frontMatter, .unknownAnnotation, .invalidAnnotation, .overlappingBands,
            .topicWithoutQuestions, .chartOutsideStages, .extraChart, .callToUnknownTopic, .pointlessGate, .unclosedFence,
            .knockoutNeedsDepth, .sectionAskedNowhere,
        ]
        // act
        let produced = Set(Self.badDiagnostics.map(\.code))
        // verify
        #expect(codes.filter { !produced.contains($0) } == [])
    }

    @Test(arguments: badDiagnostics)
    func chineseTextIsTranslatedAndKeepsTheIdentifiers(_ d: Diagnostic) {
        // act
        let (en, zh) = (d.text.text(.en), d.text.text(.zh))
        // verify
        #expect(en == d.message)
        #expect(!zh.isEmpty)
        #expect(zh != en)
        #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(d.code): \(zh)")
        let quoted = en.matches(of: /'([^'\s]+)'/).map { String($0.output.1) }
        let numbers = en.matches(of: /[0-9]+/).map { String($0.output) }
        for identifier in quoted + numbers {
            #expect(zh.contains(identifier), "\(d.code): '\(identifier)' missing from \(zh)")
        }
    }

    @Test func suggestionsAreTranslatedWithTheMessage() throws {
        // act
        let d = try #require(GuideImporter.importMarkdown(Self.badFrontMatter + "\n" + Self.badBody).diagnostics
            .map(\.diagnostic).first { $0.message.hasPrefix("there is no topic '1.3'") })
        // verify
        #expect(d.message == "there is no topic '1.3' in this guide — did you mean '1.1'?")
        #expect(d.text.zh == "本指南中没有主题 '1.3'——是不是想写 '1.1'？")
    }
}
