import Foundation
import InterviewCore
import Synchronization
import Vapor

/// What calibration keeps in memory, per submitted card: its calibration inputs, stamped with the card's
/// event count and generation; and per guide family the cards read, the fit and what the pages compute
/// from them, under a digest of the cards' ids and stamps. A card is read again only when its stamp
/// changes (an event appended, a rewrite after erasure), and the model is refitted only when some card
/// changed, so the calibration page and the debriefs of a 10,000-interview team do not replay every log
/// on every request. The stamps come from the database on every request, so the cache is right on
/// PostgreSQL with several instances too.
///
/// For a large family (`refreshInBackgroundFrom` cards or more) a change is read behind the pages: they
/// go on showing the last complete state, marked as updating, while the new cards are read, refitted and
/// summarised in the background (1.6–3.3 s at 10,000 interviews), and then switch over at once. So each
/// family keeps the figures of two states, the one shown and the one being prepared.
final class CalibrationCache: Sendable {
    struct Stamp: Hashable, Sendable { var eventCount: Int; var generation: Int }

    struct Card: Sendable {
        var stamp: Stamp
        var card: CalibrationCard
    }

    /// What is computed from one state of a family's cards (`digest`).
    struct Derived: Sendable {
        var digest: Int
        var fit: RaterCalibration?
        /// The calibration page's figures, once some page has asked for them.
        var figures: [InterviewerCalibration]?
        /// The guide-health page's question statistics: all versions (key nil) and per guide version.
        var statistics: [UUID?: QuestionStatistics] = [:]
        /// The position and guide pages' pooled agreement, per set of positions.
        var pooled: [Set<UUID>: PooledAgreement] = [:]
    }

    /// What a guide family's submitted cards look like from two aggregates: a card added or removed
    /// changes the count, and every write to a card (an event, a rewrite after erasure) sets its
    /// `updated_at` to the time of the write, which moves the newest. (Sums of event counts were tried:
    /// PostgreSQL answers SUM over a bigint as numeric, which does not decode as an integer.)
    struct Fingerprint: Hashable, Sendable {
        var cards: Int
        var lastUpdate: Date?
        /// The question bank the cards' questions were named by (`LibraryQuestionBank.Built.digest`).
        var bank: Int
    }

    /// From this many cards a family's changes are read in the background (above); smaller families
    /// are read on the request, which then always shows the latest card. 1,000 cards read and refit in
    /// about 0.2 s on the build machine.
    let refreshInBackgroundFrom: Int
    /// Awaited before each background read starts. Nil in the server; a test holds it to see the pages
    /// while a read is under way, which a small family's read would otherwise finish before they ask.
    let beforeBackgroundRead: (@Sendable () async -> Void)?

    init(refreshInBackgroundFrom: Int = 1_000, beforeBackgroundRead: (@Sendable () async -> Void)? = nil) {
        self.refreshInBackgroundFrom = refreshInBackgroundFrom
        self.beforeBackgroundRead = beforeBackgroundRead
    }

    private let cards = Mutex<[UUID: Card]>([:])
    private let teams = Mutex<[UUID: (Fingerprint, TeamCards)]>([:])
    /// Per family, the derived figures of at most two states, newest last.
    private let derived = Mutex<[UUID: [Derived]]>([:])
    /// The read of a family's cards under way for a fingerprint.
    private let readings = Mutex<[UUID: (Fingerprint, Task<TeamCards, any Error>)]>([:])
    /// The question bank page's statistics, pooled over every family, from cards with `digest`.
    private let bankStatistics = Mutex<[(digest: Int, statistics: QuestionStatistics)]>([])

    // MARK: Cards and teams

    func card(_ id: UUID, stamp: Stamp) -> CalibrationCard? {
        cards.withLock { $0[id].flatMap { $0.stamp == stamp ? $0.card : nil } }
    }

    func store(_ card: CalibrationCard, id: UUID, stamp: Stamp) {
        cards.withLock { $0[id] = Card(stamp: stamp, card: card) }
    }

    func team(family: UUID, fingerprint: Fingerprint) -> TeamCards? {
        teams.withLock { $0[family].flatMap { $0.0 == fingerprint ? $0.1 : nil } }
    }

