import Foundation

/// Mutual exclusion per key across `await`s: one action at a time per scorecard on this instance, in
/// the order they arrived, while different scorecards go on in parallel. (Across instances the unique
/// event numbers in the database keep the log straight; see `ScorecardService`.)
actor KeyedLocks {
    private var held: Set<UUID> = []
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]

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

    private func lock(_ key: UUID) async {
        guard held.contains(key) else {
            held.insert(key)
            return
        }
        // Ownership is handed over by `unlock`, so the key stays held while we wait.
        await withCheckedContinuation { waiting[key, default: []].append($0) }
    }

    private func unlock(_ key: UUID) {
        guard var queue = waiting[key], !queue.isEmpty else {
            held.remove(key)
            return
        }
        let next = queue.removeFirst()
        waiting[key] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
