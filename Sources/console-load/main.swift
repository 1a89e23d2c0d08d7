// The socket half of the console's load benchmark, run by Benchmarks/console_load.py (which starts the
// server, signs the interviewers in and prints the comparison). wrk measures the HTTP requests; wrk
// cannot speak WebSocket, so this client does the same for the console's socket: each interviewer sends
// a rating, waits for its answer, sends the next — never two in flight, as a browser's console does.
// Written on SwiftNIO's WebSocket codec, like the server's own.
//
//     console-load --port P --seconds S --sessions FILE
//
// FILE has one interviewer per line: `path cookie` (path: the console's actions URL). Prints one JSON object with the figures.
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

struct Options {
    var port = 8080
    var seconds = 15.0
    var sessions = ""
    var threads = 2

    init(_ arguments: [String]) throws {
        var rest = arguments.dropFirst()
        while let name = rest.popFirst() {
            guard let value = rest.popFirst() else { throw Failure("\(name) needs a value") }
            switch name {
            case "--port": port = Int(value) ?? port
            case "--seconds": seconds = Double(value) ?? seconds
            case "--sessions": sessions = value
            case "--threads": threads = Int(value) ?? threads
            default: throw Failure("unknown option \(name)")
            }
        }
        guard !sessions.isEmpty else { throw Failure("--sessions FILE is required") }
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One interviewer's socket, on NIO directly: the client shares the two cores with the server, so like
/// wrk it should spend as little as it can per message (WebSocketKit's client cost ~28 µs per rating,
/// twice wrk's per request). Touched only on its channel's event loop.
final class Interviewer: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let tag: String
    private var context: ChannelHandlerContext?
    private var deadline = NIODeadline.distantFuture
    private var counter = 0
    private var sentAt = NIODeadline.now()
    /// Masking keys only have to be unpredictable to a page's script (RFC 6455 §10.3): drawn once at
    /// start and used in turn, instead of a getrandom call per frame.
    private static let maskingKeys = (0..<4096).map { _ in WebSocketMaskingKey.random() }
    private(set) var latencies: [UInt32] = []   // µs
    private(set) var failures = 0
    private(set) var duplicates = 0
    private(set) var firstFailure: String?
    let upgraded: EventLoopPromise<Void>

    init(tag: String, upgraded: EventLoopPromise<Void>) {
        self.tag = tag
        self.upgraded = upgraded
        latencies.reserveCapacity(4096)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        upgraded.succeed(())
    }

    func start(until deadline: NIODeadline) {
        self.deadline = deadline
        send()
    }

    private func send() {
        guard let context else { return }
        counter += 1
        let body = "{\"clientID\":\"\(tag)-\(counter)\",\"type\":\"rate\",\"topic\":\"3.1\",\"question\":\"op1\",\"rating\":\(counter % 5)}"
        let key = Self.maskingKeys[counter % Self.maskingKeys.count]
        sentAt = .now()
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, maskKey: key,
                                                             data: context.channel.allocator.buffer(string: body))), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard frame.opcode == .text else {
            if frame.opcode == .connectionClose { failures += 1; firstFailure = firstFailure ?? "the server closed the socket" }
            return
        }
        let now = NIODeadline.now()
        guard now <= deadline else { return }
        latencies.append(UInt32(clamping: (now - sentAt).nanoseconds / 1000))
        // The answer begins {"status":…,"body":{"accepted":true,"duplicate":…: only its head is read.
        let head = frame.data.getString(at: frame.data.readerIndex, length: min(64, frame.data.readableBytes)) ?? ""
        if !head.hasPrefix("{\"status\":200,") {
            failures += 1
            if firstFailure == nil { firstFailure = frame.data.getString(at: frame.data.readerIndex, length: min(200, frame.data.readableBytes)) }
        } else if head.contains("\"duplicate\":true") {
            duplicates += 1
        }
        send()
    }
}

