import Flowchart
import Yams

/// Walks the front matter's YAML tree into `Annotations`, reporting each unknown key or badly
/// typed value at its own line.
struct AnnotationReader {
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    init(lineOffset: Int) {
        self.lineOffset = lineOffset
    }

    mutating func read(_ yaml: String) -> Annotations {
        var notes = Annotations()
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let problem = Self.problem(of: error)
            report(.error, .frontMatter, at: Self.mark(of: error), LocalizedText(
                en: "the front matter is not valid YAML: \(problem)",
                zh: "前置元数据不是有效的 YAML：\(problem)"))
            return notes
        } catch {
            report(.error, .frontMatter, at: nil, LocalizedText(
                en: "the front matter is not valid YAML: \(error)",
                zh: "前置元数据不是有效的 YAML：\(error)"))
            return notes
        }
        guard let root else { return notes }
        guard let mapping = root.mapping else {
            report(.error, .frontMatter, at: root.mark, LocalizedText(
                en: "the front matter must be a mapping of keys such as 'topics:' and 'scale:'",
                zh: "前置元数据必须是由键组成的映射，例如 'topics:' 和 'scale:'"))
            return notes
        }
        // `title:` and the other guide settings at the top, as Jekyll, Hugo and Obsidian front matter writes
        // them (GitHub shows that front matter as a table): read as under `guide:`, which wins when both say.
        var topLevel: [(key: Yams.Node, value: Yams.Node)] = []
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "guide": readGuide(value, into: &notes)
            case let setting where Self.guideSettings.contains(setting): topLevel.append((key, value))
            case "scale": readScale(value, into: &notes)
            case "stages": readStages(value, into: &notes)
            case "topics": readTopics(value, into: &notes)
            case "recommendation", "bands": readBands(value, into: &notes)
            case let other:
                let known = ["guide", "scale", "stages", "topics", "recommendation"]
                let unknown = LocalizedText(en: "unknown front matter key '\(other)'", zh: "未知的前置元数据键 '\(other)'")
                unknownKey(other, at: key.mark, known: known, unknown, otherwise: unknown + .knownKeys(known))
            }
        }
        var underGuide = notes
        for (key, value) in topLevel { readGuideSetting(key, value, into: &underGuide) }
        (notes.id, notes.title) = (notes.id ?? underGuide.id, notes.title ?? underGuide.title)
        (notes.language, notes.audience) = (notes.language ?? underGuide.language, notes.audience ?? underGuide.audience)
        return notes
    }

    static let guideSettings = ["id", "title", "language", "audience"]

    private mutating func readGuide(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, .verbatim("guide")) else { return }
        for (key, value) in mapping {
            guard Self.guideSettings.contains(key.string ?? "") else {
                let other = key.string ?? ""
                report(.warning, .unknownAnnotation, at: key.mark, LocalizedText(
                    en: "unknown key 'guide.\(other)'; known keys are id, title, language, audience",
                    zh: "未知的键 'guide.\(other)'；可用的键有 id、title、language、audience"))
                continue
            }
            readGuideSetting(key, value, into: &notes)
        }
    }

    private func readGuideSetting(_ key: Yams.Node, _ value: Yams.Node, into notes: inout Annotations) {
        let text = value.string
        switch key.string ?? "" {
        case "id": notes.id = text
        case "title": notes.title = text
        case "language": notes.language = text
        default: notes.audience = text
        }
    }

    private mutating func readScale(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, .verbatim("scale")) else { return }
        var anchors: [Int: String] = [:]
        for (key, value) in mapping {
            guard let level = key.int else {
                let written = key.string ?? ""
                report(.error, .invalidAnnotation, at: key.mark, LocalizedText(
                    en: "a rating level must be a whole number such as 0 or 4, not '\(written)'",
                    zh: "评分等级必须是整数，例如 0 或 4，而不是 '\(written)'"))
                continue
            }
            anchors[level] = value.string ?? ""
        }
        if let low = anchors.keys.min(), let high = anchors.keys.max(), anchors.count != high - low + 1 {
            report(.error, .invalidAnnotation, at: node.mark, LocalizedText(
                en: "the rating scale skips levels: give an anchor for every level from \(low) to \(high)",
                zh: "评分量表跳过了某些等级：请为 \(low) 到 \(high) 的每个等级都写上锚定描述"))
        }
        if !anchors.isEmpty {
            notes.scale = anchors
            notes.scalePosition = position(node.mark)
        }
    }

    private mutating func readStages(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, .verbatim("stages")) else { return }
        for (key, value) in mapping {
            guard let stage = key.string, let settings = expectMapping(value, .verbatim("stages.\(stage)")) else { continue }
            for (name, setting) in settings {
                guard name.string == "minutes" else {
                    let written = name.string ?? ""
                    report(.warning, .unknownAnnotation, at: name.mark, LocalizedText(
                        en: "unknown key '\(written)' for stage \(stage); stages take 'minutes'",
                        zh: "阶段 \(stage) 中有未知的键 '\(written)'；阶段只接受 'minutes'"))
                    continue
                }
                guard let minutes = setting.int, minutes >= 0 else {
                    report(.error, .invalidAnnotation, at: setting.mark, LocalizedText(
                        en: "minutes for stage \(stage) must be a whole number of minutes, 0 or more",
                        zh: "阶段 \(stage) 的 minutes 必须是不小于 0 的整数（分钟数）"))
                    continue
                }
                notes.stages[Annotations.Located(value: stage, position: position(key.mark))] = minutes
            }
        }
    }

    /// `weight：1.5`: a key followed by the input method's full-width colon is one string to YAML, and its
    /// topic was "not a mapping", naming neither the colon nor a fix (a guide author's probe). Each is said,
    /// with `: ` as the fix, and the YAML is read as meant, so the weight still counts.
    mutating func repairingWideColons(_ yaml: String) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "-" }
            let rest = line.dropFirst(indent.count)
            guard let colon = rest.firstIndex(of: "："), !rest.hasPrefix("#") else { continue }
            let key = rest[..<colon]
            // A key as people write one: a word, a number such as 2.4, or quoted; not prose with a colon.
            let quoted = key.count >= 2 && (key.first == "\"" || key.first == "'") && key.last == key.first
            guard !key.isEmpty, quoted || key.allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) }) else { continue }
            let column = line[..<colon].unicodeScalars.count + 1
            let after = rest[rest.index(after: colon)...]
            let meant = after.isEmpty || after.first == " " ? ":" : ": "
            let place = SourcePosition(line: index + 1 + lineOffset, column: column)
            diagnostics.append(Diagnostic(.error, .frontMatter, at: place, LocalizedText(
                en: "'\(key)：' has a full-width colon (from an input method); YAML needs '\(key):'",
                zh: "'\(key)：' 用了全角冒号（输入法输入的）；YAML 要写成 '\(key):'"),
                fix: Fix(start: place, end: SourcePosition(line: place.line, column: column + 1), replacement: meant)))
            lines[index] = String(line[..<colon]) + meant + after
        }
        return lines.joined(separator: "\n")
    }

    mutating func report(_ severity: Severity, _ code: DiagnosticCode, at mark: Mark?, _ text: LocalizedText) {
        diagnostics.append(Diagnostic(severity, code, at: position(mark), text))
    }

    func position(_ mark: Mark?) -> SourcePosition {
        SourcePosition(line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// `name` is a key path such as `topics.1.1` (`.verbatim`), or words naming the value.
    mutating func expectMapping(_ node: Yams.Node, _ name: LocalizedText) -> Yams.Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        report(.error, .invalidAnnotation, at: node.mark, LocalizedText(
            en: "'\(name.en)' must be a mapping (keys with values below it)",
            zh: "'\(name.zh)' 必须是映射（下面是带值的键）"))
        return nil
    }

    mutating func number(_ node: Yams.Node, _ name: LocalizedText) -> Double? {
        let written = node.string ?? ""
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            report(.error, .invalidAnnotation, at: node.mark, LocalizedText(
                en: "\(name.en) must be a number, not '\(written)'",
                zh: "\(name.zh)必须是数字，而不是 '\(written)'"))
            return nil
        }
        guard value >= 0 else {
            report(.error, .invalidAnnotation, at: node.mark, LocalizedText(
                en: "\(name.en) must not be negative (\(written))",
                zh: "\(name.zh)不能是负数（\(written)）"))
            return nil
        }
        return value
    }

    private static func mark(of error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        default: return "\(error)"
        }
    }
}

enum Suggestions {
    static func closest(_ word: String, in candidates: [String]) -> String? {
        candidates.first { $0.lowercased() == word.lowercased() }
            ?? candidates.min { distance($0, word) < distance($1, word) }.flatMap { distance($0, word) <= 2 ? $0 : nil }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
