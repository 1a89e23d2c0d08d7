#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Windows line ends ("\r\n") read as "\n". Swift splits and compares by Character, and "\r\n" is one
/// Character, not "\n": a guide saved on Windows was read as one long line (0 flowcharts, the whole file
/// its title). The carriage return sits at the end of its line, so removing it moves no line or column
/// of anything a finding points at. A lone "\r" is a line end too, as CommonMark and every editor read
/// it: a file saved with classic Mac line ends was one line with its "\r"s removed as control
/// characters (nothing to ask); made "\n", byte for byte, lines and columns stay the editor's.
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

    /// The text with every "\r\n" and every lone "\r" made "\n".
    public static func unix(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // memchr for the first "\r": most guides have none, and this is on every lint's and import's path.
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) != nil else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for i in bytes.indices {
                if bytes[i] != 0x0D {
                    out.append(bytes[i])
                } else if i + 1 == bytes.count || bytes[i + 1] != 0x0A {
                    out.append(0x0A)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
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
