/// How a line (from `next`, its first byte after at most three columns of indentation) can start a
/// block. Each test reads the line at most once and adds what it read to `steps`.
extension MarkdownSourceLine {
    /// `#` to `######`, then a space, a tab or the end: the level and the heading's text, without the
    /// optional closing run of `#`.
    func atxHeading(at next: Int, steps: inout Int) -> (level: Int, text: ArraySlice<UInt8>)? {
        var at = next
        while at < end && at - next < 7 && text[at] == UInt8(ascii: "#") { at += 1 }
        let level = at - next
        steps += level
        guard (1...6).contains(level), at == end || MarkdownCharacters.isSpaceOrTab(text[at]) else { return nil }
        var start = at, stop = contentEnd
        while start < stop && MarkdownCharacters.isSpaceOrTab(text[start]) { start += 1 }
        // A closing sequence counts only when whitespace (or nothing) comes before it: `# C#` keeps its #.
        var hashes = stop
        while hashes > start && text[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
        if hashes == start || MarkdownCharacters.isSpaceOrTab(text[hashes - 1]) {
            stop = hashes
            while stop > start && MarkdownCharacters.isSpaceOrTab(text[stop - 1]) { stop -= 1 }
        }
        steps += stop - at
        return (level, text[start..<stop])
    }

    /// Three or more backticks or tildes: the fence and its info string. A backtick fence's info may
    /// not contain a backtick (that line is inline code instead).
    func fenceOpening(at next: Int, steps: inout Int) -> (character: UInt8, length: Int, info: ArraySlice<UInt8>)? {
        guard next < end, text[next] == UInt8(ascii: "`") || text[next] == UInt8(ascii: "~") else { return nil }
        let character = text[next]
        var at = next
        while at < end && text[at] == character { at += 1 }
        let length = at - next
        guard length >= 3 else { return nil }
        var start = at
        while start < contentEnd && MarkdownCharacters.isSpaceOrTab(text[start]) { start += 1 }
        let info = text[start..<max(start, contentEnd)]
        steps += contentEnd - next
        if character == UInt8(ascii: "`") && info.contains(character) { return nil }
        return (character, length, info)
    }

    /// A run of the fence's character at least as long as the fence, then only whitespace.
    func closesFence(at next: Int, _ fence: MarkdownFence, steps: inout Int) -> Bool {
        var at = next
        while at < contentEnd && text[at] == fence.character { at += 1 }
        steps += at - next + 1
        return at - next >= fence.length && at == contentEnd
    }

    /// A setext underline (`===` or `---`, then only whitespace): the heading level it makes.
    func setextLevel(at next: Int, steps: inout Int) -> Int? {
        guard next < end, text[next] == UInt8(ascii: "=") || text[next] == UInt8(ascii: "-") else { return nil }
        var at = next
        while at < contentEnd && text[at] == text[next] { at += 1 }
        steps += at - next
        guard at == contentEnd else { return nil }
        return text[next] == UInt8(ascii: "=") ? 1 : 2
    }

    /// Three or more of the same `-`, `*` or `_`, with only spaces and tabs between. When it is not, the
    /// answer says where it failed, so a later test on the same line with the same marker can stop
    /// there (`- - - … x` opens nested items and would otherwise be rescanned for each).
    func thematicBreak(at next: Int, steps: inout Int) -> (isBreak: Bool, failedAt: Int) {
        guard next < end else { return (false, next) }
        let marker = text[next]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_") else { return (false, next) }
        var count = 0, at = next
        while at < end {
            if text[at] == marker { count += 1 } else if !MarkdownCharacters.isSpaceOrTab(text[at]) { break }
            at += 1
        }
        steps += at - next
        return (at == end && count >= 3, at)
    }

    /// A bullet (`-`, `+`, `*`) or a number of up to nine digits with `.` or `)`, followed by a space, a
    /// tab or the end: the list style and the marker's width in bytes.
    func listMarker(at next: Int) -> (style: MarkdownListStyle, width: Int)? {
        guard next < end else { return nil }
        let first = text[next]
        var style: MarkdownListStyle
        var at = next
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            style = MarkdownListStyle(ordered: false, marker: first, start: 1)
            at += 1
        } else {
            var number = 0
            while at < end && at - next < 9, case UInt8(ascii: "0")...UInt8(ascii: "9") = text[at] {
                number = number * 10 + Int(text[at] - UInt8(ascii: "0"))
                at += 1
            }
            guard at > next, at < end, text[at] == UInt8(ascii: ".") || text[at] == UInt8(ascii: ")") else { return nil }
            style = MarkdownListStyle(ordered: true, marker: text[at], start: number)
            at += 1
        }
        guard at == end || MarkdownCharacters.isSpaceOrTab(text[at]) else { return nil }
        return (style, at - next)
    }
}
