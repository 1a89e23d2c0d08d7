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

    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    mutating func reserveCapacity(_ n: Int) {
        hashes.reserveCapacity(n)
        starts.reserveCapacity(n + 1)
        arena.reserveCapacity(n * 6)
        if slots.count < n * 2 { rehash(capacity: n * 2) }
    }

    func find<C: Collection>(_ bytes: C, hash: UInt64) -> Int? where C.Element == UInt8 {
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

    private func same<C: Collection>(_ node: Int, _ bytes: C) -> Bool where C.Element == UInt8 {
        let start = starts[node]
        let end = node + 1 < starts.count ? starts[node + 1] : arena.count
        guard end - start == bytes.count else { return false }
        let fast = bytes.withContiguousStorageIfAvailable { given in
            arena.withUnsafeBufferPointer { stored in
                given.isEmpty || memcmp(stored.baseAddress! + start, given.baseAddress!, given.count) == 0
            }
        }
        return fast ?? arena[start..<end].elementsEqual(bytes)
    }

    /// Records node `index` (the next one) with its key. The caller has checked the key is new.
    mutating func insert<C: Collection>(index: Int, key: C, hash: UInt64) where C.Element == UInt8 {
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
