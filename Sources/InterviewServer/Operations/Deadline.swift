import NIOCore

extension EventLoop {
    /// The work's result, or `timeout` once `amount` has passed, whichever comes first. The work is left
    /// to finish on its own: a database call that stalled cannot be interrupted, only stopped being
    /// waited for. (A promise completed twice keeps its first result; NIO ignores the second.)
    func withDeadline<T: Sendable>(_ amount: TimeAmount, timeout: any Error,
                                   _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let promise = makePromise(of: T.self)
        let deadline = scheduleTask(in: amount) { promise.fail(timeout) }
        promise.completeWithTask(work)
        defer { deadline.cancel() }
        return try await promise.futureResult.get()
    }
}
