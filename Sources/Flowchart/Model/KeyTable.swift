#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Node keys to node indices without building a `String` per lookup: the parser looks up every
/// piece of every link line straight from the source bytes. Open addressing over FNV-1a hashes;
/// the keys' bytes live in one arena so a hit is confirmed by comparing bytes, not Strings.
struct KeyTable: Sendable {
    /// Per slot: the hash's high half above node index + 1; 0 is empty. A probe that meets another key
    /// is mostly told apart by those bits, without reading that key's entry (a cache miss apart).
    private var slots: [UInt64] = []
    private var keys: [Key] = []           // per node index
    private var arena: [UInt8] = []

    /// Where a node's key is in `arena`, and its hash: one array, so a lookup or an insert touches one.
    private struct Key {
        var hash: UInt64
        var start: Int
        var count: Int
    }

    init() {}

    /// Over raw bytes rather than any Collection: every definition and every link piece hashes its key,
    /// and the generic version walked Slice and String.UTF8View indices byte by byte.
    /// Words rather than bytes (after wyhash's short-input reads and its multiply-fold): FNV-1a's multiply
    /// per byte made a chain of five or six dependent multiplies for a key like `op123`, on every
    /// definition and link piece (issue 16). Every load stays inside the key: the bytes after it may not
    /// be readable.
    @inline(__always)
    static func hash(_ bytes: Bytes) -> UInt64 {
        let n = bytes.count
        guard n > 0, let base = UnsafeRawPointer(bytes.baseAddress) else { return 0x9E37_79B9_7F4A_7C15 }
        var a: UInt64, b: UInt64
        if n >= 8 {
            var seed: UInt64 = 0x2D35_8DCC_AA6C_78A5
            var i = 0
            // Whole words, then the last eight bytes (overlapping the words before them).
            while i + 16 < n {
                seed = fold(base.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0xE703_7ED1_A0B4_28DB,
                            base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self) ^ seed)
                i += 16
            }
            // At most sixteen bytes are left, all among the last sixteen (or the first eight and the last
            // eight of a shorter key).
            a = base.loadUnaligned(fromByteOffset: n >= 16 ? n - 16 : 0, as: UInt64.self) ^ seed
            b = base.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            a = UInt64(base.loadUnaligned(as: UInt32.self))
            b = UInt64(base.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        } else {
            let p = base.assumingMemoryBound(to: UInt8.self)
            a = UInt64(p[0]) << 16 | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1])
            b = 0
        }
        return fold(a ^ 0xE703_7ED1_A0B4_28DB, b ^ 0x8EBC_6AF0_9C88_C6E3 ^ UInt64(n))
    }

    /// The 128-bit product's halves xored: every input bit reaches the low bits the table indexes by.
    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// `body` with the key's UTF-8 bytes, copied only if the String does not hold them contiguously.
    static func withBytes<R>(of key: String, _ body: (Bytes) -> R) -> R {
        if let result = key.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(key.utf8).withUnsafeBufferPointer(body)
    }

    mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        arena.reserveCapacity(n * 6)
        if slots.count < n * 2 { rehash(capacity: n * 2) }
    }

    func find(_ bytes: Bytes, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        let tag = hash >> 32
        while slots[i] != 0 {
            if slots[i] >> 32 == tag {
                let node = Int(slots[i] & 0xFFFF_FFFF) - 1
                if keys[node].hash == hash && same(keys[node], bytes) { return node }
            }
            i = (i + 1) & mask
        }
        return nil
    }

    private func same(_ key: Key, _ bytes: Bytes) -> Bool {
        guard key.count == bytes.count else { return false }
        // A byte loop, not memcmp: keys are a few bytes, shorter than the call.
        return arena.withUnsafeBufferPointer { stored in
            var i = 0
            while i < bytes.count {
                if stored[key.start + i] != bytes[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// Records node `index` (the next one) with its key. The caller has checked the key is new.
    mutating func insert(index: Int, key: Bytes, hash: UInt64) {
        keys.append(Key(hash: hash, start: arena.count, count: key.count))
        arena.append(contentsOf: key)
        if keys.count * 2 > slots.count { rehash(capacity: max(16, slots.count * 2)) } else { place(index) }
    }

    private mutating func place(_ node: Int) {
        let mask = slots.count - 1
        let hash = keys[node].hash
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (hash >> 32) << 32 | UInt64(UInt32(node + 1))
    }

    private mutating func rehash(capacity: Int) {
        var size = 16
        while size < capacity { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        for node in 0..<keys.count { place(node) }
    }
}
