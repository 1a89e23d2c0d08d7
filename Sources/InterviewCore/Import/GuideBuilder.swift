import Flowchart
import Foundation

/// Builds the guide's stages, groups and topics from the Markdown sections.
struct GuideBuilder {
    let sections: [MarkdownSection]
    /// The front matter's `title`: what the author said the guide is called wins over the first `#` heading.
    let declaredTitle: String?
    /// The file's name, when neither says.
    let fallbackTitle: String
    var diagnostics: [GuideDiagnostic] = []
    /// Heading level of the stages; 0 when the document has no numbered stages.
    private(set) var stageLevel = 0
    /// Where each topic is written, in the order topics are built (for later checks).
    var topicPlaces: [TopicPlace] = []

    struct TopicPlace {
        var headingLine: Int
        /// The line of the chart's opening fence.
        var fenceLine: Int
        /// The chart's name in findings ("1.1 Title"), as its own findings carry.
        var chart: String
        /// Where each instruction (a subroutine or a fork) is written, by node id.
        var instructions: [String: SourcePosition]
    }

    init(sections: [MarkdownSection], declaredTitle: String? = nil, fallbackTitle: String) {
        self.sections = sections
        self.declaredTitle = declaredTitle.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.fallbackTitle = fallbackTitle
        stageLevel = Self.findStageLevel(sections)
    }

    /// The shallowest level with at least two headings numbered like stages ("0.", "1.", "5."),
    /// or with one when no level has two.
    static func findStageLevel(_ sections: [MarkdownSection]) -> Int {
        var counts: [Int: Int] = [:]
        for section in sections {
            guard let heading = section.heading, SectionHeading(heading.text).isStageNumber else { continue }
            counts[heading.level, default: 0] += 1
        }
        return counts.filter { $0.value >= 2 }.keys.min() ?? counts.keys.min() ?? 0
    }

    mutating func build() -> Guide {
        warnAboutQuotedCharts()
        var guide = buildStructure()
        finish(&guide)
        return guide
    }

    private mutating func buildStructure() -> Guide {
        let title = declaredTitle ?? sections.first { $0.heading?.level == 1 }?.heading?.text ?? fallbackTitle
        var guide = Guide(title: title, stageLevel: stageLevel)
        guard stageLevel > 0,
              let first = sections.firstIndex(where: { $0.level == stageLevel && SectionHeading($0.heading!.text).isStageNumber }) else {
            // No numbered stages: every flowchart is a topic of one stage named after the guide.
            guide.preface = sections.filter { $0.flowBlocks.isEmpty }.compactMap(Self.plainSection)
            var stage = Stage(number: nil, title: title)
            for section in sections where !section.flowBlocks.isEmpty {
                if let topic = topic(section, depth: section.level, group: nil) { stage.topics.append(topic) }
            }
            guide.stages = stage.topics.isEmpty ? [] : [stage]
            return guide
        }
        guide.preface = sections[..<first].compactMap(Self.plainSection)
        warnAboutCharts(in: sections[..<first])
        var index = first
        while index < sections.count, sections[index].level >= stageLevel {
            var end = index + 1
            while end < sections.count, sections[end].level > stageLevel { end += 1 }
            guide.stages.append(stage(sections[index], children: Array(sections[(index + 1)..<end])))
            index = end
        }
        guide.afterword = sections[index...].compactMap(Self.plainSection)
        warnAboutCharts(in: sections[index...])
        return guide
    }

    static func plainSection(_ section: MarkdownSection) -> Section? {
        let body = GuideText.prose(section.body)
        guard let heading = section.heading else { return body.isEmpty ? nil : Section(level: 0, title: "", body: body) }
        return Section(level: heading.level, title: heading.text, body: body)
    }

    /// List items are numbered after the stage ("3.1"); in a stage with topics numbered so too, the
    /// list's "3.1" and the topic 3.1 were two things under one number (a probe). Numbered by their
    /// place in the list alone there.
    private func renumberListed(_ listed: [Int], in stage: inout Stage) {
        let taken = Set(stage.topics.compactMap(\.number) + stage.groups.compactMap(\.number))
        guard listed.contains(where: { taken.contains(stage.questions[$0].number) }) else { return }
        for (place, index) in listed.enumerated() { stage.questions[index].number = String(place + 1) }
    }

