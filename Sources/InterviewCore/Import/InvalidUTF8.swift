import Flowchart
import Foundation

/// Bytes in a guide file that are not UTF-8: the file is still read, each such byte as U+FFFD, and the
/// first one is a warning at its line and column (columns count Unicode scalars, as every finding's do).
/// It was replaced without a word, so `guide convert`, which promises to keep the rest of the file
/// byte for byte, changed it silently.
public enum InvalidUTF8 {
    public static func firstPosition(in data: Data) -> SourcePosition? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == 0x0A { line += 1; column = 1 } else { column += 1 }
            case .error:
                return SourcePosition(line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }

    public static func diagnostic(at position: SourcePosition) -> Diagnostic {
        Diagnostic(.warning, .invalidUTF8, at: position, LocalizedText(
            en: "bytes here are not UTF-8 and are read as U+FFFD (\u{FFFD}); save the file as UTF-8",
            zh: "此处的字节不是 UTF-8，已按 U+FFFD（\u{FFFD}）读取；请把文件存为 UTF-8"))
    }
}

extension DiagnosticCode {
    public static let invalidUTF8: DiagnosticCode = "invalid-utf8"
}
