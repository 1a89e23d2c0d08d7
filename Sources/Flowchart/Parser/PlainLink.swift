/// The link line nearly every one is, `a->b(yes)->c(no, right)`, read in one pass. Issue 2: the general
/// reading in Links.swift splits the line, checks each piece for spaces, trims it twice and reads its
/// spec with every repair it knows. A line whose pieces are all defined nodes, written before this line,
/// with no spaces and at most `(yes)`, `(no)`, a direction or both, gets the same chain from here; any
/// other line is left to the general reading, which also reports what is wrong with it.
extension ParserState {
    /// Fills `chain` and returns true, or returns false (with `chain` partly filled) for the general reading.
    func readPlainChain(_ v: LineView, order: Int, into chain: inout [LinkPiece]) -> Bool {
        var pieceStart = v.start
        var i = v.start
        while i < v.end - 1 {
            if v.storage[i] == UInt8(ascii: "-") && v.storage[i + 1] == UInt8(ascii: ">") {
                guard appendPlainPiece(v, pieceStart..<i, order: order, to: &chain) else { return false }
                i += 2
                pieceStart = i
            } else {
                i += 1
            }
        }
        return appendPlainPiece(v, pieceStart..<v.end, order: order, to: &chain)
    }

    /// `name` or `name(spec)` exactly, naming a node defined on an earlier line: appended to `chain`.
    /// Appended here rather than returned: the compiler did not inline this, and an optional piece
    /// returned through memory was read back with a wider load than it was written with, which stalled
    /// (perf: a third of readPlainChain on that one load).
    private func appendPlainPiece(_ v: LineView, _ piece: Range<Int>, order: Int, to chain: inout [LinkPiece]) -> Bool {
        guard !piece.isEmpty,
              Whitespace.length(v.storage, at: piece.lowerBound, limit: piece.upperBound) == nil,
              Whitespace.lengthBefore(v.storage, end: piece.upperBound, limit: piece.lowerBound) == nil else { return false }
        var name = piece
        var spec = LinkSpec()
        if let open = v.find(UInt8(ascii: "("), in: piece) {
            guard open > piece.lowerBound,
                  Whitespace.lengthBefore(v.storage, end: open, limit: piece.lowerBound) == nil,
                  v.storage[piece.upperBound - 1] == UInt8(ascii: ")"),
                  v.find(UInt8(ascii: ")"), in: (open + 1)..<piece.upperBound) == piece.upperBound - 1,
                  let plain = Self.plainSpec(v, (open + 1)..<(piece.upperBound - 1)) else { return false }
            name = piece.lowerBound..<open
            spec = plain
        }
        let bytes = Bytes(rebasing: v.storage[name])
        guard let index = graph.index(ofKey: bytes, hash: KeyTable.hash(bytes)), definitionOrder[index] <= order else { return false }
        chain.append(LinkPiece(index: index, spec: spec, offset: name.lowerBound))
        return true
    }

    /// `yes`, `no`, a direction, or `yes`/`no` and a direction after one comma, each spelled exactly.
    private static func plainSpec(_ v: LineView, _ range: Range<Int>) -> LinkSpec? {
        if let branch = exactBranch(v.storage[range]) { return LinkSpec(branch: branch) }
        guard let comma = v.find(UInt8(ascii: ","), in: range) else {
            return Direction(utf8: v.storage[v.trimmed(range)]).map { LinkSpec(direction: $0) }
        }
        let after = (comma + 1)..<range.upperBound
        guard v.find(UInt8(ascii: ","), in: after) == nil,
              let branch = exactBranch(v.storage[range.lowerBound..<comma]),
              let direction = Direction(utf8: v.storage[v.trimmed(after)]) else { return nil }
        return LinkSpec(branch: branch, direction: direction)
    }
}
