/// GitHub's pipe tables, the simple form: a one-line header, a delimiter row with the same number of
/// cells (`---`, `:--`, `:-:`, `--:`), then rows until a blank line or another block. A row with fewer
/// cells than the header is not padded with empty ones: padding would let a short row cost a wide
/// header's worth of output.
enum MarkdownTable {
    /// Wider headers are not tables. Each row costs at most this many cells, which keeps a table's
    /// work and output proportional to its text.
    static let maxColumns = 128

    /// The cells of a row: split at pipes that are not backslash-escaped, the outer pipes dropped, each
    /// cell trimmed. An escaped pipe stays `\|` for the inline reader, which shows it as `|`.
    static func cells(of row: ArraySlice<UInt8>, steps: inout Int) -> [ArraySlice<UInt8>] {
        steps += row.count
        var cells: [ArraySlice<UInt8>] = []
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")
        var start = row.startIndex
        var at = row.startIndex
        if at < row.endIndex && row[at] == pipe { at += 1; start = at }
        var lastWasPipe = false
        while at < row.endIndex {
            if row[at] == backslash {
                at += 2
                lastWasPipe = false
                continue
            }
            lastWasPipe = row[at] == pipe
            if lastWasPipe {
                cells.append(trimmed(row[start..<at]))
                start = at + 1
            }
            at += 1
        }
        // A row's closing pipe ends its last cell; without one the rest of the row is the last cell.
        if !lastWasPipe { cells.append(trimmed(row[start..<row.endIndex])) }
        return cells
    }

    /// The alignment of each column, when `row` is a delimiter row with at least one pipe.
    static func alignments(of row: ArraySlice<UInt8>, steps: inout Int) -> [HTMLWriter.Alignment?]? {
        guard row.contains(UInt8(ascii: "|")) else { return nil }
        var result: [HTMLWriter.Alignment?] = []
        for cell in cells(of: row, steps: &steps) {
            let left = cell.first == UInt8(ascii: ":"), right = cell.count > 1 && cell.last == UInt8(ascii: ":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : nil)
            guard result.count <= maxColumns else { return nil }
        }
        return result
    }

    private static func trimmed(_ cell: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var cell = cell
        while let first = cell.first, MarkdownCharacters.isSpaceOrTab(first) { cell.removeFirst() }
        while let last = cell.last, MarkdownCharacters.isSpaceOrTab(last) { cell.removeLast() }
        return cell
    }
}
