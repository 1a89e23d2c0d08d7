/// The flowchart text as UTF-8 bytes with a table of line starts. The parser works on bytes because
/// 50,000-node diagrams must parse in milliseconds; columns are counted in Unicode scalars only when
/// a diagnostic or a node needs a position.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each physical line starts.
    let lineStarts: [Int]
    /// The line number of the text's first line in the user's file (a ```flow block starts mid-file).
    let firstLine: Int

    init(_ text: String, firstLine: Int) {
        var bytes = Array(text.utf8)
        // A byte-order mark is invisible to the author; flowchart.js trims it with the rest of the whitespace.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20]) }
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 1)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
        self.firstLine = firstLine
    }

    /// The physical line (0-based) holding a byte offset.
    func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func position(_ offset: Int) -> SourcePosition {
        let index = lineIndex(of: offset)
        var column = 1
        var i = lineStarts[index]
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: firstLine + index, column: column)
    }

    /// The text of a physical line without its line break, for snippets in messages.
    func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
