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
            report(.error, .frontMatter, at: Self.mark(of: error), "the front matter is not valid YAML: \(Self.problem(of: error))")
            return notes
        } catch {
            report(.error, .frontMatter, at: nil, "the front matter is not valid YAML: \(error)")
            return notes
        }
        guard let root else { return notes }
        guard let mapping = root.mapping else {
            report(.error, .frontMatter, at: root.mark, "the front matter must be a mapping of keys such as 'topics:' and 'scale:'")
            return notes
        }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "guide": readGuide(value, into: &notes)
            case "scale": readScale(value, into: &notes)
            case "stages": readStages(value, into: &notes)
            case "topics": readTopics(value, into: &notes)
            case "recommendation", "bands": readBands(value, into: &notes)
            case let other:
                let known = ["guide", "scale", "stages", "topics", "recommendation"]
                let guess = Suggestions.closest(other, in: known)
                report(.warning, .unknownAnnotation, at: key.mark,
                       "unknown front matter key '\(other)'\(guess.map { " — did you mean '\($0)'?" } ?? "; known keys are \(known.joined(separator: ", "))")")
            }
        }
        return notes
    }

    private mutating func readGuide(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, "guide") else { return }
        for (key, value) in mapping {
            let text = value.string
            switch key.string ?? "" {
            case "id": notes.id = text
            case "title": notes.title = text
            case "language": notes.language = text
            case "audience": notes.audience = text
            case let other: report(.warning, .unknownAnnotation, at: key.mark, "unknown key 'guide.\(other)'; known keys are id, title, language, audience")
            }
        }
    }

    private mutating func readScale(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, "scale") else { return }
        var anchors: [Int: String] = [:]
        for (key, value) in mapping {
            guard let level = key.int else {
                report(.error, .invalidAnnotation, at: key.mark, "a rating level must be a whole number such as 0 or 4, not '\(key.string ?? "")'")
                continue
            }
            anchors[level] = value.string ?? ""
        }
        if let low = anchors.keys.min(), let high = anchors.keys.max(), anchors.count != high - low + 1 {
            report(.error, .invalidAnnotation, at: node.mark, "the rating scale skips levels: give an anchor for every level from \(low) to \(high)")
        }
        if !anchors.isEmpty {
            notes.scale = anchors
            notes.scalePosition = position(node.mark)
        }
    }

    private mutating func readStages(_ node: Yams.Node, into notes: inout Annotations) {
        guard let mapping = expectMapping(node, "stages") else { return }
        for (key, value) in mapping {
            guard let stage = key.string, let settings = expectMapping(value, "stages.\(key.string ?? "")") else { continue }
            for (name, setting) in settings {
                guard name.string == "minutes" else {
                    report(.warning, .unknownAnnotation, at: name.mark, "unknown key '\(name.string ?? "")' for stage \(stage); stages take 'minutes'")
                    continue
                }
                guard let minutes = setting.int, minutes >= 0 else {
                    report(.error, .invalidAnnotation, at: setting.mark, "minutes for stage \(stage) must be a whole number of minutes, 0 or more")
                    continue
                }
                notes.stages[Annotations.Located(value: stage, position: position(key.mark))] = minutes
            }
        }
    }

    mutating func report(_ severity: Severity, _ code: DiagnosticCode, at mark: Mark?, _ message: String) {
        diagnostics.append(Diagnostic(severity, code, at: position(mark), message))
    }

    func position(_ mark: Mark?) -> SourcePosition {
        SourcePosition(line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    mutating func expectMapping(_ node: Yams.Node, _ name: String) -> Yams.Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        report(.error, .invalidAnnotation, at: node.mark, "'\(name)' must be a mapping (keys with values below it)")
        return nil
    }

    mutating func number(_ node: Yams.Node, _ name: String) -> Double? {
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            report(.error, .invalidAnnotation, at: node.mark, "\(name) must be a number, not '\(node.string ?? "")'")
            return nil
        }
        guard value >= 0 else {
            report(.error, .invalidAnnotation, at: node.mark, "\(name) must not be negative (\(node.string ?? ""))")
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
