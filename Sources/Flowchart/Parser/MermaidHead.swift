/// How much of a chart's text `MermaidParser.isFlowchart` needs to read: up to its first statement.
/// Issue: telling a bare file's syntax split the whole text into Substrings by Character before looking
/// at its first line — 2 ms for a 1,000-node flowchart.js file, six times its parse. The answer only
/// depends on the lines up to the first statement, so `isFlowchart` is asked about those alone.
enum MermaidHead {
    /// Whether `isFlowchart` says yes, reading only the head of `bytes` (valid UTF-8 from a String).
    static func isFlowchart(_ bytes: Bytes) -> Bool {
        guard let end = end(bytes) else {
            return MermaidParser.isFlowchart(String(decoding: bytes, as: UTF8.self))
        }
        return MermaidParser.isFlowchart(String(decoding: Bytes(rebasing: bytes[..<end]), as: UTF8.self))
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
}
