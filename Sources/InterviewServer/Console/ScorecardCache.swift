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
        /// The card's columns; its generation is the one the engine was read at.
        var card: CardState
        /// The last score and the state it was computed for, so the next scoring redoes only the
        /// topic that changed (`Scoring.score(_:_:reusing:)`).
        var scored: (state: SessionState, card: InterviewCore.Scorecard)? = nil
    }

    let locks = KeyedLocks()
    /// Per candidate: an erasure, an edit of the candidate's details and a decision about them, one at a
    /// time on this instance (`CandidateWrites`). Kept here because the erasure, which takes both kinds,
    /// already works with this object.
    let candidateLocks = KeyedLocks()
    /// One save of a guide at a time on this instance, so an edit based on a version that is no longer
    /// current is told so rather than silently replacing it (`GuideService.saveEdit`).
    let guideLocks = KeyedLocks()
    let writer: ScorecardWriter
    /// See `ServerSettings.isSingleWriter`: whether the engines kept here are always current.
    let singleWriter: Bool

    init(writer: ScorecardWriter, singleWriter: Bool) {
        self.writer = writer
        self.singleWriter = singleWriter
    }

    private let guides = Mutex<[UUID: LoadedGuide]>([:])
    private let entries = Mutex<[UUID: Entry]>([:])
    private let seats = Mutex<[PanelSeat.Key: PanelSeat]>([:])

    func seat(_ key: PanelSeat.Key) -> PanelSeat? { seats.withLock { $0[key] } }
    func store(_ seat: PanelSeat, for key: PanelSeat.Key) { seats.withLock { $0[key] = seat } }
    /// Someone taken off a position: their seats are checked again on their next action.
    func forgetSeats(of userID: UUID) { seats.withLock { $0 = $0.filter { $0.key.userID != userID } } }
    /// An interview cancelled or reopened: its seats are read again, with the status, on the next action.
    func forgetSeats(ofInterview interviewID: UUID) { seats.withLock { $0 = $0.filter { $0.key.interviewID != interviewID } } }

    func guide(_ versionID: UUID) -> LoadedGuide? { guides.withLock { $0[versionID] } }
    func store(guide: LoadedGuide, for versionID: UUID) { guides.withLock { $0[versionID] = guide } }

    func entry(_ scorecardID: UUID) -> Entry? { entries.withLock { $0[scorecardID] } }
    func store(_ entry: Entry, for scorecardID: UUID) {
        entries.withLock {
            // A bound on memory: past it, engines are read again from the database when next used.
            if $0.count >= 10_000, $0[scorecardID] == nil { $0.removeAll() }
            $0[scorecardID] = entry
        }
    }
    func forget(_ scorecardID: UUID) { _ = entries.withLock { $0.removeValue(forKey: scorecardID) } }
}

extension Application {
    private struct ScorecardCacheKey: StorageKey { typealias Value = ScorecardCache }

    var scorecardCache: ScorecardCache {
        guard let cache = storage[ScorecardCacheKey.self] else { fatalError("configure() prepares the scorecard cache") }
        return cache
    }

    /// Created at configure time so that concurrent requests never race to create it.
    func prepareScorecardCache() {
        let app = self
        // Not `app.db`, which traps once the databases are shut down: a write still queued while the
        // server stops fails (and is not acknowledged) instead.
        let writer: ScorecardWriter
        if case .sqliteFile(let path) = serverSettings.storage {
            writer = ScorecardWriter(.sqliteLine(ScorecardSQLiteLine(path: path)))
        } else {
            writer = ScorecardWriter(.fluent({
                guard let db = app.databases.database(logger: app.logger, on: app.eventLoopGroup.any()) else {
                    throw Abort(.serviceUnavailable, reason: "The server is shutting down; try again.")
                }
                return db
            }))
        }
        lifecycle.use(ScorecardWriterShutdown(writer: writer))
        storage[ScorecardCacheKey.self] = ScorecardCache(writer: writer,
                                                          singleWriter: serverSettings.isSingleWriter)
    }
}

/// Stops the scorecard writer when the application shuts down (`ScorecardWriter.shutdown`).
private struct ScorecardWriterShutdown: LifecycleHandler {
    let writer: ScorecardWriter

    func shutdownAsync(_ application: Application) async {
        await writer.shutdown()
    }
}

/// A guide version as the console uses it: imported once, with its guidance already rendered to HTML.
/// Versions never change once saved, so this never goes stale.
struct LoadedGuide: Sendable {
    let guide: Guide
    let contentHash: String
    let libraryID: UUID
    let stageGuidance: [String: String]
    let topicGuidance: [String: String]
    /// `ConsoleGuide` encoded once: every console page asks for it.
    let consoleJSON: Data

    init(_ version: GuideVersion) {
        // As read when the version was saved: the events recorded on it walk that reading.
        guide = version.reading
        contentHash = version.contentHash
        libraryID = version.$guide.id
        var stages: [String: String] = [:], topics: [String: String] = [:]
        for stage in guide.stages { stages[stage.key] = GuidanceHTML.render(stage.guidance) }
        for topic in guide.topics { topics[topic.key] = GuidanceHTML.topic(topic, in: guide) }
        stageGuidance = stages
        topicGuidance = topics
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        consoleJSON = (try? encoder.encode(ConsoleGuide(guide, hash: version.contentHash))) ?? Data("{}".utf8)
    }
}
