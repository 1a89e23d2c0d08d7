import Foundation

/// Two pieces of work no reader can skip if it hands over our `FlowGraph`, whose `Node.text` is a String:
/// finding every line of the chart, and making (and later freeing) the String of every node's label.
/// Timed alone, beside the whole document path, they are a floor under any parser of this graph model:
/// if the floor already spends most of a time budget, no parser design reaches the budget.
/// Nothing is parsed here: the label is what follows the first ": " of a `key=>type: label` line.
enum GraphFloor {
    /// The byte ranges of the labels of every `=>` line, found once outside the timed part.
    static func labels(of text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                let end = lineEnd(bytes, from: start)
                if let arrow = find(bytes, 0x3D, 0x3E, in: start..<end),         // "=>"
                   let colon = find(bytes, 0x3A, 0x20, in: arrow..<end) {        // ": "
                    ranges.append((colon + 2)..<end)
                }
                start = end + 1
            }
        }
        return ranges
    }

    /// Every line's end found with `memchr` (the C library's vectorised search); returns the line count.
    static func splitLines(_ text: inout String) -> Int {
        text.withUTF8 { bytes in
            var start = 0, lines = 0
            while start < bytes.count {
                start = lineEnd(bytes, from: start) + 1
                lines += 1
            }
            return lines
        }
    }

    /// Each label made into a String (validated UTF-8, as every String is) and freed with the array.
    static func makeLabels(_ text: inout String, _ ranges: [Range<Int>]) -> Int {
        var made: [String] = []
        made.reserveCapacity(ranges.count)
        text.withUTF8 { bytes in
            for range in ranges {
                made.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
        }
        return made.count
    }

    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - base
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ a: UInt8, _ b: UInt8, in range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if bytes[i] == a && bytes[i + 1] == b { return i }
            i += 1
        }
        return nil
    }
}
