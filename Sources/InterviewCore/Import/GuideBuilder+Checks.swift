import Flowchart
import Foundation

/// What a careful author wants caught beyond the flowchart language: numbering, empty topics,
/// gates that decide nothing, instructions naming topics that do not exist.
extension GuideBuilder {
    mutating func warnAboutCharts(in outside: ArraySlice<MarkdownSection>) {
        for section in outside {
            for block in section.flowBlocks {
                diagnostics.append(GuideDiagnostic(flowchart: block.name, Diagnostic(.warning, .chartOutsideStages,
                    at: SourcePosition(line: block.fenceLine, column: 1), LocalizedText(
                    en: "this flowchart is outside the numbered stages, so interviews never use it; move it under a stage",
                    zh: "这个流程图不在任何带编号的阶段里，面试不会用到它；请把它移到某个阶段下"))))
            }
        }
    }

    /// A chart fenced inside a quote or an Obsidian callout (`> ```mermaid`) is prose here: GitHub and
    /// Obsidian draw it, and its topic went missing without a word (a Mermaid probe). Said at the fence;
    /// only for a chart (a ```mermaid block's first line `flowchart`/`graph`), and not for such text shown
    /// inside a code block (a recheck found both).
    mutating func warnAboutQuotedCharts() {
        for section in sections {
            var inCode: Character?
            for (n, line) in section.body.enumerated() {
                let indent = line.text.prefix { $0 == " " }.count
                let bare = line.text.dropFirst(indent)
                if let mark = inCode {
                    if indent < 4, bare.hasPrefix(String(repeating: mark, count: 3)) { inCode = nil }
                    continue
                }
                if indent < 4, let mark = bare.first, mark == "`" || mark == "~", bare.hasPrefix(String(repeating: mark, count: 3)) {
                    inCode = mark
                    continue
                }
                guard indent < 4, let info = Self.quotedFenceInfo(line.text) else { continue }
                let isChart: Bool
                if MarkdownFlowReader.isFlowInfo(info) {
                    isChart = true
                } else if MarkdownFlowReader.isMermaidInfo(info) {
                    let next = section.body.dropFirst(n + 1).lazy.map { Self.quotedText($0.text) }
                        .first { !$0.isEmpty && !$0.hasPrefix("%%") && !$0.hasPrefix("---") } ?? ""
                    isChart = next.hasPrefix("flowchart") || next.hasPrefix("graph")
                } else {
                    isChart = false
                }
                guard isChart else { continue }
                let column = line.text.distance(from: line.text.startIndex, to: line.text.firstIndex { $0 == "`" || $0 == "~" } ?? line.text.startIndex) + 1
                diagnostics.append(GuideDiagnostic(flowchart: section.heading?.text ?? "", Diagnostic(.warning, .chartInQuote,
                    at: SourcePosition(line: line.number, column: column), LocalizedText(
                    en: "this chart is inside a quote (>), so the guide does not read it; take the chart out of the quote",
                    zh: "这个流程图在引用块（>）里，指南不会读取它；请把流程图移出引用块"))))
            }
        }
    }

