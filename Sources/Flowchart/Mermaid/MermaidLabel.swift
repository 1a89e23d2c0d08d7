import Foundation

/// Label text as Mermaid shows it: entity codes (`#quot;`, `#35;`), HTML's (`&amp;`, `&#35;`, which
/// Mermaid's HTML labels show decoded) and `<br>` decoded, emphasis tags
/// (`<b>`, `<i>`…) dropped; Markdown strings
/// (`"`…`"`) without their backticks and emphasis marks. The interview reads plain text, so `**bold**`
/// becomes `bold`; line breaks stay as "\n", like a multi-line flowchart.js label.
enum MermaidLabel {
    /// Most labels have neither `#` nor `<`: one scan, then one String straight from the bytes.
    static func text(_ s: Bytes, _ range: Range<Int>) -> String {
        var k = range.lowerBound
        var high: UInt8 = 0
        // Eight bytes at a time while none is `#` or `<`: the byte loop below took 9 instructions a byte,
        // 0.56 of a 1,000-node parse's 8.1 million (callgrind); this takes about 1.5.
        if let base = s.baseAddress {
            var words: UInt64 = 0
            while k + 8 <= range.upperBound {
                let x = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                // `#`…`&` in one test (a `$` or `%` only sends the label down the slower loop), `<` in another.
                if Self.hasByteBetween(x, 0x22, 0x27) || Self.hasByte(x, 0x3C) { break }
                words |= x
                k += 8
            }
            if words & 0x8080_8080_8080_8080 != 0 { high = 0x80 }
        }
        while k < range.upperBound, s[k] != 0x23, s[k] != 0x3C, s[k] != 0x26 { high |= s[k]; k += 1 }
        if k == range.upperBound { return string(s, range, isASCII: high < 0x80) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        out.append(contentsOf: s[range.lowerBound..<k])
        while k < range.upperBound {
            let b = s[k]
            if b == 0x23, let (decoded, length) = entity(s, at: k, limit: range.upperBound) {
                out.append(contentsOf: decoded)
                k += length
            } else if b == 0x26, let (decoded, length) = htmlEntity(s, at: k, limit: range.upperBound) {
                out.append(contentsOf: decoded)
                k += length
            } else if b == 0x3C, let length = lineBreak(s, at: k, limit: range.upperBound) {
                out.append(0x0A)
                k += length
            } else if b == 0x3C, let length = formattingTag(s, at: k, limit: range.upperBound) {
                k += length
            } else {
                out.append(b)
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any of the eight bytes of `x` lies strictly between `low` and `high` (both at most 128): the
    /// classic SWAR range test, exact as a yes/no.
    @inline(__always)
    static func hasByteBetween(_ x: UInt64, _ low: UInt8, _ high: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, sevens = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        let low7 = x & sevens
        return ((ones &* (127 &+ UInt64(high))) &- low7) & ~x & (low7 &+ ones &* (127 &- UInt64(low))) & (ones &* 128) != 0
    }

    /// Whether any of the eight bytes of `x` is `byte` (the zero-byte test on `x ^ byte…byte`: exact as a yes/no).
    @inline(__always)
    static func hasByte(_ x: UInt64, _ byte: UInt8) -> Bool {
        let v = x ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0
    }

    /// The text of `range`, which starts and ends at whole characters of text that came from a String:
    /// valid UTF-8, so it is copied without being validated again (as `LineView.string` does; a tenth
    /// of a parse went to validation). `isASCII` must be exact.
    @inline(__always)
    static func string(_ s: Bytes, _ range: Range<Int>, isASCII: Bool) -> String {
        // A range that does start and end on whole characters, checked rather than trusted: the source
        // is valid UTF-8, so that holds exactly when neither end is at a continuation byte (10xxxxxx).
        // A reader bug that cut a character would otherwise make a malformed String, which traps later.
        if #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *), UTF8Bounds.areWhole(s, range) {
            let bytes = Bytes(rebasing: s[range])
            return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        return String(decoding: Bytes(rebasing: s[range]), as: UTF8.self)
    }

    /// A Markdown string's text: backticks off, `**`, `__` and `*` emphasis marks dropped, each line trimmed.
    static func markdown(_ s: Bytes, _ range: Range<Int>) -> String {
        var lo = range.lowerBound, hi = range.upperBound
        if lo < hi, s[lo] == 0x60 { lo += 1 }
        if hi > lo, s[hi - 1] == 0x60 { hi -= 1 }
        let decoded = text(s, lo..<hi)
        var plain = decoded.replacing("**", with: "").replacing("__", with: "")
        if plain.utf8.contains(0x2A) { plain = plain.replacing("*", with: "") }
        if plain.utf8.contains(0x5F) { plain = withoutUnderscoreEmphasis(plain) }
        return plain.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }.joined(separator: "\n").trimmingSpaces()
    }

    /// `_italic_` as Mermaid's Markdown strings draw it, without the underscores (the flowchart page's own
    /// example kept them: a probe); an underscore inside a word (`snake_case`, `__init__` already gone) stays.
    private static func withoutUnderscoreEmphasis(_ text: String) -> String {
        // Underscores inside the emphasis stay (`_x_y_` is x_y, `_snake_case_` snake_case), as CommonMark.
        let pattern = #"(?<![\p{L}\p{N}_])_(?![\s_])([^\n]+?)(?<![\s_])_(?![\p{L}\p{N}_])"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1")
    }

    /// A quoted label written over several lines: each line without the indentation that lined it up.
    static func lines(_ s: Bytes, _ range: Range<Int>) -> String {
        text(s, range).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }.joined(separator: "\n").trimmingSpaces()
    }

    private static let named: [String: String] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u{A0}", "apos": "'", "hash": "#",
        "num": "#", "semi": ";", "colon": ":", "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]",
        "lcub": "{", "rcub": "}", "vert": "|",
        // Mermaid's labels are HTML, so any HTML character name shows as its character (its syntax page:
        // "It is also supported to use HTML character names"); these are the ones a guide would write.
        "copy": "©", "reg": "®", "trade": "™", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·",
        "bull": "•", "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓", "harr": "↔", "rArr": "⇒", "lArr": "⇐",
        "hArr": "⇔", "hearts": "♥", "check": "✓", "cross": "✗", "star": "☆", "starf": "★", "euro": "€",
        "pound": "£", "yen": "¥", "cent": "¢", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞", "micro": "µ", "sect": "§", "para": "¶",
        "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "shy": "\u{AD}",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "lambda": "λ", "mu": "μ", "pi": "π",
        "sigma": "σ", "Sigma": "Σ", "Delta": "Δ", "Omega": "Ω", "sup2": "²", "sup3": "³", "frac12": "½",
        "frac14": "¼", "frac34": "¾", "iexcl": "¡", "iquest": "¿", "dagger": "†", "permil": "‰", "prime": "′",
        "sum": "∑", "forall": "∀", "exist": "∃", "empty": "∅", "isin": "∈", "notin": "∉", "half": "½",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "minus": "−", "radic": "√", "and": "∧",
        "or": "∨", "cap": "∩", "cup": "∪", "sub": "⊂", "sup": "⊃", "equiv": "≡", "prop": "∝", "ang": "∠",
        "theta": "θ", "epsilon": "ε", "omega": "ω", "tau": "τ", "phi": "φ", "rho": "ρ",
        // HTML also takes these few in capitals.
        "COPY": "©", "AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"", "REG": "®", "TRADE": "™"
    ]

    /// `#name;`, `#123;` or `#x1F600;` at `k`: the decoded bytes and the length of the code.
    private static func entity(_ s: Bytes, at k: Int, limit: Int) -> ([UInt8], Int)? {
        var j = k + 1
        while j < limit, j - k <= 12, s[j] != 0x3B { j += 1 }
        guard j < limit, s[j] == 0x3B, j > k + 1 else { return nil }
        let body = String(decoding: Bytes(rebasing: s[(k + 1)..<j]), as: UTF8.self)
        var scalar: UInt32?
        if body.hasPrefix("x") || body.hasPrefix("X") {
            scalar = UInt32(body.dropFirst(), radix: 16)
        } else if body.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            scalar = UInt32(body)
        } else if let text = named[body] {
            return (Array(text.utf8), j - k + 1)
        }
        guard let value = scalar, let unicode = Unicode.Scalar(value) else { return nil }
        // `#0;` and other control codes would put an invisible (or NUL) character into a question:
        // shown as the replacement character, as an undecodable byte is. A tab and a newline stay.
        if value < 0x20 && value != 0x09 && value != 0x0A || (0x7F...0x9F).contains(value) {
            return (Array("\u{FFFD}".utf8), j - k + 1)
        }
        return (Array(String(unicode).utf8), j - k + 1)
    }

