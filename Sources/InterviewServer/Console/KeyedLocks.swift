import Foundation
import Synchronization

/// Mutual exclusion per key across `await`s: one action at a time per scorecard on this instance, in
/// the order they arrived, while different scorecards go on in parallel. (Across instances the unique
/// event numbers in the database keep the log straight; see `ScorecardService`.)
///
/// Taking a free lock and giving it back are plain mutex operations, with no hop to another executor;
/// only a request that finds its card busy suspends, until the holder hands the lock over.
final class KeyedLocks: Sendable {
    private struct State {
        var held: Set<UUID> = []
        var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]
    }

    private let state = Mutex(State())

    func withLock<T: Sendable>(_ key: UUID, _ body: @Sendable () async throws -> T) async throws -> T {
        await lock(key)
        do {
            let result = try await body()
            unlock(key)
            return result
        } catch {
            unlock(key)
            throw error
        }
    }

    /// How many are queued for `key`: lets a test put two parties in line in a known order.
    func waitingCount(_ key: UUID) -> Int {
        state.withLock { $0.waiting[key]?.count ?? 0 }
    }

    /// Takes the lock if it is free, without waiting; whoever gets it must `unlock` it.
    func tryLock(_ key: UUID) -> Bool {
        state.withLock { $0.held.insert(key).inserted }
    }

    private func lock(_ key: UUID) async {
        let acquired = state.withLock { $0.held.insert(key).inserted }
        guard !acquired else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let handedOver = state.withLock { state -> Bool in
                // The holder may have let go between the two steps: then the lock is ours now.
                if state.held.insert(key).inserted { return true }
                state.waiting[key, default: []].append(continuation)
                return false
            }
            if handedOver { continuation.resume() }
        }
    }

    func unlock(_ key: UUID) {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard var queue = state.waiting[key], !queue.isEmpty else {
                state.held.remove(key)
                return nil
            }
            // Ownership passes to the next in line, so the key stays held.
            let next = queue.removeFirst()
            state.waiting[key] = queue.isEmpty ? nil : queue
            return next
        }
        next?.resume()
    }
}
