import Vapor

/// `GET /metrics`: the Prometheus text format, for the addresses named by `--metrics-allow` only
/// (loopback by default). Everyone else gets the same 404 as for any unknown path, so the endpoint
/// does not announce itself. The address is the client's as `Request.clientAddress` sees it: behind a
/// trusted proxy every connection comes from the proxy, and judging by the connection alone would open
/// the metrics to anyone the proxy forwards.
enum MetricsEndpoint {
    static func answer(_ req: Request) throws -> Response {
        let address = req.clientAddress
        guard req.application.serverSettings.metricsAllowed.contains(where: { $0.contains(address) }) else {
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: ServerMetrics.exposition())))
    }
}
