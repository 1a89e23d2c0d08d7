/// "Did you mean …?" for node types, branches, directions and node keys.
enum Suggestions {
    /// Names authors reach for from other diagram tools, mapped to the flowchart.js type they mean.
    static let typeAliases: [String: NodeType] = [
        "process": .operation, "op": .operation, "task": .operation, "action": .operation,
        "decision": .condition, "if": .condition, "cond": .condition, "question": .condition,
        "io": .inputoutput, "data": .inputoutput, "sub": .subroutine, "call": .subroutine,
        "begin": .start, "stop": .end, "finish": .end, "fork": .parallel,
    ]

    static func nodeType(for misspelled: String) -> NodeType? {
        let lower = misspelled.lowercased()
        if let exact = NodeType(rawValue: lower) { return exact }
        if let alias = typeAliases[lower] { return alias }
        return closest(to: lower, in: NodeType.allCases.map(\.rawValue), maxDistance: 2).flatMap(NodeType.init(rawValue:))
    }

    /// The closest candidate within `maxDistance` edits (a swap of two neighbours counts as one),
    /// ties broken by candidate order so suggestions are deterministic.
    static func closest(to word: String, in candidates: [String], maxDistance: Int) -> String? {
        let w = Array(word.unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.unicodeScalars)
            guard abs(c.count - w.count) <= maxDistance else { continue }
            let d = distance(w, c)
            if d <= maxDistance, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// A key typed with two neighbours swapped (`yp4` for `py4`, three characters or more), or what
    /// `nodeKey` finds: what a slip of the fingers makes, not one id for another (`B` for `C`).
    static func misspelledKey(_ typed: String, among keys: [String]) -> String? {
        if let key = nodeKey(for: typed, among: keys) { return key }
        let t = Array(typed)
        guard t.count >= 3 else { return nil }
        return keys.first { key in
            let k = Array(key)
            guard k.count == t.count, k != t, let i = t.indices.first(where: { t[$0] != k[$0] }), i + 1 < t.count else { return false }
            return t[i] == k[i + 1] && t[i + 1] == k[i] && t[(i + 2)...] == k[(i + 2)...]
        }
    }

    /// A defined key the author probably meant: same letters in another case, or a near miss on a
    /// longer key. Short keys like `op7` vs `op1` differ in one digit by design, so they get no guess.
    static func nodeKey(for missing: String, among keys: [String]) -> String? {
        let lower = missing.lowercased()
        if let same = keys.first(where: { $0.lowercased() == lower }) { return same }
        guard missing.count >= 5 else { return nil }
        return closest(to: missing, in: keys, maxDistance: 1)
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
