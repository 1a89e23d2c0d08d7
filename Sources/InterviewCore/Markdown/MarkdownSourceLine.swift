/// One line of the document under the block reader's cursor. Indentation is counted in columns with
/// tab stops of 4 (CommonMark), and a container's indentation may end inside a tab, so the cursor can
/// hold part of a tab as spaces still to be read.
struct MarkdownSourceLine {
    let text: [UInt8]
    let end: Int
    /// Just past the last byte that is not a space or tab: the rest of the line is blank from there.
    let contentEnd: Int
    private(set) var position: Int
    private(set) var column = 0
    /// Columns of the tab at `position` not yet read; the cursor is inside that tab while this is > 0.
    private(set) var partialTab = 0

    /// Indentation beyond this is never needed (code needs 4, a list item's content at most 3 + 10 + 4),
    /// so measuring stops here and a line of a million spaces costs the same as one of forty.
    static let indentLimit = 40

    init(text: [UInt8], start: Int, end: Int) {
        self.text = text
        self.end = end
        position = start
        var last = end
        while last > start && MarkdownCharacters.isSpaceOrTab(text[last - 1]) { last -= 1 }
        contentEnd = last
    }

    var isBlank: Bool { position >= contentEnd }

    /// The byte at the cursor (a space while inside a tab), or nil at the end.
    var byte: UInt8? { partialTab > 0 ? MarkdownCharacters.space : position < end ? text[position] : nil }

    /// Columns of whitespace ahead (at most `indentLimit`) and the position of the first other byte.
    func indent() -> (columns: Int, next: Int) {
        var columns = partialTab
        var at = partialTab > 0 ? position + 1 : position
        while at < end && columns < Self.indentLimit {
            let byte = text[at]
            if byte == MarkdownCharacters.space {
                columns += 1
            } else if byte == MarkdownCharacters.tab {
                columns += 4 - (column + columns) % 4
            } else {
                break
            }
            at += 1
        }
        return (columns, at)
    }

    /// Reads `count` columns of whitespace, splitting a tab when the count ends inside one.
    mutating func skipColumns(_ count: Int) {
        var left = count
        while left > 0 && position < end {
            if partialTab > 0 {
                let take = min(left, partialTab)
                partialTab -= take; column += take; left -= take
                if partialTab == 0 { position += 1 }
            } else if text[position] == MarkdownCharacters.tab {
                let width = 4 - column % 4
                if width <= left {
                    position += 1; column += width; left -= width
                } else {
                    partialTab = width - left; column += left; left = 0
                }
            } else if text[position] == MarkdownCharacters.space {
                position += 1; column += 1; left -= 1
            } else {
                return
            }
        }
    }

    /// Reads all whitespace up to the next other byte.
    mutating func skipWhitespace() {
        while let byte, MarkdownCharacters.isSpaceOrTab(byte) {
            skipColumns(partialTab > 0 ? partialTab : byte == MarkdownCharacters.tab ? 4 - column % 4 : 1)
        }
    }

    /// Reads one byte of syntax (a `>` or a list marker); never inside a tab.
    mutating func skipByte(_ count: Int = 1) {
        position += count
        column += count
    }

    /// The rest of the line as text: what is left of a split tab becomes spaces.
    var rest: [UInt8] {
        guard partialTab > 0 else { return Array(text[min(position, end)..<end]) }
        return Array(repeating: MarkdownCharacters.space, count: partialTab) + text[(position + 1)..<end]
    }

    /// The rest after its leading whitespace, as a paragraph line keeps it.
    var restTrimmingLeadingWhitespace: ArraySlice<UInt8> {
        var at = partialTab > 0 ? position + 1 : position
        while at < end && MarkdownCharacters.isSpaceOrTab(text[at]) { at += 1 }
        return text[at..<end]
    }

    /// The rest without whitespace at either end, as a table row is split.
    var trimmedRest: ArraySlice<UInt8> {
        let rest = restTrimmingLeadingWhitespace
        return rest[rest.startIndex..<max(rest.startIndex, contentEnd)]
    }
}

extension MarkdownSourceLine {
    /// `<!--` at `at`: an HTML comment block starts (CommonMark's type 2).
    func opensComment(at at: Int) -> Bool {
        at + 3 < end && text[at] == UInt8(ascii: "<") && text[at + 1] == UInt8(ascii: "!")
            && text[at + 2] == UInt8(ascii: "-") && text[at + 3] == UInt8(ascii: "-")
    }

    /// Whether `-->` stands anywhere from the cursor to the line's end: it ends a comment block.
    func containsCommentEnd(steps: inout Int) -> Bool {
        var at = position
        while at + 2 < end {
            if text[at] == UInt8(ascii: "-") && text[at + 1] == UInt8(ascii: "-") && text[at + 2] == UInt8(ascii: ">") { return true }
            at += 1
        }
        steps += end - position
        return false
    }
}