    /// HTML's `&name;`, `&#123;` or `&#x1F600;` at `k`, as Mermaid's own codes are read; an `&` that
    /// starts none (`R&D`, `a & b`) stays.
    private static func htmlEntity(_ s: Bytes, at k: Int, limit: Int) -> ([UInt8], Int)? {
        if k + 1 < limit, s[k + 1] == 0x23 {
            // `&#…;` is `#…;` one byte later.
            return entity(s, at: k + 1, limit: limit).map { ($0.0, $0.1 + 1) }
        }
        var j = k + 1
        while j < limit, j - k <= 12, s[j] != 0x3B { j += 1 }
        guard j < limit, s[j] == 0x3B,
              let text = named[String(decoding: Bytes(rebasing: s[(k + 1)..<j]), as: UTF8.self)] else { return nil }
        return (Array(text.utf8), j - k + 1)
    }

    /// `<br>`, `<br/>`, `<br />`, any case.
    private static func lineBreak(_ s: Bytes, at k: Int, limit: Int) -> Int? {
        guard k + 3 < limit, s[k + 1] | 0x20 == 0x62, s[k + 2] | 0x20 == 0x72 else { return nil }
        var j = k + 3
        while j < limit, s[j] == 0x20 { j += 1 }
        if j < limit, s[j] == 0x2F { j += 1 }
        guard j < limit, s[j] == 0x3E else { return nil }
        return j - k + 1
    }