    /// A heading under a stage with neither a chart nor a topic below it is asked nowhere, and its prose is
    /// shown nowhere: it vanished from the guide without a word (a probe's `### 3.2 Empty topic`).
    private mutating func sayEmptyGroups(_ stage: Stage, lines: [String: Int]) {
        var used = Set<String>()
        for topic in stage.topics {
            var key = topic.group
            while let k = key, used.insert(k).inserted { key = stage.groups.first { $0.key == k }?.parent }
        }
        for group in stage.groups where !used.contains(group.key) {
            diagnostics.append(GuideDiagnostic(Diagnostic(.warning, .sectionAskedNowhere,
                at: SourcePosition(line: lines[group.key] ?? 1, column: 1), LocalizedText(
                en: "section '\(group.heading)' has no flowchart and no topic under it, so the interview neither asks it nor shows its text — add its ```flow or ```mermaid chart, or make it part of the section above",
                zh: "章节“\(group.heading)”下面既没有流程图也没有主题，面试中不会问到它，也不会显示它的文字——请补上它的 ```flow 或 ```mermaid 流程图，或把它并入上一节"))))
        }
    }

    private mutating func stage(_ section: MarkdownSection, children: [MarkdownSection]) -> Stage {
        let heading = SectionHeading(section.heading!.text)
        var stage = Stage(number: heading.number, title: heading.title, requirement: heading.requirement)
        let prefix = heading.number.map { $0 + "." }
        var prose: [MarkdownLine] = []
        var listed: [Int] = []
        var listIndent: Int?
        // The prompt whose nested lines follow (`base`: its own indent, or its list's), and the indent of
        // its first nested line: a nested list went to the stage's prose, away from the prompt it details
        // (a probe). Indents count a tab to the next multiple of four, as Markdown does (a tab-indented
        // detail was read as prose: a recheck).
        var detailed: (question: Int, base: Int, indent: Int?, blank: Bool)?
        for line in section.body {
            let indent = GuideText.indentWidth(line.text)
            let blank = line.text.allSatisfy(\.isWhitespace)
            if var d = detailed {
                if blank {
                    detailed?.blank = true
                    prose.append(line)
                    continue
                }
                if indent > d.base {
                    let first = d.indent ?? indent
                    let body = line.text.drop { $0 == " " || $0 == "\t" }
                    let text = (d.blank && d.indent != nil ? "\n" : "") + String(repeating: " ", count: max(0, indent - first)) + body
                    stage.questions[d.question].details = stage.questions[d.question].details.map { $0 + "\n" + text } ?? text
                    d.indent = first
                    d.blank = false
                    detailed = d
                    continue
                }
                detailed = nil
            }
            if let prefix, let question = GuideText.numberedQuestion(line.text, prefix: prefix) {
                detailed = (stage.questions.count, indent, nil, false)
                stage.questions.append(question)
            } else if indent <= (listIndent ?? 3),
                      let (question, own) = GuideText.listQuestion(line.text, stageNumber: heading.number, index: stage.questions.count + 1) {
                // An item further in than the list's first is a detail of the one above (`1. …` then
                // `   - detail`), not a question of its own: it took the next number (a recheck).
                listIndent = listIndent ?? indent
                if !own { listed.append(stage.questions.count) }
                detailed = (stage.questions.count, listIndent ?? indent, nil, false)
                stage.questions.append(question)
            } else {
                prose.append(line)
            }
        }
        stage.guidance = GuideText.prose(prose)
        if !section.flowBlocks.isEmpty, let topic = topic(section, depth: 0, group: nil) {
            stage.topics.append(topic)   // a stage drawn as one flowchart is its own topic
        }
        var ancestors: [(level: Int, key: String, isGroup: Bool)] = []
        var groupLines: [String: Int] = [:]
        for child in children {
            let level = child.level
            ancestors.removeAll { $0.level >= level }
            let group = ancestors.last(where: \.isGroup)?.key
            if child.flowBlocks.isEmpty {
                let h = SectionHeading(child.heading!.text)
                let entry = TopicGroup(number: h.number, title: h.title, guidance: GuideText.prose(child.body),
                                       depth: level - stageLevel, parent: group)
                stage.groups.append(entry)
                groupLines[entry.key] = groupLines[entry.key] ?? child.heading?.line
                ancestors.append((level, entry.key, true))
            } else if let topic = topic(child, depth: level - stageLevel, group: group) {
                stage.topics.append(topic)
                ancestors.append((level, topic.key, false))
            }
        }
        renumberListed(listed, in: &stage)
        sayEmptyGroups(stage, lines: groupLines)
        return stage
    }

