#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over a Mermaid flowchart's UTF-8 bytes. Statements are read where they stand; node types,
/// branches and directions are settled afterwards by `MermaidGraphBuilder`, because in Mermaid a node's
/// role depends on edges written after it (a rhombus is a gate, a box with two lines out is a fork).
/// No regex, no Character iteration, no Foundation: a 1,000-node chart must read as fast as flowchart.js text.
struct MermaidReader {
    let source: SourceText
    var s: Bytes { source.bytes }
    var i = 0
    /// The physical line of the last position computed: positions are asked for in reading order, so
    /// each is found by walking forward from here rather than searching all lines.
    var lineHint = 0
    /// The last offset `position` was asked for, and its answer.
    var lastPosition: (offset: Int, position: SourcePosition)?
    var diagnostics: [Diagnostic] = []

    // What was read, by node index (the order nodes first appear in).
    var keys = KeyTable()
    /// The graph's nodes, made as they are first named: the builder sets their types and positions in
    /// place and the graph adopts this array and `keys` whole. (Keeping reader records and making each
    /// `Node` from them afterwards copied every id and label once more, a third of a parse.)
    var graphNodes: [Node] = []
    /// What only the reader needs per node (shape, offsets, subgraph): no Strings, cheap to keep.
    var nodes: [MermaidNode] = []
    var links: [MermaidLink] = []
    var subgraphs: [MermaidSubgraph] = []
    /// Subgraph ids already opened, each with the next suffix to try when it comes again, so a repeated
    /// one is told and renamed at once (50,000 subgraphs of one name stay linear).
    var subgraphIDs: [String: Int] = [:]
    /// Each subgraph id (as drawn, after any renaming) to its index, for `style`/`class` naming a subgraph.
    var subgraphIndex: [String: Int] = [:]
    /// `style`/`class` given to subgraphs, by subgraph index: drawn on their frames.
    var groupDecorations: [Int: MermaidDecoration] = [:]
    /// Indices into `subgraphs` of those still open.
    var openSubgraphs: [Int] = []
    var direction = MermaidDirection.topDown
    var classDefs: [String: String] = [:]
    /// By node index, for the few nodes that have classes, styles or links.
    var decorations: [Int: MermaidDecoration] = [:]
    /// Ids given to links (`e1@-->`), so `e1@{ … }` is read as the link's properties, not a node.
    var edgeIDs: Set<String> = []
    /// `linkStyle` by link number (or -1 for `default`), applied once all links are known.
    var linkStyles: [(index: Int, style: [String: String], offset: Int)] = []
    /// Reused between statements so an `A & B --> C` chain allocates nothing per line.
    /// Nodes of a statement skipped for making too many links (`MermaidText.tooManyPairs`): its error says
    /// why they are unreached, and a warning for each (797 for one line) only buried it.
    var inSkippedStatement = Set<Int32>()
    var groupScratch: [Int32] = []
    var previousScratch: [Int32] = []
    /// The links `&` groups have made so far in this chart (`maxGroupLinksPerChart`).
    var groupLinks = 0
    /// Per node: the `groupStamp` of the last `&` group it was put in, so a group names each node once.
    /// Per link that names a subgraph at an end (`S --> one`): the subgraph each end names, or -1. Such
    /// a line goes to or from a node inside, but in Mermaid's rule it is a line to the subgraph, not one
    /// of its nodes linked outside (`applySubgraphDirections`).
    var namedGroupEnds: [Int: (from: Int, to: Int)] = [:]
    /// Whether the id `readID` last read may hold full-width punctuation (its bytes' OR has the top three
    /// bits, as every byte from 0xE0 up does; accented Latin ids are a harmless false alarm), found while
    /// reading it, so `FullWidthSyntax` looks at those ids only without reading any id twice.
    var lastIDMayBeWide = false
    /// `class`, `style` and `click` of ids not used yet where they were written.
    var pendingDecorations: [PendingDecoration] = []
    var groupMarks: [Int32] = []
    /// Whether any node was given a comment shape (`MermaidNotes`): most charts have none and skip that pass.
    var hasNotes = false
    /// A statement ended by what stands for `;` (a full-width `；`, told): the next is read from here.
    var statementEndedEarly = false
    var groupStamp: Int32 = 0

    init(_ bytes: Bytes, firstLine: Int) {
        source = SourceText(bytes, firstLine: firstLine)
        // About a node and a link per line in a typical chart; growing by doubling copied them all.
        nodes.reserveCapacity(source.lineStarts.count)
        graphNodes.reserveCapacity(source.lineStarts.count)
        links.reserveCapacity(source.lineStarts.count + source.lineStarts.count / 4)
        keys.reserveCapacity(source.lineStarts.count)
    }