    /// The info string of a fence opened after one or more `>` (`> ```mermaid`, `> > ~~~flow`, `- > ```mermaid`
    /// in a list item), or nil.
    static func quotedFenceInfo(_ line: String) -> String? {
        var rest = line.drop { $0 == " " }
        if let marker = rest.first, "-*+".contains(marker), rest.dropFirst().first == " " { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard rest.first == ">" else { return nil }
        while rest.first == ">" { rest = rest.dropFirst().drop { $0 == " " } }
        guard let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let run = rest.prefix { $0 == mark }
        guard run.count >= 3 else { return nil }
        return rest.dropFirst(run.count).trimmingCharacters(in: .whitespaces)
    }

    /// A quoted line's text without its `>` marks.
    static func quotedText(_ line: String) -> String {
        var rest = line.drop { $0 == " " }
        if let marker = rest.first, "-*+".contains(marker), rest.dropFirst().first == " " { rest = rest.dropFirst(2).drop { $0 == " " } }
        while rest.first == ">" { rest = rest.dropFirst().drop { $0 == " " } }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }

    mutating func checkFlow(_ topic: Topic, _ graph: FlowGraph, name: String, fenceLine: Int) {
        if topic.questions.isEmpty {
            diagnostics.append(GuideDiagnostic(flowchart: name, Diagnostic(.warning, .topicWithoutQuestions,
                at: SourcePosition(line: fenceLine, column: 1), LocalizedText(
                en: "topic '\(name)' has no question the interview can reach; questions are operation nodes linked from the start",
                zh: "主题 '\(name)' 中没有面试能走到的问题；问题是从起点连出的 operation 节点"))))
        }
        for question in topic.questions {
            guard let node = graph.node(question.id), let reference = question.reference, ReferenceAnswer.looksLikeCode(node.text) else { continue }
            diagnostics.append(GuideDiagnostic(flowchart: name, Diagnostic(.warning, .codeReadAsReference, at: node.position, LocalizedText(
                en: "'\(question.id)' reads '\(reference)' in its last brackets as the expected answer, leaving the question '\(question.text)'; if the brackets are part of the question (code such as f(x)), write that code in backticks: `…(\(reference))`",
                zh: "'\(question.id)' 把最后一对括号里的 '\(reference)' 读成了参考答案，问题只剩 '\(question.text)'；如果括号本是问题的一部分（例如 f(x) 这样的代码），请把代码写在反引号里：`…(\(reference))`"))))
        }
        // A gate's line to itself: that answer can never be given (the runner and the console refuse it),
        // and lint said nothing, or only of another loop in the chart (a probe).
        var selfLoops = Set<String>()
        for gate in topic.gates {
            for (answer, target) in [(true, gate.yes), (false, gate.no)] where target == gate.id {
                selfLoops.insert(gate.id)
                let edge = graph.outgoing(gate.id).first { $0.to == gate.id && $0.branch == (answer ? .yes : .no) }
                let said = answer ? "yes" : "no"
                diagnostics.append(GuideDiagnostic(flowchart: name, Diagnostic(.warning, .loopAsksNothingNew,
                    at: edge?.position ?? graph.node(gate.id)?.position ?? SourcePosition(line: fenceLine, column: 1), LocalizedText(
                    en: "the \(said) line of '\(gate.id)' leads straight back to it, so that answer can never be given in an interview — lead it to the question it should open, or to the end",
                    zh: "'\(gate.id)' 的“\(answer ? "是" : "否")”分支直接回到它自己，面试中永远无法这样回答——请把它连到应该展开的问题，或连到结束"))))
            }
        }
        if let (from, to) = Self.firstLoop(topic), !(from == to && selfLoops.contains(from)) {
            // At the line that goes back, where an editor should underline it: it was put at the node it
            // goes back to, a definition some lines above (a Mermaid probe).
            let position = graph.outgoing(from).first { $0.to == to }?.position
                ?? graph.node(to)?.position ?? SourcePosition(line: fenceLine, column: 1)
            diagnostics.append(GuideDiagnostic(flowchart: name, Diagnostic(.warning, .loopAsksNothingNew, at: position, LocalizedText(
                en: "the chart goes back from '\(from)' to '\(to)': each question is asked and rated once, so going round again asks nothing new (a rating is corrected with b) — draw further follow-ups as questions of their own",
                zh: "流程图从 '\(from)' 又回到了 '\(to)'：每个问题只问一次、评一次分，再绕一圈不会问出新问题（改分用 b）——更多的追问请画成各自的问题"))))
        }
        for gate in topic.gates where gate.yes != nil && gate.yes == gate.no {
            let position = graph.node(gate.id)?.position ?? SourcePosition(line: fenceLine, column: 1)
            diagnostics.append(GuideDiagnostic(flowchart: name, Diagnostic(.warning, .pointlessGate, at: position, LocalizedText(
                en: "both answers of '\(gate.id)' lead to '\(gate.yes!)', so the decision changes nothing",
                zh: "'\(gate.id)' 的两个分支都通向 '\(gate.yes!)'，这个判断不起任何作用"))))
        }
    }

    /// The first line that leads back to a step already on the way to it from the start ("until satisfied":
    /// `Q2 --> G` under `G -->|no| Q2`), found by a depth-first walk; nil for a chart without a loop.
    static func firstLoop(_ topic: Topic) -> (from: String, to: String)? {
        guard let start = topic.startNode else { return nil }
        var state: [String: Bool] = [:]   // true: on the current way; false: done
        var stack: [(id: String, next: [String])] = []
        // By id once: `topic.step` searches the list, and a 10,000-node chart made that quadratic.
        let steps = Dictionary(topic.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func successors(_ id: String) -> [String] {
            guard let step = steps[id] else { return [] }
            return [step.next, step.yes, step.no].compactMap { $0 } + (step.paths ?? [])
        }
        state[start] = true
        stack.append((start, successors(start)))
        while !stack.isEmpty {
            guard let target = stack[stack.count - 1].next.popLast() else {
                state[stack.removeLast().id] = false
                continue
            }
            switch state[target] {
            case true?: return (stack[stack.count - 1].id, target)
            case false?: continue
            case nil:
                state[target] = true
                stack.append((target, successors(target)))
            }
        }
        return nil
    }

    /// Unique topic keys, duplicate section numbers reported, instruction calls resolved.
    mutating func finish(_ guide: inout Guide) {
        // An error: nothing can be run on such a guide (`run` and the server refuse it), and lint passed it
        // with exit 0, an empty or a binary file too (the terminal probe).
        if guide.stages.isEmpty {
            diagnostics.append(GuideDiagnostic(Diagnostic(.error, .nothingToAsk, at: SourcePosition(line: 1, column: 1), LocalizedText(
                en: "no numbered stage and no flowchart: an interview on this guide has nothing to ask — stages are headings such as '### 0. Resume', topics are charts under them",
                zh: "没有编号的阶段，也没有流程图：按这份指南面试无题可问——阶段是 '### 0. 简历' 这样的标题，主题是其下的流程图"))))
        }
        var seen: [String: Int] = [:]   // number → heading line
        var placeOfTopic: [String: TopicPlace] = [:]
        var topicIndex = 0
        for section in sections {
            guard let heading = section.heading, heading.level >= max(stageLevel, 1),
                  let number = SectionHeading(heading.text).number else { continue }
            if let earlier = seen[number] {
                diagnostics.append(GuideDiagnostic(Diagnostic(.warning, .duplicateSection, at: SourcePosition(line: heading.line, column: 1), LocalizedText(
                    en: "section number \(number) is already used on line \(earlier); annotations and jumps name topics by number — renumber one",
                    zh: "章节编号 \(number) 已在第 \(earlier) 行用过；批注和跳转都按编号指向主题——请给其中一个重新编号"))))
            } else {
                seen[number] = heading.line
            }
        }
        var keys = Set<String>()
        // Every topic's own key, kept from the counted ones: a topic titled "Basics (2)" beside two "Basics"
        // was keyed "Basics (2) (2)" (a recheck).
        let ownKeys = Set(guide.stages.flatMap { $0.topics.map(\.key) })
        for s in guide.stages.indices {
            for t in guide.stages[s].topics.indices {
                var topic = guide.stages[s].topics[t]
                if !keys.insert(topic.key).inserted {
                    // The number and title tell two topics of one number apart; two unnumbered topics of one
                    // title got the same key again, and the second was never asked while the first's ratings
                    // counted for both (a probe): a count makes the key unique, and the author is told.
                    let named = [topic.number, topic.title].compactMap { $0 }.joined(separator: " ")
                    var key = named, count = 2
                    while keys.contains(key) || (ownKeys.contains(key) && key != topic.key) { key = "\(named) (\(count))"; count += 1 }
                    if topic.number == nil {
                        let line = topicIndex < topicPlaces.count ? topicPlaces[topicIndex].headingLine : 1
                        diagnostics.append(GuideDiagnostic(Diagnostic(.warning, .duplicateSection, at: SourcePosition(line: line, column: 1), LocalizedText(
                            en: "another topic already goes by '\(topic.title)'; annotations and jumps name unnumbered topics by title, so this one is '\(key)' — number the topics or retitle one",
                            zh: "已有主题叫“\(topic.title)”；批注和跳转按标题指向未编号的主题，所以这个主题记作“\(key)”——请给主题编号或改一个标题"))))
                    }
                    topic.key = key
                    keys.insert(key)
                }
                if topicIndex < topicPlaces.count { placeOfTopic[topic.key] = topicPlaces[topicIndex] }
                topicIndex += 1
                guide.stages[s].topics[t] = topic
            }
        }
        resolveCalls(&guide, places: placeOfTopic)
    }

    /// A subroutine naming another topic by number ("转到 3.4") or title is a call into it.
    /// One naming a section no topic has is reported where the subroutine is written.
    private mutating func resolveCalls(_ guide: inout Guide, places: [String: TopicPlace]) {
        let topics = guide.topics
        for s in guide.stages.indices {
            for t in guide.stages[s].topics.indices {
                let owner = guide.stages[s].topics[t]
                for i in owner.instructions.indices {
                    let text = owner.instructions[i].text
                    let numbers = Self.sectionNumbers(in: text)
                    if let target = topics.first(where: { $0.key != owner.key && ($0.number.map(numbers.contains) ?? false) })
                        ?? topics.first(where: { $0.key != owner.key && $0.title.count >= 2 && text.localizedCaseInsensitiveContains($0.title) }) {
                        guide.stages[s].topics[t].instructions[i].calls = target.key
                    } else if let missing = numbers.first(where: { n in n.contains(".") && !topics.contains { $0.number == n } }) {
                        let place = places[owner.key]
                        let id = owner.instructions[i].id
                        diagnostics.append(GuideDiagnostic(flowchart: place?.chart ?? owner.title, Diagnostic(.warning, .callToUnknownTopic,
                            at: place?.instructions[id] ?? SourcePosition(line: place?.headingLine ?? 1, column: 1), LocalizedText(
                            en: "'\(owner.instructions[i].id)' names section \(missing), but the guide has no topic numbered \(missing)",
                            zh: "'\(owner.instructions[i].id)' 提到了章节 \(missing)，但指南中没有编号为 \(missing) 的主题"))))
                    }
                }
            }
        }
    }

    static func sectionNumbers(in text: String) -> [String] {
        var numbers: [String] = []
        var current = ""
        for c in text + " " {
            if c.isASCII && (c.isNumber || (c == "." && !current.isEmpty)) {
                current.append(c)
            } else {
                while current.hasSuffix(".") { current.removeLast() }
                if !current.isEmpty { numbers.append(current) }
                current = ""
            }
        }
        return numbers
    }
}
