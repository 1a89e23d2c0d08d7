#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fenced block as the scan finds it: where its content lies in the document's bytes, so the
/// document path parses it in place instead of copying it into a String first.
struct ScannedBlock {
    var info: String
    var headingPath: [MarkdownHeading]
    var fenceLine: Int
    /// The bytes between the opening fence's line break and the closing fence's (or the end).
    var content: Range<Int>
    var isUnclosed: Bool
    var closingLine: Int
    /// The line that closes the block: its opening fence's character, as many times (```, ~~~, ````).
    var closingFence: String
    /// For a block never closed: the heading it is taken to end before (`MarkdownScanner.endsUnclosed`).
    var endsBefore: MarkdownHeading? = nil
}

/// The Markdown scan over UTF-8 bytes. Issue: the scan split the document into Substrings by
/// Character and appended each fenced line to an array that was copied per line (quadratic: 24 s for a
/// 50,000-node guide; 13 ms at 1,000 nodes, six times the parse). Here a line is found with memchr
/// and rejected on its first bytes; only a line that could be a fence or a heading (a few per guide)
/// is read the old way, by Character, so every decision is the one the Character reading made.
enum MarkdownScanner {
    static func scan(_ bytes: Bytes) -> (blocks: [ScannedBlock], headings: [MarkdownHeading], comments: [MarkdownComment]) {
        var blocks: [ScannedBlock] = []
        var headings: [MarkdownHeading] = []
        // `<!--` … `-->` on lines of their own (CommonMark's HTML block of type 2): a maintainer's note, or
        // a chart or list put aside, which GitHub and editors hide. Nothing inside is a fence or heading.
        var comments: [MarkdownComment] = []
        var commentFrom = 0   // the line an open comment began on, 0 when none is open
        var path: [MarkdownHeading] = []
        var open: (fence: Fence, line: Int, contentStart: Int)?
        var openByte: UInt8 = 0   // the open fence's byte, 0 when no fence is open
        var number = 0
        var lineStart = 0
        var reachedEnd = false
        // The first heading inside the open block that could end it, with where its line starts.
        var ending: (heading: MarkdownHeading, start: Int)?
        var recoveries = 0
        while !reachedEnd {
            let lineEnd = nextLineBreak(bytes, from: lineStart)
            reachedEnd = lineEnd == bytes.count
            number += 1
            var next = lineEnd + 1   // where the next line starts; a recovery goes back
            defer { lineStart = next }
            if openByte != 0 {
                let first = firstByte(bytes, lineStart, lineEnd)
                if first == UInt8(ascii: "#"), ending == nil, let current = open, recoveries < maxRecoveries,
                   let heading = endsUnclosed(line(bytes, lineStart, lineEnd), number, info: current.fence.info) {
                    ending = (heading, lineStart)
                }
                // The document ended inside a block that a heading could have ended: the block is taken to
                // end before it and the scan goes on from there, so the sections after it stay in the guide
                // (they vanished, and each of their prose lines was a finding with a "fix" that made it
                // worse — a guide author's probe). The block is still an error, whose fix closes it there.
                if reachedEnd, let current = open, let (heading, start) = ending,
                   !(first == openByte && current.fence.isClosed(by: line(bytes, lineStart, lineEnd))) {
                    blocks.append(ScannedBlock(info: current.fence.info, headingPath: path, fenceLine: current.line,
                                               content: current.contentStart..<max(current.contentStart, start - 1), isUnclosed: true,
                                               closingLine: heading.line - 1, closingFence: current.fence.closer, endsBefore: heading))
                    (open, openByte, ending) = (nil, 0, nil)
                    recoveries += 1
                    (number, next, reachedEnd) = (heading.line - 1, start, false)
                    continue
                }
                // Tested before `open` is read: binding it copied the fence and retained its info String
                // on every line of the block, two thirds of the scan (callgrind: 230 instructions a line).
                guard first == openByte, let current = open,
                      current.fence.isClosed(by: line(bytes, lineStart, lineEnd)) else { continue }
                blocks.append(ScannedBlock(info: current.fence.info, headingPath: path, fenceLine: current.line,
                                           content: current.contentStart..<max(current.contentStart, lineStart - 1),
                                           isUnclosed: false, closingLine: number, closingFence: current.fence.closer))
                open = nil
                openByte = 0
                ending = nil
                continue
            }
            if commentFrom != 0 {
                if let end = commentEnd(bytes, lineStart, lineEnd) {
                    comments.append(MarkdownComment(lines: commentFrom...number, isUnclosed: false,
                                                    hidesTextAfter: hasText(bytes, end, lineEnd)))
                    commentFrom = 0
                }
                continue
            }
            switch firstByte(bytes, lineStart, lineEnd) {
            case UInt8(ascii: "<"):
                if opensComment(bytes, lineStart, lineEnd) {
                    if let end = commentEnd(bytes, lineStart, lineEnd) {
                        comments.append(MarkdownComment(lines: number...number, isUnclosed: false, hidesTextAfter: hasText(bytes, end, lineEnd)))
                    } else {
                        commentFrom = number
                    }
                }
            case UInt8(ascii: "`"), UInt8(ascii: "~"):
                if let fence = Fence(opening: line(bytes, lineStart, lineEnd)) {
                    open = (fence, number, min(lineEnd + 1, bytes.count))
                    openByte = fence.byte
                }
            case UInt8(ascii: "#"):
                if let heading = MarkdownFlowReader.heading(line(bytes, lineStart, lineEnd), number) {
                    path.removeAll { $0.level >= heading.level }
                    path.append(heading)
                    headings.append(heading)
                }
            default:
                break
            }
        }
        if let current = open {
            blocks.append(ScannedBlock(info: current.fence.info, headingPath: path, fenceLine: current.line,
                                       content: current.contentStart..<bytes.count, isUnclosed: true, closingLine: number,
                                       closingFence: current.fence.closer))
        }
        if commentFrom != 0 { comments.append(MarkdownComment(lines: commentFrom...number, isUnclosed: true)) }
        return (blocks, headings, comments)
    }

