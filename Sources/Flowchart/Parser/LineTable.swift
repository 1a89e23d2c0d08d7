/// The logical lines of a chart, kept compactly and handed out as `LogicalLine`s on demand.
/// A `LogicalLine` is 72 bytes; most lines are one piece of the source, which three offsets describe,
/// and this table is alive for the whole parse. Issue 2: together with the graph it made each parse
/// grow the heap far enough that the allocator trimmed it afterwards and the next parse faulted the
/// pages in again, a tenth of the parse time.
struct LineTable {
    private struct Entry {
        var start: Int
        var end: Int
        var lineHint: Int
        var kind: LineKind
        var isGlued: Bool
    }

    private let source: Bytes
    private var entries: [Entry] = []
    /// Lines glued from several physical lines (rare), by index in `entries`.
    private var glued: [Int: LineView] = [:]
    /// `order` minus index: 1 when the splitter dropped the first logical line, else 0.
    private var orderOffset = 0

    init(source: Bytes, capacity: Int) {
        self.source = source
        entries.reserveCapacity(capacity)
    }

    var count: Int { entries.count }
    var indices: Range<Int> { entries.indices }

    func kind(_ i: Int) -> LineKind { entries[i].kind }

    subscript(i: Int) -> LogicalLine {
        let e = entries[i]
        let view = e.isGlued ? glued[i]! : LineView(source: source, range: e.start..<e.end, lineHint: e.lineHint)
        return LogicalLine(view: view, kind: e.kind, order: i + orderOffset)
    }

    /// Lines come in order; only the first logical line may have been left out before them.
    mutating func append(_ line: LogicalLine) {
        if entries.isEmpty { orderOffset = line.order }
        assert(line.order == entries.count + orderOffset)
        let v = line.view
        if !v.pieces.isEmpty { glued[entries.count] = v }
        entries.append(Entry(start: v.start, end: v.end, lineHint: v.lineHint, kind: line.kind, isGlued: !v.pieces.isEmpty))
    }
}