/// Sends the upgrade request once the connection is up.
final class UpgradeRequest: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart
    let path: String
    let headers: HTTPHeaders

    init(path: String, headers: HTTPHeaders) {
        self.path = path
        self.headers = headers
    }

    func channelActive(context: ChannelHandlerContext) {
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Only a refused upgrade gets here (an accepted one replaces the HTTP handlers).
        if case .head(let response) = unwrapInboundIn(data) {
            context.fireErrorCaught(Failure("the upgrade was answered \(response.status.code)"))
            context.close(promise: nil)
        }
    }
}

func connect(path: String, cookie: String, port: Int, tag: String, on group: any EventLoopGroup) -> EventLoopFuture<(any Channel, Interviewer)> {
    let loop = group.next()
    let interviewer = Interviewer(tag: tag, upgraded: loop.makePromise())
    var headers = HTTPHeaders()
    headers.add(name: "Host", value: "127.0.0.1:\(port)")
    headers.add(name: "Cookie", value: "interviewflow-session=\(cookie)")
    // As a browser on the site's own page: the server opens the socket only for those.
    headers.add(name: "Origin", value: "http://127.0.0.1:\(port)")
    headers.add(name: "Content-Length", value: "0")
    let request = UpgradeRequest(path: path, headers: headers)
    return ClientBootstrap(group: loop)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            let upgrader = NIOWebSocketClientUpgrader(maxFrameSize: 1 << 20) { channel, _ in
                channel.pipeline.addHandler(interviewer)
            }
            let upgrade: NIOHTTPClientUpgradeSendableConfiguration = (upgraders: [upgrader], completionHandler: { context in
                context.pipeline.removeHandler(request, promise: nil)
            })
            return channel.pipeline.addHTTPClientHandlers(withClientUpgrade: upgrade).flatMap {
                channel.pipeline.addHandler(request)
            }
        }
        .connect(host: "127.0.0.1", port: port)
        .flatMap { channel in interviewer.upgraded.futureResult.map { (channel, interviewer) } }
}

func run(_ options: Options) throws {
    let lines = try String(contentsOfFile: options.sessions, encoding: .utf8).split(separator: "\n")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: options.threads)
    defer { try? group.syncShutdownGracefully() }
    let runTag = "ws\(Int(Date().timeIntervalSince1970))"
    // Connect everyone first, then start all at once: the measured window holds ratings only.
    let connections = try lines.enumerated().map { index, line in
        let fields = line.split(separator: " ").map(String.init)
        let path = fields[0].replacingOccurrences(of: "/actions", with: "/socket")
        return try connect(path: path, cookie: fields[1], port: options.port, tag: "\(runTag)x\(index)", on: group).wait()
    }
    let usageBefore = cpuSeconds()
    let deadline = NIODeadline.now() + .nanoseconds(Int64(options.seconds * 1e9))
    for (channel, interviewer) in connections { channel.eventLoop.execute { interviewer.start(until: deadline) } }
    Thread.sleep(forTimeInterval: options.seconds)
    let usage = cpuSeconds() - usageBefore
    Thread.sleep(forTimeInterval: 0.5)
    var latencies: [UInt32] = []
    var failures = 0, duplicates = 0
    var firstFailure: String?
    for (channel, interviewer) in connections {
        let (l, f, d, first) = try channel.eventLoop.submit {
            (interviewer.latencies, interviewer.failures, interviewer.duplicates, interviewer.firstFailure)
        }.wait()
        latencies += l
        failures += f
        duplicates += d
        firstFailure = firstFailure ?? first
        try? channel.close().wait()
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double {
        latencies.isEmpty ? 0 : Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1000
    }
    let figures: [String: Any] = [
        "ratings": latencies.count, "seconds": options.seconds, "failures": failures, "duplicates": duplicates,
        "p50_ms": percentile(0.5), "p99_ms": percentile(0.99), "client_cpu_s": usage,
        "connections": connections.count, "first_failure": firstFailure ?? "",
    ]
    let json = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}

/// This process's user + system CPU time.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

do {
    try run(Options(CommandLine.arguments))
} catch {
    FileHandle.standardError.write(Data("console-load: \(error)\n".utf8))
    exit(1)
}