    /// Each recovery scans the rest of the document again: a few keep a pathological input linear.
    static let maxRecoveries = 8

    /// A heading inside a block never closed that starts a section of the guide: any level in Mermaid
    /// (where `#` begins nothing), from `##` down in any other block, whose `# ` lines are comments
    /// (flowchart.js authors', Python's, a shell's).
    static func endsUnclosed(_ line: Substring, _ number: Int, info: String) -> MarkdownHeading? {
        guard let heading = MarkdownFlowReader.heading(line, number), !heading.text.isEmpty else { return nil }
        return heading.level >= 2 || MarkdownFlowReader.isMermaidInfo(info) ? heading : nil
    }

    /// `<!--` after at most three spaces.
    static func opensComment(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end && i < start + 3 && bytes[i] == 0x20 { i += 1 }
        return i + 3 < end && bytes[i] == 0x3C && bytes[i + 1] == 0x21 && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D
    }

    /// Just past the first `-->` on the line, which ends a comment (`<!-->` ends the one it opens); nil
    /// when there is none.
    static func commentEnd(_ bytes: Bytes, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i + 2 < end {
            if bytes[i] == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x3E { return i + 3 }
            i += 1
        }
        return nil
    }

    /// Whether anything but spaces, tabs or a final "\r" stands in `start..<end`.
    static func hasText(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if bytes[i] != 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0D { return true }
            i += 1
        }
        return false
    }

    /// Where the line starting at `from` ends: the next "\n" that is a line break of its own. "\r\n" is one
    /// Character, so the Character split this replaces never broke a line there; nor does this.
    @inline(__always)
    static func nextLineBreak(_ bytes: Bytes, from: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = from
        while i < bytes.count, let hit = memchr(base + i, 0x0A, bytes.count - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if at == 0 || bytes[at - 1] != 0x0D { return at }
            i = at + 1
        }
        return bytes.count
    }

    /// The byte after at most three leading spaces, or 0: a fence or heading starts with '`', '~' or '#'
    /// there. Any line the Character reading takes for one passes this test (its leading " " Characters
    /// are 0x20 bytes and its next Character starts with that byte), so rejecting the rest changes nothing.
    @inline(__always)
    static func firstByte(_ bytes: Bytes, _ start: Int, _ end: Int) -> UInt8 {
        var i = start
        while i < end && i < start + 3 && bytes[i] == 0x20 { i += 1 }
        return i < end ? bytes[i] : 0
    }

    /// The line without its line break and without a final "\r" (its own Character at a line's end),
    /// as the Character reading saw it. Line breaks are Character boundaries, so a String of the line
    /// alone has the same Characters.
    static func line(_ bytes: Bytes, _ start: Int, _ end: Int) -> Substring {
        let hi = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
        return Substring(String(decoding: Bytes(rebasing: bytes[start..<hi]), as: UTF8.self))
    }
}
