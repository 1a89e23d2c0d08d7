import Dispatch

/// Runs a long computation (a model fit, a page's figures over 10,000 cards) on a Dispatch thread of its
/// own rather than on Swift's cooperative pool, which has one thread per core and also runs every
/// request: on 2 cores a 0.25 s fit there held up the pages served beside it (285–298 ms instead of
/// 20–50). The operating system then shares the cores between the computation and the requests.
enum OffPool {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }
}
