#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Node keys to node indices without building a `String` per lookup: the parser looks up every
/// piece of every link line straight from the source bytes. Open addressing over FNV-1a hashes;
/// a hit is confirmed by comparing the bytes with the node's key.
struct KeyTable: Sendable {
    private var slots: [Int32] = []        // node index + 1; 0 is empty
    private var hashes: [UInt64] = []      // per node index
    private var count = 0

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
        if slots.count < n * 2 { rehash(capacity: n * 2) }
    }

    /// Finds the node whose key has these bytes; `keyOf` gives a node's key.
    func find<C: Collection>(_ bytes: C, hash: UInt64, keyOf: (Int) -> String) -> Int? where C.Element == UInt8 {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let node = Int(slots[i] - 1)
            if hashes[node] == hash && Self.same(keyOf(node), bytes) { return node }
            i = (i + 1) & mask
        }
        return nil
    }

    private static func same<C: Collection>(_ key: String, _ bytes: C) -> Bool where C.Element == UInt8 {
        let fast = key.utf8.withContiguousStorageIfAvailable { stored in
            bytes.withContiguousStorageIfAvailable { given in
                stored.count == given.count && (stored.isEmpty || memcmp(stored.baseAddress!, given.baseAddress!, stored.count) == 0)
            }
        }
        if let fast, let answer = fast { return answer }
        return key.utf8.elementsEqual(bytes)
    }

    /// Records node `index` (the next one) under `hash`. The caller has checked the key is new.
    mutating func insert(index: Int, hash: UInt64) {
        hashes.append(hash)
        count += 1
        if count * 2 > slots.count { rehash(capacity: max(16, slots.count * 2)) } else { place(index) }
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
