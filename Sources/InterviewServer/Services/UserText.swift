import Flowchart
import InterviewCore

/// What people type into forms and the console, as it is stored: "\r\n" as "\n" (browsers send a text
/// area's line ends as "\r\n"), without control characters (ESC, NUL, a lone carriage return, C1), and
/// without the bidirectional embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069).
/// A security review found them kept: "Alice\u{202E}gnp.exe" showed as "Alicexe.png" in every list and
/// ran on into the text beside it, and an ESC reached the debrief's Markdown download, which is read in
/// terminals. Names in right-to-left scripts need none of these; the marks U+200E/U+200F stay.
enum UserText {
    static func clean(_ text: String) -> String {
        let text = TerminalSafe.removed(LineEndings.unix(text))
        guard text.unicodeScalars.contains(where: InvisibleFormatting.isDirectional) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !InvisibleFormatting.isDirectional(scalar) { out.append(scalar) }
        return String(out)
    }

    /// A one-line field (a name, a title, an email): `clean`, its line breaks and tabs made spaces, and the
    /// zero-width space, word joiner and byte-order mark removed. A name of two lines, or one with an
    /// invisible character in it, looked like a colleague's in every list.
    static func line(_ text: String) -> String {
        let cleaned = clean(text)
        guard cleaned.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\t" || InvisibleFormatting.isZeroWidth($0) }) else { return cleaned }
        var out = String.UnicodeScalarView()
        for scalar in cleaned.unicodeScalars where !InvisibleFormatting.isZeroWidth(scalar) {
            out.append(scalar == "\n" || scalar == "\t" ? " " : scalar)
        }
        return String(out)
    }
}
