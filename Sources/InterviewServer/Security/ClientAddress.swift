import Vapor

extension Request {
    /// The address of the person at the other end. Behind a reverse proxy every connection comes from
    /// the proxy, which names the client in `X-Forwarded-For`; that header is believed only when the
    /// connection comes from a proxy named with `--trusted-proxy`, since anyone else can write it.
    /// Reading from the right, the first address that is not one of our proxies is the client's: the
    /// entries to its left were written by the client itself.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let proxies = application.serverSettings.trustedProxies
        guard !proxies.isEmpty else { return peer }
        let trusted = { (address: String) in proxies.contains { $0.contains(address) } }
        guard trusted(peer) else { return peer }
        let hops = headers["X-Forwarded-For"]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        // Only addresses count: an entry that is not one (a proxy that passes on what the client wrote)
        // ends the walk at the nearest proxy, so no one picks their own rate-limit key or writes text
        // into the security trail (an operator's probe stored 8,000 'A's as an address).
        var nearest = peer
        for hop in hops.reversed() {
            guard let address = Self.address(hop) else { return nearest }
            if !trusted(address) { return address }
            nearest = address
        }
        return nearest
    }

    /// `hop` as a bare IP address ("203.0.113.9:4444" and "[2001:db8::1]" lose the port and brackets), or
    /// nil when it is not one.
    static func address(_ hop: String) -> String? {
        guard hop.utf8.count <= 64 else { return nil }
        var text = hop
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { text = String(text[text.index(after: text.startIndex)..<close]) }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") { text = String(text[..<colon]) }
        guard !text.contains("/"), AddressRange(text) != nil else { return nil }
        return text
    }
}
