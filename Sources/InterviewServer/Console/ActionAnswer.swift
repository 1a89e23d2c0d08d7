import Vapor

/// What the server says to one console action: a status and a JSON body. The same answer goes out as
/// an HTTP response (`POST …/console/actions`) or as one message on the console's socket, where it is
/// wrapped as `{"status": …, "body": …}` so the browser handles both the same way.
struct ActionAnswer: Sendable {
    var status: HTTPStatus
    var body: [UInt8]

    var response: Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: body)))
    }

    /// The socket message: `{"status":200,"body":…}`, written around the body's bytes without re-encoding.
    func message(allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: body.count + 24)
        buffer.writeString("{\"status\":\(status.code),\"body\":")
        buffer.writeBytes(body)
        buffer.writeString("}")
        return buffer
    }

    /// An error in the shape Vapor's error middleware gives the HTTP API (`{"error": true, "reason": …}`).
    /// Only deliberate errors (`AbortError`) say why; anything else is a plain 500, its details kept for the log.
    init(error: any Error, language: Language = .en) {
        let status: HTTPStatus
        let reason: String
        if let abort = StorageTrouble.abort(for: error) {
            status = abort.status
            reason = abort.reason
        } else {
            status = .internalServerError
            reason = "Something went wrong."
        }
        var json = JSONText()
        json.object { o in
            o.key("error"); o.value(true)
            o.key("reason"); o.value(ErrorReasons.localized(reason, status: status, language: language))
        }
        self.init(status: status, body: json.bytes)
    }

    init(status: HTTPStatus, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
