/// Text laid out in terminal columns: Chinese characters take two, combining marks none.
enum TerminalText {
    static func width(_ c: Character) -> Int {
        guard let scalar = c.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }

    static func width(_ s: String) -> Int { s.reduce(0) { $0 + width($1) } }

    /// Breaks a line into pieces no wider than `columns`, at the last place it can: a space, or between
    /// two characters after a Chinese one (Chinese text has no spaces, and mixed text such as "3.2 缓存…"
    /// must not break at its only space and leave the rest of the line empty).
    static func wrap(_ line: String, columns: Int, indent: String = "") -> [String] {
        guard columns > 4, width(line) > columns else { return [line] }
        var lines: [String] = [], current = "", currentWidth = 0
        var lastSpace: String.Index?, afterWide: String.Index?, beforeLastWide: String.Index?
        for c in line {
            let w = width(c)
            if currentWidth + w > columns {
                // Closing punctuation never starts a line (a wrapped line of "。" alone, or starting "，": a
                // terminal probe): the break moves before the character it follows.
                if Self.closing.contains(c), afterWide == current.endIndex { afterWide = beforeLastWide }
                if let space = lastSpace, space > current.startIndex, afterWide.map({ space >= $0 }) ?? true {
                    lines.append(String(current[..<space]))
                    current = indent + String(current[current.index(after: space)...])
                } else if let cut = afterWide, cut > current.startIndex, cut < current.endIndex {
                    lines.append(String(current[..<cut]))
                    current = indent + String(current[cut...])
                } else {
                    lines.append(current)
                    current = indent
                }
                currentWidth = width(current)
                lastSpace = nil
                afterWide = nil
                beforeLastWide = nil
            }
            if c == " " { lastSpace = current.endIndex }
            let before = current.endIndex
            current.append(c)
            currentWidth += w
            if w == 2 {
                beforeLastWide = before > current.startIndex ? before : nil
                afterWide = current.endIndex
            }
        }
        return lines + [current]
    }

    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "”", "’", "…"]

    /// The end of a line that is too long, after "…": for the line being typed, whose end is where the
    /// cursor is (cut at its end, a note at 40 columns hid what was being typed — the terminal probe).
    static func keepingEnd(_ line: String, columns: Int) -> String {
        guard width(line) > columns else { return line }
        var out: [Character] = [], used = 0
        for c in line.reversed() {
            if used + width(c) > columns - 1 { break }
            out.append(c)
            used += width(c)
        }
        return "…" + String(out.reversed())
    }

    static func truncate(_ line: String, columns: Int) -> String {
        guard width(line) > columns else { return line }
        var out = "", used = 0
        for c in line {
            if used + width(c) > columns - 1 { break }
            out.append(c)
            used += width(c)
        }
        return out + "…"
    }

    /// Guidance as a terminal shows it: Markdown's emphasis marks (`**轻松的氛围**`, `__…__`, `` `code` ``)
    /// dropped, as the console's page draws them rather than showing them (a terminal probe).
    static func withoutEmphasis(_ text: String) -> String {
        text.replacing("**", with: "").replacing("__", with: "").replacing("`", with: "")
    }
}
