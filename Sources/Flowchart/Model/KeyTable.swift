#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Node keys to node indices without building a `String` per lookup: the parser looks up every
/// piece of every link line straight from the source bytes. Open addressing over FNV-1a hashes;
/// the keys' bytes live in one arena so a hit is confirmed with a memcmp, not a String comparison.
struct KeyTable: Sendable {
    private var slots: [Int32] = []        // node index + 1; 0 is empty
    private var hashes: [UInt64] = []      // per node index
    private var starts: [Int] = []         // per node index: where its key starts in `arena`
    private var arena: [UInt8] = []

    init() {}

    /// Over raw bytes rather than any Collection: every definition and every link piece hashes its key,
    /// and the generic version walked Slice and String.UTF8View indices byte by byte.
    static func hash(_ bytes: Bytes) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    /// `body` with the key's UTF-8 bytes, copied only if the String does not hold them contiguously.
    static func withBytes<R>(of key: String, _ body: (Bytes) -> R) -> R {
        if let result = key.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(key.utf8).withUnsafeBufferPointer(body)
    }

    mutating func reserveCapacity(_ n: Int) {
        hashes.reserveCapacity(n)
        starts.reserveCapacity(n + 1)
        arena.reserveCapacity(n * 6)
        if slots.count < n * 2 { rehash(capacity: n * 2) }
    }

    func find(_ bytes: Bytes, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let node = Int(slots[i] - 1)
            if hashes[node] == hash && same(node, bytes) { return node }
            i = (i + 1) & mask
        }
        return nil
    }

    private func same(_ node: Int, _ bytes: Bytes) -> Bool {
        let start = starts[node]
        let end = node + 1 < starts.count ? starts[node + 1] : arena.count
        guard end - start == bytes.count else { return false }
        guard !bytes.isEmpty, let given = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, given, bytes.count) == 0 }
    }

    /// Records node `index` (the next one) with its key. The caller has checked the key is new.
    mutating func insert(index: Int, key: Bytes, hash: UInt64) {
        hashes.append(hash)
        starts.append(arena.count)
        arena.append(contentsOf: key)
        if hashes.count * 2 > slots.count { rehash(capacity: max(16, slots.count * 2)) } else { place(index) }
    }

    private mutating func place(_ node: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hashes[node]) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(node + 1)
    }

    private mutating func rehash(capacity: Int) {
        var size = 16
        while size < capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        for node in 0..<hashes.count { place(node) }
    }
}
