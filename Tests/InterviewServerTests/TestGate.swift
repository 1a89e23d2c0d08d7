/// Lets at most `limit` holders through at once, the others waiting in turn. `postgres` limits how many
/// test applications hold PostgreSQL connections at once: swift-testing runs every test in parallel, and
/// each app's pool opens a connection per event loop, which would pass the server's `max_connections`
/// (100 by default). A gate of one also lets a test hold a background task at a point of its choosing.
actor TestGate {
    static let postgres = TestGate(limit: 8)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        // The slot is handed over by `leave`, so `running` stays counted for us.
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
