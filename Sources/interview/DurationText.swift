import Foundation

/// Durations as people type them on the command line: `90s`, `15m`, `12h`, `7d`, or plain seconds.
enum DurationText {
    static func seconds(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var number = Substring(trimmed), unit: TimeInterval = 1
        if let last = trimmed.last, let factor = units[last] {
            number = trimmed.dropLast()
            unit = factor
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        return value * unit
    }
}
