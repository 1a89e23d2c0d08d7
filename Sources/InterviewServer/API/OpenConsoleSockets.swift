import NIOConcurrencyHelpers
import Vapor

/// The console sockets open on this server, so that stopping the server closes them first.
///
/// Why: a server stopping waits for its connections to finish their requests (Vapor's quiescing), and
/// an upgraded socket never does, so one console left open held every shutdown for Vapor's full
/// timeout (10 s). Lifecycle handlers run before that wait (and before the scorecard writer and the
/// databases stop); this one closes every socket with "going away", which browsers answer by falling
/// back to HTTP and, while the server is down, queueing — then waits for the action each socket may
/// still be working on, so none is cut off half way by the databases going away.
final class OpenConsoleSockets: Sendable {
    private struct Sockets {
        var open: [ObjectIdentifier: ConsoleSocketConnection] = [:]
        var closing = false
    }

    private let sockets = NIOLockedValueBox(Sockets())

    func add(_ connection: ConsoleSocketConnection) {
        let id = ObjectIdentifier(connection)
        let accepted = sockets.withLockedValue { sockets in
            guard !sockets.closing else { return false }
            sockets.open[id] = connection
            return true
        }
        guard accepted else {
            _ = connection.socket.close(code: .goingAway)
            return
        }
        ServerMetrics.consoleSockets.record(count)
        connection.socket.onClose.whenComplete { _ in
            self.sockets.withLockedValue { _ = $0.open.removeValue(forKey: id) }
            ServerMetrics.consoleSockets.record(self.count)
        }
    }

    var count: Int { sockets.withLockedValue { $0.open.count } }

    /// Closes every open socket and refuses new ones; waits until they are closed and their last
    /// actions are done.
    func closeAll() async {
        let open = sockets.withLockedValue { sockets in
            sockets.closing = true
            return Array(sockets.open.values)
        }
        for connection in open { try? await connection.stop().get() }
    }
}

extension Application {
    private struct OpenConsoleSocketsKey: StorageKey { typealias Value = OpenConsoleSockets }

    /// Created at configure time (`prepareConsoleSockets`), with the handler that closes them.
    var openConsoleSockets: OpenConsoleSockets {
        guard let sockets = storage[OpenConsoleSocketsKey.self] else { fatalError("configure() prepares the console sockets") }
        return sockets
    }

    func prepareConsoleSockets() {
        let sockets = OpenConsoleSockets()
        storage[OpenConsoleSocketsKey.self] = sockets
        lifecycle.use(ConsoleSocketsShutdown(sockets: sockets))
    }
}

private struct ConsoleSocketsShutdown: LifecycleHandler {
    let sockets: OpenConsoleSockets

    func shutdownAsync(_ application: Application) async {
        await sockets.closeAll()
    }
}
