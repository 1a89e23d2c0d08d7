/// A link or image target that may go into `href` or `src`: web and mail links, and links within the
/// page or site (`#frag`, `/path`, `path`, `?q`). Every other scheme — `javascript:`, `data:`,
/// `vbscript:`, `file:` — has no value of this type, so the HTML writer cannot be handed one; the
/// Markdown that asked for it is shown as text instead. A guide is user text (security issue: guidance
/// HTML from a renderer whose output we control completely).
struct SafeURL: Equatable {
    /// The target as a browser will read it (see `init`); escaped only at the sink.
    let bytes: [UInt8]

    /// Schemes by allow-list, never by deny-list: a deny-list misses the next obfuscation.
    private static let schemes: Set<[UInt8]> = [Array("http".utf8), Array("https".utf8), Array("mailto".utf8)]

    /// - Parameter target: the destination after backslash escapes and entities were decoded, so
    ///   `java&#x09;script:` arrives here as `java<TAB>script:`.
    init?(_ target: [UInt8]) {
        // Browsers delete tab, LF and CR anywhere in a URL and trim C0 controls and spaces from both
        // ends (WHATWG URL parsing), so `JaVa\tScRiPt:` is `javascript:` to them. Judge the URL they
        // will see, and write that same URL.
        var url = target.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        while let last = url.last, last <= 0x20 { url.removeLast() }
        let lead = url.prefix { $0 <= 0x20 }.count
        url.removeFirst(lead)
        // Any other control character inside is never part of a link a person meant to write.
        guard !url.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        // The scheme is what comes before the first ':' — unless a '/', '?' or '#' comes first, which
        // makes the URL relative (`/a:b`, `?q=a:b`, `#x:y`). A colon in the first segment with no
        // allowed scheme before it is refused even when a browser might call it relative (`1:x`):
        // refusing a rare odd link costs less than guessing how each browser reads it.
        var isMail = false
        if let end = url.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/")
                                            || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
           url[end] == UInt8(ascii: ":") {
            let scheme = url[..<end].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
            guard Self.schemes.contains(scheme) else { return nil }
            isMail = scheme == Array("mailto".utf8)
        }
        // In a web or relative URL browsers read a backslash before the query as a slash, so `/\evil.example`
        // is `//evil.example`, another site, though it looks like a path on ours. Write the slashes they read,
        // so the link says where it goes (a security review found `/\` kept).
        if !isMail {
            let queryOrFragment = url.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.endIndex
            for i in url.startIndex..<queryOrFragment where url[i] == UInt8(ascii: "\\") { url[i] = UInt8(ascii: "/") }
        }
        // A space inside (possible in `<a b>` destinations) would end an unquoted URL elsewhere, and
        // browsers encode it anyway; encode it here so the written URL is the one they use.
        var encoded: [UInt8] = []
        encoded.reserveCapacity(url.count)
        for byte in url {
            if byte == 0x20 { encoded.append(contentsOf: Array("%20".utf8)) } else { encoded.append(byte) }
        }
        bytes = encoded
    }

    /// A `mailto:` link for an email autolink, whose address the reader already checked character by
    /// character.
    init(mailto address: ArraySlice<UInt8>) {
        bytes = Array("mailto:".utf8) + address
    }
}
