/// Entity and numeric character references in Markdown text (`&amp;`, `&#123;`, `&#x1F600;`). They are
/// decoded to the character they name and that character is escaped again at the sink, so a reference
/// never reaches the page as markup: `&lt;script&gt;` is shown as `<script>`, never run.
enum HTMLEntities {
    /// The longest reference looked at: `&` + `#x` + 6 hex digits + `;` fits, and so do the names
    /// below. The bound keeps `&#&#&#…` linear: each `&` looks ahead a fixed distance at most.
    static let maxLength = 34

    /// The character a reference at `index` (an `&`) stands for, as UTF-8, and the bytes it spans;
    /// nil when it is not a complete reference we know (it is then plain text).
    static func decode(_ bytes: [UInt8], at index: Int, steps: inout Int) -> (utf8: [UInt8], length: Int)? {
        let limit = min(bytes.count, index + maxLength)
        var semicolon = index + 1
        // Only letters, digits and '#' can come before the ';', so the look-ahead stops at anything else.
        while semicolon < limit && bytes[semicolon] != UInt8(ascii: ";") {
            guard MarkdownCharacters.isASCIIAlphanumeric(bytes[semicolon]) || bytes[semicolon] == UInt8(ascii: "#") else { break }
            semicolon += 1
        }
        steps += semicolon - index
        guard semicolon < limit, bytes[semicolon] == UInt8(ascii: ";") else { return nil }
        let body = bytes[(index + 1)..<semicolon]
        guard let scalar = scalar(named: body) else { return nil }
        return (Array(String(Character(scalar)).utf8), semicolon - index + 1)
    }

    private static func scalar(named body: ArraySlice<UInt8>) -> Unicode.Scalar? {
        guard let first = body.first else { return nil }
        guard first == UInt8(ascii: "#") else {
            guard body.allSatisfy(MarkdownCharacters.isASCIIAlphanumeric) else { return nil }
            return named[String(decoding: body, as: UTF8.self)]
        }
        var digits = body.dropFirst()
        var radix: UInt32 = 10
        if let x = digits.first, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") { radix = 16; digits = digits.dropFirst() }
        // CommonMark's bounds: up to 7 decimal or 6 hex digits.
        guard !digits.isEmpty, digits.count <= (radix == 10 ? 7 : 6) else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            guard let d = hexValue(digit), d < radix else { return nil }
            value = value * radix + d
        }
        // NUL, surrogates and values past Unicode are not characters; show the replacement character.
        return value == 0 ? "\u{FFFD}" : Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The names guide authors write. HTML has over two thousand; an unknown name is left as the text
    /// it is (`&foo;` shows as `&foo;`), which is safe and readable, so a short list does.
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "minus": "−",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "times": "×", "divide": "÷", "middot": "·", "bull": "•", "deg": "°", "plusmn": "±", "micro": "µ",
        "para": "¶", "sect": "§", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "permil": "‰",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "lArr": "⇐", "rArr": "⇒", "hArr": "⇔",
        "ne": "≠", "le": "≤", "ge": "≥", "asymp": "≈", "infin": "∞", "sum": "∑", "radic": "√",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ",
        "check": "✓", "cross": "✗", "star": "☆", "hearts": "♥", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "colon": ":", "lpar": "(", "rpar": ")",
        "lsqb": "[", "rsqb": "]", "lbrack": "[", "rbrack": "]", "ast": "*", "lowbar": "_", "grave": "`",
        "num": "#", "excl": "!", "vert": "|", "bsol": "\\", "sol": "/", "Tab": "\t", "NewLine": "\n",
    ]
}
