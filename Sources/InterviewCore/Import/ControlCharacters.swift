import Flowchart
import Foundation

/// Control characters in a guide's Markdown (ESC, BEL, a lone carriage return, C1 controls): nothing a
/// guide means, but each could act on the terminal of whoever runs `interview run`, `guide show` or
/// `guide diff` on the guide. They are removed before the guide is read, and each line that had one is
/// a warning at its line and column, so lint names them and the author can see what went.
enum ControlCharacters {
    static func strip(_ text: String) -> (text: String, diagnostics: [GuideDiagnostic]) {
        // Most guides have none: one pass over the bytes decides (C1 controls are 0xC2 0x80–0x9F in UTF-8;
        // the invisible formatting characters below start 0xE2 0x80/0x81 or 0xEF 0xBB).
        var utf8 = text.utf8.makeIterator(), previous: UInt8 = 0, suspect = false
        while let byte = utf8.next() {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
                || (previous == 0xE2 && (byte == 0x80 || byte == 0x81)) || (previous == 0xEF && byte == 0xBB) {
                suspect = true
                break
            }
            previous = byte
        }
        guard suspect else { return (text, []) }
        var diagnostics: [GuideDiagnostic] = []
        // By scalar, not Character: "\r\n" is one Character, and a line end must still end a line.
        let scalars = Array(text.unicodeScalars)
        var clean = String.UnicodeScalarView()
        var line = 1, column = 1, reported = 0
        for (i, scalar) in scalars.enumerated() {
            defer {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            // A byte-order mark opening the file is how some Windows editors save UTF-8: dropped, no word.
            if i == 0, scalar.value == 0xFEFF { continue }
            let invisible = isInvisibleFormatting(scalar)
            // A carriage return before a line feed is a CRLF line end, and stays (`TerminalSafe.acts`).
            guard invisible || TerminalSafe.acts(scalars, at: i) else {
                clean.append(scalar)
                continue
            }
            guard reported < line else { continue }   // one warning a line, at its first control
            reported = line
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            let text = invisible
                ? LocalizedText(en: "invisible formatting character \(code) removed from this line: it makes text read as something else (a title shown reversed, two ids that look the same)",
                                zh: "已从本行移除不可见的格式字符 \(code)：它会让文字看起来变成别的样子（标题显示为倒序，两个看起来相同的 id）")
                : LocalizedText(en: "control character \(code) removed from this line: it could act on the terminal of whoever reads the guide there",
                                zh: "已从本行移除控制字符 \(code)：它可能作用于在终端中阅读本指南的人的终端")
            diagnostics.append(GuideDiagnostic(Diagnostic(.warning, .controlCharacter, at: SourcePosition(line: line, column: column), text)))
        }
        return (String(clean), diagnostics)
    }
}

extension ControlCharacters {
    /// The bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which reorder what
    /// follows them ("Unicode \u{202E}gnp.exe" reads "Unicode exe.png"), and the zero-width space, word
    /// joiner and a byte-order mark inside the text (U+200B, U+2060, U+FEFF), which make two ids that
    /// look alike differ. The joiners U+200C/U+200D stay: scripts and emoji need them.
    static func isInvisibleFormatting(_ scalar: Unicode.Scalar) -> Bool {
        InvisibleFormatting.isDirectional(scalar) || InvisibleFormatting.isZeroWidth(scalar)
    }

    /// A guide exported as JSON with the same characters removed from every string in it (JSON writes
    /// them escaped, `\u001b`, so they only appear once decoded). Not valid JSON is left for the decoder
    /// to report.
    static func cleanJSON(_ data: Data) -> Data {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let cleaned = try? JSONSerialization.data(withJSONObject: clean(value), options: [.fragmentsAllowed]) else {
            return data
        }
        return cleaned
    }

    private static func clean(_ value: Any) -> Any {
        switch value {
        case let text as String: return TerminalSafe.removed(text)
        case let list as [Any]: return list.map(clean)
        case let object as [String: Any]: return object.mapValues(clean)
        default: return value
        }
    }
}

/// The characters that change how text reads without being seen: one definition for guides
/// (`ControlCharacters`) and for what people type into forms (the server's `UserText`).
public enum InvisibleFormatting {
    /// The bidirectional embeddings, overrides and isolates, U+202A–202E and U+2066–2069.
    public static func isDirectional(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The zero-width space, the word joiner and a byte-order mark inside text (U+200B, U+2060, U+FEFF).
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200B || scalar.value == 0x2060 || scalar.value == 0xFEFF
    }
}

extension DiagnosticCode {
    public static let controlCharacter: DiagnosticCode = "control-character"
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
