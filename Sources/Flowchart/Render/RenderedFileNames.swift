/// File names for the drawings of a guide: numbered in document order so they sort as the guide
/// reads, with an ASCII slug of the heading so a directory listing still says which is which.
public enum RenderedFileNames {
    public static func names(for chartNames: [String]) -> [String] {
        let width = max(2, String(chartNames.count).count)
        return chartNames.enumerated().map { index, name in
            let number = String(index + 1)
            let padded = String(repeating: "0", count: width - number.count) + number
            let slug = slug(name)
            return slug.isEmpty ? padded : "\(padded)-\(slug)"
        }
    }

    /// Lower-case ASCII letters and digits, runs of anything else as one '-', at most 40 characters.
    static func slug(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).properties.lowercaseMapping.unicodeScalars.first!)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if out.count >= 40 { break }
        }
        return out
    }
}
