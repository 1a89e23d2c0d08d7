#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Windows line ends ("\r\n") read as "\n". Swift splits and compares by Character, and "\r\n" is one
/// Character, not "\n": a guide saved on Windows was read as one long line (0 flowcharts, the whole file
/// its title). The carriage return sits at the end of its line, so removing it moves no line or column
/// of anything a finding points at. A lone "\r" is left to the checks that report it.
public enum LineEndings {
    /// Whether the text has a "\r\n" (memchr for the "\r": most guides have none, and this is on the
    /// document path every lint and import takes).
    public static func hasWindowsLineEnds(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, 0x0D, bytes.count - from) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 1 < bytes.count, bytes[at + 1] == 0x0A { return true }
                from = at + 1
            }
            return false
        }
    }

    /// The text with every "\r\n" made "\n".
    public static func unix(_ text: String) -> String {
        guard hasWindowsLineEnds(text) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for i in bytes.indices where !(bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
                out.append(bytes[i])
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The text with every "\n" made "\r\n", for writing back a file that had them.
    public static func windows(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 40)
        for byte in text.utf8 {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
