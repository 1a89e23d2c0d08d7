import Flowchart

/// Question ids renamed in the front matter by a conversion, in place: only the key's own characters
/// change, so the author's comments, order and quoting around it stay as written.
enum FrontMatterKeys {
    struct Edit {
        /// The key as the front matter writes it, and where.
        var key: Annotations.Located<String>
        var new: String
    }

    static func hasFrontMatter(_ lines: [String]) -> Bool {
        GuideImporter.frontMatterLineCount(lines.map { Substring($0) }) > 0
    }

    /// Each key replaced on its line: at its column when the key is written there (plain, or in either
    /// quotes), else where the line has it once as a key. The new id is written in double quotes (a
    /// renamed id can start with a digit or hold a `-`). A key not found so is said: the author renames it.
    static func rename(_ edits: [Edit], in lines: inout [String]) -> [Diagnostic] {
        var unfound: [Diagnostic] = []
        for edit in edits {
            let index = edit.key.position.line - 1
            guard lines.indices.contains(index), let range = keyRange(edit.key.value, in: lines[index], column: edit.key.position.column) else {
                unfound.append(Diagnostic(.warning, .idRenamed, at: edit.key.position, .frontMatterKeyNotRenamed(edit.key.value, as: edit.new)))
                continue
            }
            lines[index].replaceSubrange(range, with: "\"" + edit.new + "\"")
        }
        return unfound
    }

    private static func keyRange(_ key: String, in line: String, column: Int) -> Range<String.Index>? {
        let spellings = ["\"" + key + "\"", "'" + key + "'", key]
        // The column counts characters from 1, as the YAML reader's marks do.
        if let at = line.index(line.startIndex, offsetBy: column - 1, limitedBy: line.endIndex) {
            for spelling in spellings where line[at...].hasPrefix(spelling) && isKeyEnd(line, line.index(at, offsetBy: spelling.count)) {
                return at..<line.index(at, offsetBy: spelling.count)
            }
        }
        for spelling in spellings {
            let found = line.ranges(of: spelling).filter { isKeyEnd(line, $0.upperBound) && isKeyStart(line, $0.lowerBound) }
            if found.count == 1 { return found[0] }
        }
        return nil
    }

    /// A key ends at `:` (spaces before it allowed).
    private static func isKeyEnd(_ line: String, _ at: String.Index) -> Bool {
        line[at...].drop { $0 == " " }.first == ":"
    }

    /// A key starts the line's text or follows `{` or `,` (a flow mapping).
    private static func isKeyStart(_ line: String, _ at: String.Index) -> Bool {
        let before = line[..<at].reversed().drop { $0 == " " }.first
        return before == nil || before == "{" || before == ","
    }
}

extension LocalizedText {
    static func idRenamed(_ id: String, as new: String, in target: DiagramSyntax, frontMatter: Bool) -> LocalizedText {
        let reserved = target == .mermaid && MermaidWriter.isReserved(id)
        let why = reserved
            ? LocalizedText(en: "Mermaid reads the id '\(id)' as a keyword", zh: "Mermaid 会把 id“\(id)”读成关键字")
            : LocalizedText(en: "\(target == .mermaid ? "a Mermaid" : "a flowchart.js") id cannot hold every character of '\(id)'",
                            zh: "\(target == .mermaid ? "Mermaid" : "flowchart.js") 的 id 中不能有“\(id)”里的某些字符")
        return why + LocalizedText(
            en: ": it is written '\(new)', the question's key in scores and reports from now on" + (frontMatter ? "; the front matter's entry for it is renamed too" : ""),
            zh: "：已写成“\(new)”，今后的评分和报告都用这个键" + (frontMatter ? "；前置元数据中的对应条目也已改名" : ""))
    }

    static func frontMatterKeyNotRenamed(_ id: String, as new: String) -> LocalizedText {
        LocalizedText(
            en: "the front matter names the question '\(id)', renamed '\(new)' in its chart, in a way this conversion cannot rewrite in place; rename it to '\(new)' there",
            zh: "前置元数据中的问题“\(id)”在流程图中已改名为“\(new)”，但这里的写法无法原地改写；请在前置元数据中把它改为“\(new)”")
    }
}
