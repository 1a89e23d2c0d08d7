/// The offending source line under a diagnostic, with a caret at the column and the fix applied
/// below it, the way compilers show them. CJK characters take two terminal cells.
enum Snippet {
    static func render(_ d: Diagnostic, lines: [Substring], language: Language = .en) -> String {
        guard d.position.line >= 1, d.position.line <= lines.count else { return "" }
        // Control characters shown, not obeyed (`TerminalSafe`); one scalar each, so the caret still lines up.
        let line = TerminalSafe.visible(String(lines[d.position.line - 1].trimmingWhitespaceSuffix()))
        let number = String(d.position.line)
        let gutter = String(repeating: " ", count: number.count)
        let scalars = Array(line.unicodeScalars)
        let before = scalars.prefix(max(0, d.position.column - 1))
        let pad = before.reduce(0) { $0 + ($1 == "\t" ? 1 : TerminalWidth.cells($1)) }
        let tabs = before.map { $0 == "\t" ? "\t" : "" }.joined()
        var out = " \(number) | \(line)\n \(gutter) | \(tabs)\(String(repeating: " ", count: pad - tabs.count))^\n"
        if let fixed = d.fixedLine(line) {
            // A fix that leaves nothing on the line (a stray `end` removed) printed an empty "fix:" line.
            let shown = fixed.allSatisfy(\.isWhitespace) ? (language == .zh ? "删除此行" : "delete this line") : fixed
            out += " \(gutter) = \(language == .zh ? "修复：" : "fix: ")\(shown)\n"
        }
        return out
    }
}

extension Diagnostic {
    /// `line` (the one the finding is on) as it reads with the fix applied, when the fix stays on that
    /// line: what a compiler prints under its caret, and what the guide editor shows under a finding.
    /// `line` with every one-line fix of `diagnostics` on it applied, right to left so each keeps its
    /// columns; nil unless there are two or more and no two overlap. For "apply all the fixes on this
    /// line": a line typed with an input method has one finding per full-width mark, and applying them one
    /// save at a time took five saves (a probe).
    public static func fixedLine(_ line: String, applyingAll diagnostics: [Diagnostic]) -> String? {
        let fixes = diagnostics.compactMap { d -> Fix? in
            guard let fix = d.fix, fix.start.line == d.position.line, fix.end.line == fix.start.line else { return nil }
            return fix
        }.sorted { $0.start.column > $1.start.column }
        guard fixes.count >= 2 else { return nil }
        for (later, earlier) in zip(fixes, fixes.dropFirst()) where earlier.end.column > later.start.column { return nil }
        var scalars = Array(line.unicodeScalars)
        for fix in fixes {
            let start = min(max(fix.start.column - 1, 0), scalars.count)
            let end = min(max(fix.end.column - 1, start), scalars.count)
            scalars.replaceSubrange(start..<end, with: Array(fix.replacement.unicodeScalars))
        }
        var fixed = String.UnicodeScalarView()
        fixed.append(contentsOf: scalars)
        return String(fixed)
    }

    public func fixedLine(_ line: String) -> String? {
        guard let fix, fix.start.line == position.line, fix.end.line == fix.start.line else { return nil }
        let scalars = Array(line.unicodeScalars)
        let start = min(max(fix.start.column - 1, 0), scalars.count)
        let end = min(max(fix.end.column - 1, start), scalars.count)
        var fixed = String.UnicodeScalarView()
        fixed.append(contentsOf: scalars[0..<start])
        fixed.append(contentsOf: fix.replacement.unicodeScalars)
        fixed.append(contentsOf: scalars[end...])
        return String(fixed)
    }
}

/// How many terminal cells a character takes: two for East Asian wide and full-width characters.
public enum TerminalWidth {
    public static func cells(_ scalar: Unicode.Scalar) -> Int {
        isWide(scalar) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges (UAX #11), the ones that occur in guides.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension Substring {
    func trimmingWhitespaceSuffix() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\r" || l == "\t" { s = s.dropLast() }
        return s
    }
}
