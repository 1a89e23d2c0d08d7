import Foundation

/// The report as JSON: the `InterviewReport` model itself, keys sorted so output is stable.
public enum JSONReport {
    public static func render(_ report: InterviewReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The model holds only strings, numbers and arrays of them; encoding cannot fail.
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
