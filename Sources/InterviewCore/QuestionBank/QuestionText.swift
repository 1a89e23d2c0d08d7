import Foundation

/// A question's wording as the bank compares it: what changes "in substance" and what does not.
enum QuestionText {
    /// Compatibility-folded (full-width ＡＢＣ and ？ as ABC and ?), lower-cased, letters and digits only:
    /// punctuation, spacing and case are edits, not a new question.
    static func normalized(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0)
        }))
    }

    /// Dice's coefficient over adjacent character pairs of two normalised texts, 0…1. Pairs of characters
    /// rather than words, so Chinese (no spaces) is measured as finely as English; a typo fixed or a word
    /// added to a 30-character question keeps it above 0.8, a different question falls near 0.1–0.3.
    static func similarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count > 1, y.count > 1 else { return 0 }
        var pairs: [UInt64: Int] = [:]
        for i in 0..<(x.count - 1) { pairs[UInt64(x[i].value) << 32 | UInt64(x[i + 1].value), default: 0] += 1 }
        var shared = 0
        for i in 0..<(y.count - 1) {
            let key = UInt64(y[i].value) << 32 | UInt64(y[i + 1].value)
            if let n = pairs[key], n > 0 { shared += 1; pairs[key] = n - 1 }
        }
        return 2 * Double(shared) / Double(x.count - 1 + y.count - 1)
    }
}
