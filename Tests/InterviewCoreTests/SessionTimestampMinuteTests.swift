import Foundation
import InterviewCore
import Testing

/// `SessionTimestamp.minute` replaced Foundation's ISO 8601 format style cut to the minute; it must
/// show the same minute for any date, fractions of a second included.
@Suite struct SessionTimestampMinuteTests {
    private func byFoundation(_ date: Date) -> String {
        String(date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt)).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    @Test func knownMinutes() {
        #expect(SessionTimestamp.minute(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00")
        #expect(SessionTimestamp.minute(Date(timeIntervalSince1970: 1_764_149_459.9999)) == "2025-11-26 09:30")
        #expect(SessionTimestamp.minute(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00")
        #expect(SessionTimestamp.minute(Date(timeIntervalSince1970: -1)) == "1969-12-31 23:59")
    }

    @Test func sameAsFoundationForManyDates() {
        var state: UInt64 = 0x2026_1126
        var years = Set<Substring>()
        for _ in 0..<5_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // 1950 to 2150, with fractions of a second, some just before a minute turns.
            var seconds = Double(state >> 11) / Double(UInt64(1) << 53) * 6_311_390_400 - 631_152_000
            if state & 3 == 0 { seconds = (seconds / 60).rounded(.down) * 60 + 59.9995 }
            let date = Date(timeIntervalSince1970: seconds)
            #expect(SessionTimestamp.minute(date) == byFoundation(date), "\(seconds)")
            years.insert(SessionTimestamp.minute(date).prefix(4))
        }
        #expect(years.count > 150, "the dates should spread over the two centuries")
    }
}