    /// Tags Mermaid draws as emphasis (`<b>`, `</i>`, `<strong>`…, no attributes): the interview reads plain
    /// text, as it does for a Markdown string's `**bold**`; any other `<` stays as written.
    private static let formattingTags: Set<String> = ["b", "i", "u", "s", "em", "strong", "small", "big", "sub", "sup",
                                                      "code", "mark", "del", "ins"]

    private static func formattingTag(_ s: Bytes, at k: Int, limit: Int) -> Int? {
        var j = k + 1
        if j < limit, s[j] == 0x2F { j += 1 }
        let start = j
        while j < limit, j - start < 7, (s[j] | 0x20) >= 0x61, (s[j] | 0x20) <= 0x7A { j += 1 }
        guard j < limit, s[j] == 0x3E, j > start else { return nil }
        let name = String(decoding: Bytes(rebasing: s[start..<j]), as: UTF8.self).lowercased()
        return formattingTags.contains(name) ? j - k + 1 : nil
    }

    /// A label written back inside `"…"`: quotes, `#` or `&` before what would read as an entity code,
    /// `<` and newlines escaped, so reading it again gives the same text.
    static func quotedEscaping(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (k, c) in scalars.enumerated() {
            switch c {
            case "\"": out += "#quot;"
            // "`…`" is Mermaid's Markdown string: a label that only begins with a backtick ("`useMemo` vs
            // `useCallback`") would come back without its outer backticks, so the first is written as a code.
            case "`" where k == 0: out += "#96;"
            case "\n": out += "<br>"
            case "<": out += "#lt;"
            case "#" where looksLikeEntity(scalars, from: k): out += "#35;"
            case "&" where looksLikeEntity(scalars, from: k): out += "#amp;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func looksLikeEntity(_ scalars: [Unicode.Scalar], from k: Int) -> Bool {
        var j = k + 1
        while j < scalars.count, j - k <= 12 {
            if scalars[j] == ";" { return j > k + 1 }
            if scalars[j] == " " || scalars[j] == "#" { return false }
            j += 1
        }
        return false
    }
}