    /// A section with a flowchart as a topic. Extra flowcharts in the same section are linted but unused.
    private mutating func topic(_ section: MarkdownSection, depth: Int, group: String?) -> Topic? {
        guard let block = section.flowBlocks.first else { return nil }
        let name = block.name
        for extra in section.flowBlocks.dropFirst() {
            diagnostics.append(GuideDiagnostic(flowchart: name, Diagnostic(.warning, .extraChart,
                at: SourcePosition(line: extra.fenceLine, column: 1), LocalizedText(
                en: "a topic has one flowchart; this second one under '\(name)' is not used in interviews — give it its own heading",
                zh: "一个主题只有一个流程图；'\(name)' 下的第二个流程图不会在面试中使用——请给它单独的标题"))))
            diagnostics += extra.syntax.parse(extra.text, firstLine: extra.firstLine).diagnostics.map { GuideDiagnostic(flowchart: name, $0) }
        }
        let parsed = block.syntax.parse(block.text, firstLine: block.firstLine)
        var instructionPositions: [String: SourcePosition] = [:]
        for node in parsed.graph.nodes where node.type == .subroutine || node.type == .parallel {
            instructionPositions[node.id] = node.position
        }
        topicPlaces.append(TopicPlace(headingLine: section.heading?.line ?? block.fenceLine, fenceLine: block.fenceLine, chart: name, instructions: instructionPositions))
        diagnostics += parsed.diagnostics.map { GuideDiagnostic(flowchart: name, $0) }
        let heading = section.heading.map { SectionHeading($0.text) } ?? SectionHeading(fallbackTitle)
        let flow = TopicFlow(parsed.graph)
        let guidance = GuideText.prose(section.body)
        var topic = Topic(number: heading.number, title: heading.title, depth: depth, group: group, guidance: guidance,
                          flowchart: GuideConversion.write(parsed.graph, as: block.syntax), start: flow.start, steps: flow.steps,
                          questions: flow.questions, gates: flow.gates, instructions: flow.instructions)
        topic.isPickList = PickList.looksLikeOne(instructions: flow.instructions, guidance: guidance, hasGates: !flow.gates.isEmpty)
        if topic.isPickList { topic.questions += flow.unreachableQuestions }
        if !topic.isPickList, !flow.gates.isEmpty, PickList.guidanceSays(guidance) {
            diagnostics.append(GuideDiagnostic(flowchart: name, Diagnostic(.warning, .pickListGuidance,
                at: SourcePosition(line: section.heading?.line ?? block.fenceLine, column: 1), LocalizedText(
                en: "the guidance of '\(name)' sounds like a pick list (\"as the moment fits\"), but its chart has a gate, so it is walked in order and the gate is asked; write `pickList: true` for the topic in the front matter to let the interviewer pick instead",
                zh: "'\(name)' 的说明听起来像按需挑选（“择机”），但它的流程图里有判断节点，因此按顺序提问并询问判断；如果想让面试官自由挑选，请在 front matter 中为该主题写 `pickList: true`"))))
        }
        checkFlow(topic, parsed.graph, name: name, fenceLine: block.fenceLine)
        return topic
    }
}
