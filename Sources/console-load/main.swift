// The socket half of the console's load benchmark, run by Benchmarks/console_load.py (which starts the
// server, signs the interviewers in and prints the comparison). wrk measures the HTTP requests; wrk
// cannot speak WebSocket, so this client does the same for the console's socket: each interviewer sends
// a rating, waits for its answer, sends the next — never two in flight, as a browser's console does.
//
//     console-load --port P --seconds S --sessions FILE
//
// FILE has one interviewer per line: `path cookie` (path: the console's actions URL). Prints one JSON object with the figures.
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

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

/// One interviewer's socket. Touched only on its event loop.
final class Interviewer: @unchecked Sendable {
    let socket: WebSocket
    let tag: String
    let deadline: NIODeadline
    private var counter = 0
    private var sentAt = NIODeadline.now()
    private(set) var latencies: [UInt32] = []   // µs
    private(set) var failures = 0
    private(set) var duplicates = 0
    private(set) var firstFailure: String?

    init(socket: WebSocket, tag: String, deadline: NIODeadline) {
        self.socket = socket
        self.tag = tag
        self.deadline = deadline
        latencies.reserveCapacity(4096)
    }

    func start() {
        socket.onText { _, answer in self.answered(answer) }
        send()
    }

    private func send() {
        counter += 1
        let body = "{\"clientID\":\"\(tag)-\(counter)\",\"type\":\"rate\",\"topic\":\"3.1\",\"question\":\"op1\",\"rating\":\(counter % 5)}"
        sentAt = .now()
        socket.send(body)
    }

    private func answered(_ answer: String) {
        let now = NIODeadline.now()
        guard now <= deadline else { return }
        latencies.append(UInt32(clamping: (now - sentAt).nanoseconds / 1000))
        if !answer.hasPrefix("{\"status\":200,") {
            failures += 1
            if firstFailure == nil { firstFailure = String(answer.prefix(200)) }
        } else if answer.contains("\"duplicate\":true") {
            duplicates += 1
        }
        send()
    }
}

func run(_ options: Options) throws {
    let lines = try String(contentsOfFile: options.sessions, encoding: .utf8).split(separator: "\n")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: options.threads)
    defer { try? group.syncShutdownGracefully() }
    let runTag = "ws\(Int(Date().timeIntervalSince1970))"
    let connected = NIOLockedValueBox<[WebSocket]>([])
    // Connect everyone first, then start all at once: the measured window holds ratings only.
    let connections = lines.enumerated().map { index, line -> EventLoopFuture<Void> in
        let fields = line.split(separator: " ").map(String.init)
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "interviewflow-session=\(fields[1])")
        // As a browser on the site's own page: the server opens the socket only for those.
        // WebSocketKit sends `Host: 127.0.0.1` without the port; the origin names the same host.
        headers.add(name: .origin, value: "http://127.0.0.1")
        let url = "ws://127.0.0.1:\(options.port)\(fields[0].replacingOccurrences(of: "/actions", with: "/socket"))"
        return WebSocket.connect(to: url, headers: headers, on: group) { socket in
            connected.withLockedValue { $0.append(socket) }
        }
    }
    try EventLoopFuture.andAllSucceed(connections, on: group.next()).wait()
    let sockets = connected.withLockedValue { $0 }
    let usageBefore = cpuSeconds()
    let started = NIODeadline.now()
    let deadline = started + .nanoseconds(Int64(options.seconds * 1e9))
    let interviewers = sockets.enumerated().map { index, socket in
        Interviewer(socket: socket, tag: "\(runTag)x\(index)", deadline: deadline)
    }
    for interviewer in interviewers { interviewer.socket.eventLoop.execute { interviewer.start() } }
    Thread.sleep(forTimeInterval: options.seconds)
    let usage = cpuSeconds() - usageBefore
    Thread.sleep(forTimeInterval: 0.5)
    var latencies: [UInt32] = []
    var failures = 0, duplicates = 0
    var firstFailure: String?
    for interviewer in interviewers {
        try interviewer.socket.eventLoop.submit {
            latencies += interviewer.latencies
            failures += interviewer.failures
            duplicates += interviewer.duplicates
            firstFailure = firstFailure ?? interviewer.firstFailure
        }.wait()
        _ = try? interviewer.socket.close().wait()
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double {
        latencies.isEmpty ? 0 : Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1000
    }
    let figures: [String: Any] = [
        "ratings": latencies.count, "seconds": options.seconds, "failures": failures, "duplicates": duplicates,
        "p50_ms": percentile(0.5), "p99_ms": percentile(0.99), "client_cpu_s": usage,
        "connections": sockets.count, "first_failure": firstFailure ?? "",
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
