import Metrics
import Prometheus

/// What the server counts for `/metrics`, through swift-metrics with swift-prometheus as its backend.
///
/// Vapor itself reports every request through swift-metrics once a backend is bootstrapped:
/// `http_requests_total` and `http_request_duration_seconds` (a histogram) by method, route pattern
/// (`/interviews/:id/console/actions`, never the actual path, so ids and search terms stay out) and
/// status, and `http_request_errors_total` for 5xx. The server adds what only it knows: open console
/// sockets, scorecard commits and their latency, login failures, storage trouble.
///
/// swift-metrics takes one backend per process ("bootstrap at most once"), so there is one registry per
/// process: `interview serve` has one application; tests make many, and they all report here, which is
/// why tests compare counts before and after rather than absolute values.
enum ServerMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // From half a millisecond: a rating is answered in about one, and the default buckets start at 5.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
            .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Installs the backend; `configure` calls it before anything reports.
    static func bootstrap() { _ = registry }

    private static func ready<T>(_ make: () -> T) -> T {
        bootstrap()
        return make()
    }

    static let consoleSockets = ready { Gauge(label: "interviewflow_console_sockets_open") }
    static let scorecardWrites = ready { Counter(label: "interviewflow_scorecard_writes_total") }
    static let scorecardWriteFailures = ready { Counter(label: "interviewflow_scorecard_write_failures_total") }
    /// One observation per commit (a group of writes), from the first statement to the commit's return.
    static let scorecardCommit = ready { Metrics.Timer(label: "interviewflow_scorecard_commit_seconds", preferredDisplayUnit: .seconds) }
    private static let loginFailures = ready {
        Dictionary(uniqueKeysWithValues: LoginFailure.allCases.map {
            ($0, Counter(label: "interviewflow_login_failures_total", dimensions: [("reason", $0.rawValue)]))
        })
    }
    private static let storageTroubles = ready {
        [StorageTrouble.unavailable: "database_unavailable", .diskFull: "disk_full"].mapValues {
            Counter(label: "interviewflow_storage_trouble_total", dimensions: [("kind", $0)])
        }
    }

    enum LoginFailure: String, CaseIterable {
        case wrongPassword = "wrong_password", unknownAccount = "unknown_account", throttled
        /// The right password for a deactivated account; a wrong one on the Account page's change form.
        case deactivated, currentPasswordWrong = "current_password_wrong"
    }

    static func loginFailed(_ reason: LoginFailure) { loginFailures[reason]?.increment() }

    static func storageTrouble(_ trouble: StorageTrouble) { storageTroubles[trouble]?.increment() }

    static func scorecardCommitted(writes: Int, startedAt start: ContinuousClock.Instant) {
        scorecardCommit.recordNanoseconds(nanoseconds(since: start))
        scorecardWrites.increment(by: writes)
    }

    private static func nanoseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    }

    /// The Prometheus text exposition of everything counted so far.
    static func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16_384)
        registry.emit(into: &buffer)
        return buffer
    }
}