    var atEnd: Bool { i >= s.count }

    @inline(__always)
    func byte(_ at: Int) -> UInt8 { at < s.count ? s[at] : 0 }

    mutating func position(_ offset: Int) -> SourcePosition {
        // Columns counted on from the last position asked for when it is on the same line and not after
        // this one: findings along one long line (thousands of broken labels) each counted from the line's
        // start, which made the line quadratic (a security review).
        if let last = lastPosition, last.offset <= offset, offset < source.lineEnd(last.position.line - source.firstLine) {
            var column = last.position.column
            var k = last.offset
            while k < offset {
                if s[k] & 0xC0 != 0x80 { column += 1 }
                k += 1
            }
            let p = SourcePosition(line: last.position.line, column: column)
            lastPosition = (offset, p)
            return p
        }
        let p = source.position(offset, hint: lineHint)
        lineHint = p.line - source.firstLine
        lastPosition = (offset, p)
        return p
    }

    /// Positions of all nodes and links from their offsets: each list is in reading order, so one cursor
    /// walks the text forward once per list.
    mutating func resolvePositions() {
        // Nodes and links merged by offset, so the text is walked once.
        var cursor = PositionCursor()
        var n = 0, l = 0
        while n < nodes.count || l < links.count {
            if l >= links.count || (n < nodes.count && nodes[n].offset <= links[l].offset) {
                let position = cursor.position(nodes[n].offset, in: source)
                graphNodes.withUnsafeMutableBufferPointer { $0[n].position = position }
                n += 1
            } else {
                links[l].position = cursor.position(links[l].offset, in: source)
                l += 1
            }
        }
    }

    /// Node `n`'s id and position, read in place (`graphNodes[n].id` would copy the whole node).
    func nodeID(_ n: Int) -> String { graphNodes.withUnsafeBufferPointer { $0[n].id } }
    func nodePosition(_ n: Int) -> SourcePosition { graphNodes.withUnsafeBufferPointer { $0[n].position } }

    func string(_ range: Range<Int>) -> String {
        String(decoding: Bytes(rebasing: s[range]), as: UTF8.self)
    }

    /// Spaces and tabs (and a stray carriage return) within a statement.
    @inline(__always)
    mutating func skipSpaces() {
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0D { i += 1 }
    }

    /// Whether the statement ends here: end of line, `;`, a `%%` comment, or the end of the text.
    var atStatementEnd: Bool {
        i >= s.count || s[i] == 0x0A || s[i] == 0x3B || (s[i] == 0x25 && byte(i + 1) == 0x25)
    }

