/// A question label's trailing parenthesised text is its expected answer:
/// `redis的有序集合的底层实现(跳表skiplist)` → question + reference `跳表skiplist`.
/// ASCII and full-width brackets both count, nested ones are kept inside the answer.
enum ReferenceAnswer {
    static func split(_ label: String) -> (text: String, reference: String?) {
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, last == ")" || last == "）" else { return (trimmed, nil) }
        var depth = 0
        var index = trimmed.endIndex
        while index > trimmed.startIndex {
            index = trimmed.index(before: index)
            switch trimmed[index] {
            case ")", "）": depth += 1
            case "(", "（":
                depth -= 1
                if depth == 0 {
                    let text = trimmed[..<index].trimmingCharacters(in: .whitespacesAndNewlines)
                    let reference = trimmed[trimmed.index(after: index)..<trimmed.index(before: trimmed.endIndex)]
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    // A label that is all brackets has no question left: keep it whole.
                    guard !text.isEmpty, !reference.isEmpty else { return (trimmed, nil) }
                    return (text, reference)
                }
            default: break
            }
        }
        return (trimmed, nil)
    }

    /// A split that looks like code cut in two: brackets glued to an identifier (`O(n log n)`,
    /// `COUNT(*)`, `malloc(size)`) with a short, code-like inside. Lint warns, since the question then
    /// reads "What is O"; a hint glued to a word (the seed's `ACID(redo log, undo log, 读写锁，MVVC)`)
    /// is longer, or has a comma or Chinese in it, and stays quiet.
    static func looksLikeCode(_ label: String) -> Bool {
        let (text, reference) = split(label)
        guard let reference, let before = text.last,
              before.isASCII, before.isLetter || before.isNumber || "_.*]".contains(before) else { return false }
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        // Glued: no space between the word and its bracket.
        guard trimmed.dropLast(reference.count + 2).last == before, trimmed.dropLast().hasSuffix(reference) else { return false }
        return reference.count <= 16 && !reference.contains(",") && !reference.contains("，")
            && !reference.unicodeScalars.contains { $0.value >= 0x2E80 }
    }
}

import Foundation
