import Foundation

/// Where a `back` or `next` parameter may send someone: a path on this site and nothing else. Browsers
/// read `//host`, `/\host` and `\/host` as another site, and drop tabs and newlines inside a URL before
/// reading it, so the rule is strict: one `/`, then anything but `/` or `\`, only printable ASCII, no
/// backslash anywhere, and no scheme or host when parsed.
enum SafeRedirect {
    static func path(_ target: String?, fallback: String) -> String {
        guard let target, isLocalPath(target) else { return fallback }
        return target
    }

    static func isLocalPath(_ target: String) -> Bool {
        let bytes = Array(target.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count <= 2048 else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\") { return false }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else { return false }
        guard let components = URLComponents(string: target) else { return false }
        return components.scheme == nil && components.host == nil
    }
}
