import Foundation
import InterviewCore
import Synchronization
import Vapor

/// What this instance keeps in memory so that an action costs one engine step rather than a replay of
/// the whole log: imported guides by version, and the engine of each scorecard in use. The database
/// stays the truth: before each action the entry catches up with any events another instance wrote.
final class ScorecardCache: Sendable {
    struct Entry: Sendable {
        var engine: SessionEngine
        /// Client ids already applied, so a retried action is recognised.
        var clientIDs: Set<String>
        /// The card's generation the engine was read at (see `ScorecardRecord.generation`).
        var generation: Int
    }

    let locks = KeyedLocks()
    private let guides = Mutex<[UUID: Guide]>([:])
    private let entries = Mutex<[UUID: Entry]>([:])

    func guide(_ versionID: UUID) -> Guide? { guides.withLock { $0[versionID] } }
    func store(guide: Guide, for versionID: UUID) { guides.withLock { $0[versionID] = guide } }

    func entry(_ scorecardID: UUID) -> Entry? { entries.withLock { $0[scorecardID] } }
    func store(_ entry: Entry, for scorecardID: UUID) { entries.withLock { $0[scorecardID] = entry } }
    func forget(_ scorecardID: UUID) { _ = entries.withLock { $0.removeValue(forKey: scorecardID) } }
}

extension Application {
    private struct ScorecardCacheKey: StorageKey { typealias Value = ScorecardCache }

    var scorecardCache: ScorecardCache {
        if let cache = storage[ScorecardCacheKey.self] { return cache }
        let cache = ScorecardCache()
        storage[ScorecardCacheKey.self] = cache
        return cache
    }

    /// Created at configure time so that concurrent requests never race to create it.
    func prepareScorecardCache() { _ = scorecardCache }
}