    /// Where the current physical line ends (its newline, or the end of the text).
    func lineEnd(from offset: Int) -> Int {
        // memchr: every bracketed label asks for its line's end, 60-odd bytes away.
        guard offset < s.count, let base = s.baseAddress else { return max(offset, s.count) }
        guard let hit = memchr(base + offset, 0x0A, s.count - offset) else { return s.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    mutating func skipToLineEnd() { i = lineEnd(from: i) }

    /// Skips the rest of a statement the reader could not follow, up to `;` or the end of the line.
    mutating func skipStatement() {
        while i < s.count, s[i] != 0x0A, s[i] != 0x3B { i += 1 }
    }

    /// Letters, digits, `_`, and any non-ASCII byte (Chinese ids are common); `-` and `.` inside an id
    /// when a letter or digit follows, so `api-v1.2` is one id but `a-->b` and `a-.->b` are links.
    @inline(__always)
    func isIDByte(_ b: UInt8) -> Bool {
        // One bit per ASCII byte (digits in the low word; letters and `_` in the high one) instead of five
        // comparisons: every id byte and every statement start asks, 0.2 of 8.1 million instructions a parse.
        b >= 0x80 || ((b < 0x40 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE as UInt64) >> (b & 63)) & 1 != 0
    }

    /// The id at the cursor (possibly empty); the cursor moves past it.
    @inline(__always)
    mutating func readID() -> Range<Int> {
        let start = i
        var high: UInt8 = 0
        defer { lastIDMayBeWide = high & 0xE0 == 0xE0 }
        while i < s.count {
            let b = s[i]
            if isIDByte(b) { high |= b; i += 1; continue }
            if (b == 0x2D || b == 0x2E) && i > start && isIDByte(byte(i + 1)) { i += 1; continue }
            break
        }
        return start..<i
    }

    /// Whether the bytes at `offset` spell `word` (ASCII) and no id byte follows.
    func isKeyword(_ word: StaticString, at offset: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard offset + n <= s.count else { return false }
        let w = word.utf8Start
        for k in 0..<n where s[offset + k] != w[k] { return false }
        return !isIDByte(byte(offset + n))
    }

    mutating func report(_ severity: Severity, _ code: DiagnosticCode, at offset: Int, _ text: LocalizedText,
                         fix: (Range<Int>, String)? = nil) {
        // In the order they stand in the text, so each position counts on from the one before (`position`).
        var positions: [Int: SourcePosition] = [:]
        for place in Set([offset] + (fix.map { [$0.0.lowerBound, $0.0.upperBound] } ?? [])).sorted() { positions[place] = position(place) }
        let fixValue = fix.map { Fix(start: positions[$0.0.lowerBound]!, end: positions[$0.0.upperBound]!, replacement: $0.1) }
        diagnostics.append(Diagnostic(severity, code, at: positions[offset]!, text, fix: fixValue))
    }
}

/// What the reader knows of a node besides its `Node` (id, label, position): its shape and where it was
/// first written. Kept small (no Strings, no decorations): a 50,000-node chart has 50,000.
struct MermaidNode {
    var shape: MermaidShape = .none
    /// How it is drawn, where that says more than `shape` (a cylinder, a hexagon).
    var drawn: MermaidDrawnShape = .plain
    /// Where the id is first written; the node's position is filled from it once reading ends, in one
    /// forward sweep (counting each line's columns again per node was a tenth of a parse).
    var offset: Int
    /// Where its label starts, for a diagnostic about the shape or label.
    var labelOffset: Int = -1
    /// The innermost subgraph it first appeared in, or -1.
    var subgraph: Int32 = -1
    /// A label was written for it (`id[…]`, `id@{ label: … }`): a second, different one replaces the first.
    var labelled = false
}

/// What `:::`, `class`, `style` and `click` add to a node; few nodes have any.
struct MermaidDecoration {
    var classes: [String] = []
    var style: String?
    var url: String?
    var urlTarget: String?
    var function: String?
}

/// A link as read, between two node indices, before branches are decided.
struct MermaidLink {
    var from: Int32
    var to: Int32
    var label: String?
    /// Where the label is written, or where a label-less link's arrow ends: gate findings and their
    /// fixes (replace the label, or insert `|yes|`) point here.
    var labelOffset: Int
    var labelEnd: Int
    var stroke: MermaidStroke
    var head: MermaidArrowHead
    var tail: MermaidArrowHead
    var id: String?
    var direction: MermaidDirection
    /// Where the arrow is written; `position` is filled as for nodes.
    var offset: Int
    var position = SourcePosition(line: 0, column: 0)
    /// The subgraph the link is written in (whose `direction` it takes), or -1.
    var scope: Int32 = -1
}

/// `subgraph id [title]` … `end`.
struct MermaidSubgraph {
    var id: String
    var title: String
    var direction: MermaidDirection
    var parent: Int
    var offset: Int
    /// Whether a `direction` statement set `direction` (else it is the one inherited on opening).
    var ownDirection = false
    /// The direction it had on opening: its parent's, or the chart's at the top.
    var inherited = MermaidDirection.topDown
    /// First and last node index that appeared inside it (children's nodes included once built).
    var first = Int.max
    var last = -1
}

/// Line and column of offsets asked for in increasing order, counting each byte once.
struct PositionCursor {
    var line = 0
    var offset = 0
    var column = 1

    mutating func position(_ target: Int, in source: SourceText) -> SourcePosition {
        guard target >= offset else { return source.position(target) }
        let starts = source.lineStarts
        if line + 1 < starts.count, starts[line + 1] <= target {
            while line + 1 < starts.count, starts[line + 1] <= target { line += 1 }
            offset = starts[line]
            column = 1
        }
        let bytes = source.bytes
        // Eight bytes at a time: a column is a byte that is not a UTF-8 continuation (10xxxxxx).
        if let base = bytes.baseAddress {
            // Per byte lane, how many continuation bytes were seen, summed across lanes by one multiply
            // every 31 words (a lane holds up to 255): `nonzeroBitCount` per word, without POPCNT in the
            // baseline x86-64 target, was a dozen instructions a word, 0.25 of 8.1 million a parse.
            var lanes: UInt64 = 0, words = 0
            while offset + 8 <= target {
                let x = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                lanes &+= (x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7
                offset += 8
                words += 1
                if words == 31 {
                    column += 8 * words - Int((lanes &* 0x0101_0101_0101_0101) >> 56)
                    lanes = 0
                    words = 0
                }
            }
            column += 8 * words - Int((lanes &* 0x0101_0101_0101_0101) >> 56)
        }
        while offset < target {
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return SourcePosition(line: source.firstLine + line, column: column)
    }
}
