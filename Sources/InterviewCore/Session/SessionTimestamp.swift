import Foundation

/// Event times as written in a session log: UTC, millisecond precision ("2025-03-01T09:30:00.250Z").
/// Both writing and reading go through whole milliseconds, so a replayed log carries exactly the dates
/// the live session applied and the two states compare equal (issue 4: replaying gives the same state).
public enum SessionTimestamp {
    /// The date rounded to the millisecond, the only precision a log keeps.
    public static func normalized(_ date: Date) -> Date {
        fromMilliseconds(milliseconds(date))
    }

    public static func format(_ date: Date) -> String {
        let ms = milliseconds(date)
        let (days, msOfDay) = floorDivide(ms, 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        let h = msOfDay / 3_600_000, min = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, frac = msOfDay % 1000
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(h, 2) + ":" + pad(min, 2) + ":"
            + pad(s, 2) + "." + pad(frac, 3) + "Z"
    }

    /// "YYYY-MM-DD HH:MM" in UTC: the minute the date falls in (seconds dropped, not rounded), the way
    /// lists and notes show a time. Written directly, because the console shows every note's time in
    /// each answer and a Foundation format style plus a replacement costs microseconds per note.
    /// The same minute on the clock of `zone` (summer time included): pages and reports read by people.
    public static func minute(_ date: Date, in zone: TimeZone) -> String {
        minute(date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date))))
    }

    public static func minute(_ date: Date) -> String {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down))
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (y, m, d) = civil(fromDays: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + " " + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2)
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff]Z`; nil for anything else (logs are only ever written in UTC).
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b.last == UInt8(ascii: "Z"), b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
              let y = number(b[0..<4]), let mo = number(b[5..<7]), let d = number(b[8..<10]),
              let h = number(b[11..<13]), let mi = number(b[14..<16]), let s = number(b[17..<19]),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var ms: Int64 = 0
        if b.count > 20 {
            // Optional fraction: a dot and 1–9 digits, kept to the millisecond.
            guard b[19] == 46, b.count - 21 >= 1, b.count - 21 <= 9, let f = number(b[20..<(b.count - 1)]) else { return nil }
            let digits = b.count - 21
            ms = digits >= 3 ? f / pow10(digits - 3) : f * pow10(3 - digits)
        }
        let days = days(fromCivil: y, mo, d)
        return fromMilliseconds(((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms)
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func fromMilliseconds(_ ms: Int64) -> Date {
        Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        return value
    }

    private static func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { acc, _ in acc * 10 } }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a >= 0 ? a / b : (a - b + 1) / b
        return (q, a - q * b)
    }

    // Howard Hinnant's civil-calendar algorithms: days since 1970-01-01 ↔ proleptic Gregorian dates.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func days(fromCivil year: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
