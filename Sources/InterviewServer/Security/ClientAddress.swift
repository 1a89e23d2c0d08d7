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
        return hops.last { !trusted($0) } ?? hops.first ?? peer
    }
}
