import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562): 48 bits of Unix time in milliseconds, then random bits. Scorecard
    /// events are inserted with these, so each new row lands at the end of the table's primary-key index
    /// instead of on a random page of it: a commit rewrites one index page rather than one per row.
    static func timeOrdered(at now: Date = Date()) -> UUID {
        var random = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, (now.timeIntervalSince1970 * 1000).rounded(.down)))
        let low = random.next() as UInt64
        let high = random.next() as UInt64
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(uuid: (
            byte(milliseconds, 40), byte(milliseconds, 32), byte(milliseconds, 24),
            byte(milliseconds, 16), byte(milliseconds, 8), byte(milliseconds, 0),
            0x70 | (byte(high, 0) & 0x0F), byte(high, 8),        // version 7
            0x80 | (byte(high, 16) & 0x3F), byte(high, 24),      // RFC 9562 variant
            byte(low, 0), byte(low, 8), byte(low, 16), byte(low, 24), byte(low, 32), byte(low, 40)))
    }
}
