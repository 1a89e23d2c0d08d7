import Flowchart
import Foundation
import Yams

/// Writes a guide back as Markdown with its annotations in YAML front matter (every weight made
/// explicit, so an author sees the defaults), or as JSON. Importing the result gives the same guide.
public enum GuideExporter {
    public static func json(_ guide: Guide) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(guide)) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func markdown(_ guide: Guide) -> String {
        var out = "---\n" + FrontMatterWriter.yaml(guide) + "---\n"
        let hasTitleHeading = guide.preface.contains { $0.level == 1 }
        if !hasTitleHeading && guide.stageLevel > 0 { out += "\n# \(guide.title)\n" }
        for section in guide.preface { out += write(section) }
        let chinese = guide.language == "zh" || (guide.language == nil && guide.title.unicodeScalars.contains { TerminalWidth.isWide($0) })
        for stage in guide.stages { out += write(stage, in: guide, chinese: chinese) }
        for section in guide.afterword { out += write(section) }
        return out
    }

    private static func write(_ section: Section) -> String {
        var out = "\n"
        if section.level > 0 { out += String(repeating: "#", count: section.level) + " " + section.title + "\n" }
        if !section.body.isEmpty { out += section.body + "\n" }
        return out
    }

    private static func write(_ stage: Stage, in guide: Guide, chinese: Bool) -> String {
        var out = ""
        if guide.stageLevel > 0 {
            let number = stage.number.map { $0 + ". " } ?? ""
            out += "\n" + String(repeating: "#", count: guide.stageLevel) + " " + number + stage.title
                + SectionHeading.marker(stage.requirement, chinese: chinese) + "\n"
            if !stage.guidance.isEmpty { out += stage.guidance + "\n" }
            if !stage.questions.isEmpty {
                out += "\n" + stage.questions.map(write).joined(separator: "\n") + "\n"
            }
        }
        var written = Set<String>()
        for topic in stage.topics {
            for group in chain(of: topic.group, in: stage) where written.insert(group.key).inserted {
                out += heading(group.depth, group.number, group.title, guide) + (group.guidance.isEmpty ? "" : group.guidance + "\n")
            }
            if topic.depth > 0 { out += heading(topic.depth, topic.number, topic.title, guide) }
            // A chart right under the stage heading is a topic of the stage's own section: the prose there
            // is both the stage's and the topic's, and written for each it doubled with every export (a probe).
            let stageProse = topic.depth == 0 && guide.stageLevel > 0 && topic.guidance == stage.guidance
            if !topic.guidance.isEmpty && !stageProse { out += topic.guidance + "\n" }
            out += "```" + GuideConversion.infoString(DiagramSyntax.of(topic.flowchart)) + "\n" + topic.flowchart + "\n```\n"
        }
        for group in stage.groups where written.insert(group.key).inserted {
            out += heading(group.depth, group.number, group.title, guide) + (group.guidance.isEmpty ? "" : group.guidance + "\n")
        }
        return out
    }

    /// A stage's prompt as it reads back the same: numbered under the stage ("2.1 …") as a line of its own,
    /// a list item with it when it has nested lines; numbered by its place in the list ("1") as an item of
    /// an ordered list (written "1 …", it read back as prose, no longer a prompt: a probe). Nested lines
    /// under the item, indented past its marker.
    private static func write(_ q: StageQuestion) -> String {
        let text = q.text + (q.reference.map { "(\($0))" } ?? "")
        let line = !q.number.contains(".") ? "\(q.number). \(text)" : q.details == nil ? "\(q.number) \(text)" : "- \(q.number) \(text)"
        guard let details = q.details else { return line }
        return line + "\n" + details.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "   " + $0 }.joined(separator: "\n")
    }

    /// The group and the groups around it, outermost first.
    private static func chain(of key: String?, in stage: Stage) -> [TopicGroup] {
        var result: [TopicGroup] = []
        var current = key
        while let k = current, let group = stage.groups.first(where: { $0.key == k }), !result.contains(group) {
            result.insert(group, at: 0)
            current = group.parent
        }
        return result
    }

    private static func heading(_ depth: Int, _ number: String?, _ title: String, _ guide: Guide) -> String {
        "\n" + String(repeating: "#", count: guide.stageLevel + depth) + " " + (number.map { $0 + " " } ?? "") + title + "\n"
    }
}
