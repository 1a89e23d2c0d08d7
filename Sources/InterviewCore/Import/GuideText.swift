/// Prose and numbered questions in a guide's Markdown.
enum GuideText {
    /// The lines as Markdown, without the blank lines around them. Indentation is kept: the seed
    /// indents its paragraphs, and writing them back unchanged keeps import ∘ export exact.
    static func prose(_ lines: [MarkdownLine]) -> String {
        var texts = lines.map(\.text)
        while let first = texts.first, first.allSatisfy(\.isWhitespace) { texts.removeFirst() }
        while let last = texts.last, last.allSatisfy(\.isWhitespace) { texts.removeLast() }
        return texts.joined(separator: "\n")
    }

    /// The width of a line's indent: a space one column, a tab to the next multiple of four.
    static func indentWidth(_ line: String) -> Int {
        var width = 0
        for c in line {
            if c == " " { width += 1 } else if c == "\t" { width += 4 - width % 4 } else { break }
        }
        return width
    }

    /// "2.1 询问面试者自己的优点和缺点" inside stage 2 → a stage question numbered 2.1.
    static func numberedQuestion(_ line: String, prefix: String) -> StageQuestion? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard trimmed.hasPrefix(prefix) else { return nil }
        let afterPrefix = trimmed.dropFirst(prefix.count)
        let digits = afterPrefix.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        var rest = afterPrefix.dropFirst(digits.count)
        if let c = rest.first, c == "." || c == "、" || c == ")" || c == "）" { rest = rest.dropFirst() }
        let text = rest.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let (question, reference) = ReferenceAnswer.split(text)
        return StageQuestion(number: prefix + digits, text: question, reference: reference)
    }

    /// The text of a Markdown list item ("- …", "* …", "+ …", "1. …", "1) …", "1、…") at most three
    /// spaces in, or nil. Guides found in the wild list a stage's questions this way as often as they
    /// number them in prose; a thematic break ("* * *", "- - -") is not an item.
    static func listItem(_ line: String) -> String? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        var rest = line.dropFirst(indent)
        guard let first = rest.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let marker = rest.first, marker == "." || marker == ")" || marker == "、" else { return nil }
            rest = rest.dropFirst()
            if marker == "、" { return nonEmpty(rest) }
        }
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        let text = rest.trimmingCharacters(in: .whitespaces)
        if first == "-" || first == "*" || first == "+", text.allSatisfy({ $0 == first || $0 == " " }) { return nil }
        return nonEmpty(Substring(text))
    }

    private static func nonEmpty(_ text: Substring) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A list item as the stage's next question: numbered after the stage ("2.3") like the prose form, or
    /// by the number it is written with (`- 4.1 …` read "1 4.1 …", and `- 2.1 …` in stage 2 "2.1 2.1 …":
    /// a recheck); `ownNumber` says which.
    static func listQuestion(_ line: String, stageNumber: String?, index: Int) -> (question: StageQuestion, ownNumber: Bool)? {
        guard let text = listItem(line) else { return nil }
        if let (number, rest) = dottedNumber(text) {
            let (question, reference) = ReferenceAnswer.split(rest)
            return (StageQuestion(number: number, text: question, reference: reference), true)
        }
        let (question, reference) = ReferenceAnswer.split(text)
        return (StageQuestion(number: stageNumber.map { "\($0).\(index)" } ?? String(index), text: question, reference: reference), false)
    }

    /// "4.1 Prefixed first" → ("4.1", "Prefixed first"): digits with at least one dot, then a space.
    private static func dottedNumber(_ text: String) -> (String, String)? {
        let number = text.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        guard number.contains("."), number.first?.isNumber == true, number.last?.isNumber == true,
              !number.contains(".."), number.count < text.count else { return nil }
        let rest = text.dropFirst(number.count)
        guard rest.first == " " || rest.first == "\t" || rest.first == "\u{3000}" else { return nil }
        let question = rest.trimmingCharacters(in: .whitespaces)
        return question.isEmpty ? nil : (String(number), question)
    }
}

import Flowchart
import Foundation

/// Open-question topics are pick lists: the interviewer picks as the moment fits rather than walking
/// the chart. Recognised from the topic's own words unless the front matter says `pickList:`.
enum PickList {
    static let instructionWords = ["选择问题", "择机", "挑选", "任选", "选题", "pick", "choose", "as the moment fits", "when the moment fits"]
    static let guidanceWords = ["择机", "as the moment fits", "when the moment fits", "pick list"]

    /// The chart's own instruction ("根据时机情况选择问题") makes a pick list. The guidance's words do only
    /// for a chart without a gate: "enter this topic when the moment fits" (择机进入) says when to start
    /// it, and a chart with a "go deeper?" gate was drawn to be walked (read as a pick list, its gate was
    /// never asked and the deeper questions were pickable without it).
    static func looksLikeOne(instructions: [Instruction], guidance: String, hasGates: Bool) -> Bool {
        instructions.contains { i in instructionWords.contains { i.text.lowercased().contains($0) } }
            || (!hasGates && guidanceSays(guidance))
    }

    static func guidanceSays(_ guidance: String) -> Bool {
        let lowerGuidance = guidance.lowercased()
        return guidanceWords.contains { lowerGuidance.contains($0) }
    }
}
