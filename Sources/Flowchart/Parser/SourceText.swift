#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes the parser reads. Unsafe views over the text's own UTF-8 storage, valid only inside
/// `FlowchartParser.parse`: the parser copies nothing and retains nothing per line, which is what
/// lets a 1,000-node diagram parse in a fraction of a millisecond.
typealias Bytes = UnsafeBufferPointer<UInt8>

/// The flowchart text as UTF-8 bytes with a table of line starts. Columns are counted in Unicode
/// scalars only when a diagnostic or a node needs a position.
struct SourceText {
    let bytes: Bytes
    /// Byte offset where each physical line starts.
    let lineStarts: [Int]
    /// The line number of the text's first line in the user's file (a ```flow block starts mid-file).
    let firstLine: Int
    /// The last column counted, so the next position further along the same line counts on from there:
    /// counted from the line's start each time, a chart whose 30,000 links are one line took 29 s (the
    /// terminal probe), each link's position a walk over everything before it.
    private let cursor = ColumnCursor()

    private final class ColumnCursor {
        var line = -1, offset = 0, column = 1
    }

    init(_ bytes: Bytes, firstLine: Int) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        if let base = bytes.baseAddress {
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
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

    /// Where physical line `index` ends, without its line break.
    func lineEnd(_ index: Int) -> Int {
        index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
    }

    /// - Parameter hint: a physical line at or before the offset's line, when the caller knows one.
    func position(_ offset: Int, hint: Int? = nil) -> SourcePosition {
        var index: Int
        if let hint, hint < lineStarts.count, lineStarts[hint] <= offset {
            index = hint
            while index + 1 < lineStarts.count && lineStarts[index + 1] <= offset { index += 1 }
        } else {
            index = lineIndex(of: offset)
        }
        var column = 1
        var i = lineStarts[index]
        let end = min(offset, bytes.count)
        if cursor.line == index, cursor.offset <= end {
            column = cursor.column
            i = cursor.offset
        }
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cursor.line = index
        cursor.offset = i
        cursor.column = column
        return SourcePosition(line: firstLine + index, column: column)
    }
}

/// Buffers the parser allocates for lines glued from several physical lines; freed when parsing ends.
final class GlueArena {
    private var buffers: [UnsafeMutableRawBufferPointer] = []

    func bytes(_ count: Int) -> UnsafeMutableBufferPointer<UInt8> {
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 8)
        buffers.append(raw)
        return raw.bindMemory(to: UInt8.self)
    }

    func pieces(_ count: Int) -> UnsafeMutableBufferPointer<GluePiece> {
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1) * MemoryLayout<GluePiece>.stride,
                                                          alignment: MemoryLayout<GluePiece>.alignment)
        buffers.append(raw)
        return raw.bindMemory(to: GluePiece.self)
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}

/// Where a glued piece starts in the line's own buffer and in the source.
struct GluePiece {
    var local: Int
    var source: Int
}
