/// How much of a chart's text `MermaidParser.isFlowchart` needs to read: up to its first statement.
/// Issue: telling a bare file's syntax split the whole text into Substrings by Character before looking
/// at its first line — 2 ms for a 1,000-node flowchart.js file, six times its parse. The answer only
/// depends on the lines up to the first statement, so `isFlowchart` is asked about those alone.
enum MermaidHead {
    /// Whether `isFlowchart` says yes, reading only the head of `bytes` (valid UTF-8 from a String).
    static func isFlowchart(_ bytes: Bytes) -> Bool {
        if let answer = firstLineAnswer(bytes) { return answer }
        guard let end = end(bytes) else {
            return MermaidParser.isFlowchart(String(decoding: bytes, as: UTF8.self))
        }
        return MermaidParser.isFlowchart(String(decoding: Bytes(rebasing: bytes[..<end]), as: UTF8.self))
    }

    /// Whether a ```mermaid block is blank or another kind of diagram (`MermaidParser.isOtherDiagram`).
    /// Asked only of blocks that are not flowcharts, which are few, so the String path is fine.
    static func isOtherDiagram(_ bytes: Bytes) -> Bool {
        MermaidParser.isOtherDiagram(headText(bytes))
    }

    /// `MermaidParser.startsLikeFlowchartJS` of the head of `bytes`.
    static func startsLikeFlowchartJS(_ bytes: Bytes) -> Bool {
        MermaidParser.startsLikeFlowchartJS(headText(bytes))
    }

    /// The text up to the end of the line that holds the first statement (`end`), or all of it.
    private static func headText(_ bytes: Bytes) -> String {
        String(decoding: Bytes(rebasing: bytes[..<(end(bytes) ?? bytes.count)]), as: UTF8.self)
    }

    /// The end of the first line that surely holds the first statement (so a text cut there gets the same
    /// answer), or nil when that is not plain from the bytes: a `---` front matter block may open the text.
    /// Lines are split where `isFlowchart` splits them, at a "\n" that is a Character of its own.
    /// A line surely holds a statement when, after leading spaces and tabs, its next byte is neither "\r"
    /// nor '%': `isFlowchart` trims only " ", "\t" and "\r" Characters, so it finds a non-empty line there
    /// that does not start with "%%". Lines it skips but this does not (a CR before other text) only
    /// move the cut later, which changes nothing.
    static func end(_ bytes: Bytes) -> Int? {
        var start = 0
        while start <= bytes.count {
            let end = MarkdownScanner.nextLineBreak(bytes, from: start)
            if start == 0 {
                var i = 0
                while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
                if i < end, bytes[i] == UInt8(ascii: "-") { return nil }
            }
            var i = start
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if i < end, bytes[i] != 0x0D, bytes[i] != UInt8(ascii: "%") { return end }
            start = end + 1
        }
        return bytes.count
    }

    /// `isFlowchart`'s answer from the bytes alone when the first line is a statement in plain ASCII, as
    /// nearly every chart's is (`flowchart TD`, `st=>start: …`); nil leaves the rest to `isFlowchart`.
    /// Issue 16: making a String of the head and splitting and trimming it by Character was 15,000
    /// instructions a file, a third of reading a small chart (callgrind, 200 two-node files).
    /// Exact because every byte it decides on is a Character of its own: an ASCII byte other than "\r"
    /// joins no neighbour except a following combining mark (a non-ASCII byte), which is checked for where
    /// the keyword stops; so the line's first Character is the first non-blank byte, which is not one
    /// `isFlowchart` skips or trims (CR, `%%`, the `---` of front matter), and the keyword is the bytes up to
    /// the first space, tab or ';'.
    static func firstLineAnswer(_ bytes: Bytes) -> Bool? {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] < 0x80, bytes[i] != 0x0D, bytes[i] != 0x0A,
              bytes[i] != UInt8(ascii: "%"), bytes[i] != UInt8(ascii: "-") else { return nil }
        let start = i
        while i < bytes.count, bytes[i] < 0x80, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x3B,
              bytes[i] != 0x0D, bytes[i] != 0x0A { i += 1 }
        if i < bytes.count {
            // A CR or a non-ASCII byte may join the keyword's last byte into one Character; and a space,
            // tab or ';' ends the keyword only if no combining mark follows it. "\n" after ASCII ends a line.
            switch bytes[i] {
            case 0x0A: break
            case 0x20, 0x09, 0x3B: guard i + 1 == bytes.count || bytes[i + 1] < 0x80 else { return nil }
            default: return nil
            }
        }
        let keyword = Bytes(rebasing: bytes[start..<i])
        return keyword.elementsEqual("flowchart".utf8) || keyword.elementsEqual("graph".utf8)
            || keyword.elementsEqual("flowchart-elk".utf8)
    }
}