    /// The family's last complete read, whatever has changed since.
    func latestTeam(family: UUID) -> TeamCards? {
        teams.withLock { $0[family]?.1 }
    }

    func store(team: TeamCards, family: UUID, fingerprint: Fingerprint) {
        teams.withLock { $0[family] = (fingerprint, team) }
    }

    /// The read of a family's cards under way for `fingerprint`, or the one `start` begins.
    func reading(family: UUID, fingerprint: Fingerprint, start: () -> Task<TeamCards, any Error>) -> Task<TeamCards, any Error> {
        readings.withLock { readings in
            if let (known, task) = readings[family], known == fingerprint { return task }
            let task = start()
            readings[family] = (fingerprint, task)
            return task
        }
    }

    /// A read that failed is not handed to the next caller.
    func forgetReading(family: UUID) {
        readings.withLock { _ = $0.removeValue(forKey: family) }
    }

    // MARK: Figures derived from one state

    private func read<T>(_ family: UUID, _ digest: Int, _ value: (Derived) -> T?) -> T? {
        let entry = derived.withLock { $0[family]?.last { $0.digest == digest } }
        return entry.flatMap(value)
    }

    /// Changes the state `digest`'s entry, adding it (and dropping the oldest beyond two) when new.
    private func update(_ family: UUID, _ digest: Int, _ change: (inout Derived) -> Void) {
        derived.withLock { all in
            var list = all[family] ?? []
            if let n = list.lastIndex(where: { $0.digest == digest }) {
                change(&list[n])
            } else {
                var entry = Derived(digest: digest)
                change(&entry)
                list.append(entry)
                if list.count > 2 { list.removeFirst(list.count - 2) }
            }
            all[family] = list
        }
    }

    func fit(family: UUID, digest: Int) -> RaterCalibration? { read(family, digest) { $0.fit } }
    func store(fit: RaterCalibration, family: UUID, digest: Int) { update(family, digest) { $0.fit = fit } }

    func statistics(family: UUID, digest: Int, version: UUID? = nil) -> QuestionStatistics? {
        read(family, digest) { $0.statistics[version] }
    }

    func store(statistics: QuestionStatistics, family: UUID, digest: Int, version: UUID? = nil) {
        update(family, digest) { $0.statistics[version] = statistics }
    }

    func figures(family: UUID, digest: Int) -> [InterviewerCalibration]? { read(family, digest) { $0.figures } }
    func store(figures: [InterviewerCalibration], family: UUID, digest: Int) { update(family, digest) { $0.figures = figures } }

    func pooled(family: UUID, digest: Int, positions: Set<UUID>) -> PooledAgreement? {
        read(family, digest) { $0.pooled[positions] }
    }

    func store(pooled agreement: PooledAgreement, family: UUID, digest: Int, positions: Set<UUID>) {
        update(family, digest) { $0.pooled[positions] = agreement }
    }

    func bankStatistics(digest: Int) -> QuestionStatistics? {
        bankStatistics.withLock { $0.last { $0.digest == digest }?.statistics }
    }

    func store(bankStatistics statistics: QuestionStatistics, digest: Int) {
        bankStatistics.withLock { list in
            list.removeAll { $0.digest == digest }
            list.append((digest, statistics))
            if list.count > 2 { list.removeFirst(list.count - 2) }
        }
    }
}

extension Application {
    private struct CalibrationCacheKey: StorageKey { typealias Value = CalibrationCache }

    /// Made once by `configure`, before any request (Application storage is not for writes under load).
    /// Tests may make it again with a smaller `refreshInBackgroundFrom` before their first request.
    func prepareCalibrationCache(refreshInBackgroundFrom: Int = 1_000, beforeBackgroundRead: (@Sendable () async -> Void)? = nil) {
        storage[CalibrationCacheKey.self] = CalibrationCache(refreshInBackgroundFrom: refreshInBackgroundFrom,
                                                             beforeBackgroundRead: beforeBackgroundRead)
    }

    var calibrationCache: CalibrationCache { storage[CalibrationCacheKey.self] ?? CalibrationCache() }
}
