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
}

import Foundation
