import Foundation
import InterviewCore
import Synchronization
import Vapor

/// What calibration keeps in memory, per submitted card: its calibration inputs, stamped with the card's
/// event count and generation; and per guide family the last fit, with the stamps it was made from.
/// A card is read again only when its stamp changes (an event appended, a rewrite after erasure), and
/// the model is refitted only when some card changed, so the calibration page and the debriefs of a
/// 10,000-interview team do not replay every log on every request. The stamps come from the database on
/// every request, so the cache is right on PostgreSQL with several instances too.
final class CalibrationCache: Sendable {
    struct Stamp: Hashable, Sendable { var eventCount: Int; var generation: Int }

    struct Card: Sendable {
        var stamp: Stamp
        var card: CalibrationCard
    }

    struct Fit: Sendable {
        /// A digest of every card's id and stamp: equal digests, equal inputs.
        var digest: Int
        var fit: RaterCalibration
        /// The calibration page's figures from the same cards, once some page has asked for them.
        var figures: [InterviewerCalibration]?
        /// The guide-health page's question statistics from the same cards: all of them (key nil) and
        /// per guide version.
        var statistics: [UUID?: QuestionStatistics] = [:]
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

    private let cards = Mutex<[UUID: Card]>([:])
    private let teams = Mutex<[UUID: (Fingerprint, TeamCards)]>([:])

    func team(family: UUID, fingerprint: Fingerprint) -> TeamCards? {
        teams.withLock { $0[family].flatMap { $0.0 == fingerprint ? $0.1 : nil } }
    }

    /// The read of a family's cards under way for `fingerprint`, or the one `start` begins.
    private let readings = Mutex<[UUID: (Fingerprint, Task<TeamCards, any Error>)]>([:])

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

    func store(team: TeamCards, family: UUID, fingerprint: Fingerprint) {
        teams.withLock { $0[family] = (fingerprint, team) }
    }
    private let fits = Mutex<[UUID: Fit]>([:])

    func card(_ id: UUID, stamp: Stamp) -> CalibrationCard? {
        cards.withLock { $0[id].flatMap { $0.stamp == stamp ? $0.card : nil } }
    }

    func store(_ card: CalibrationCard, id: UUID, stamp: Stamp) {
        cards.withLock { $0[id] = Card(stamp: stamp, card: card) }
    }

    func fit(family: UUID, digest: Int) -> RaterCalibration? {
        fits.withLock { $0[family].flatMap { $0.digest == digest ? $0.fit : nil } }
    }

    func store(fit: RaterCalibration, family: UUID, digest: Int) {
        fits.withLock { $0[family] = Fit(digest: digest, fit: fit) }
    }

    func statistics(family: UUID, digest: Int, version: UUID? = nil) -> QuestionStatistics? {
        fits.withLock { $0[family].flatMap { $0.digest == digest ? $0.statistics[version] : nil } }
    }

    func store(statistics: QuestionStatistics, family: UUID, digest: Int, version: UUID? = nil) {
        fits.withLock { if $0[family]?.digest == digest { $0[family]?.statistics[version] = statistics } }
    }

    /// The question bank page's statistics, pooled over every guide family, from cards with `digest`.
    private let bankStatistics = Mutex<(digest: Int, statistics: QuestionStatistics)?>(nil)

    func bankStatistics(digest: Int) -> QuestionStatistics? {
        bankStatistics.withLock { $0.flatMap { $0.digest == digest ? $0.statistics : nil } }
    }

    func store(bankStatistics statistics: QuestionStatistics, digest: Int) {
        bankStatistics.withLock { $0 = (digest, statistics) }
    }

    /// The position and guide pages' pooled agreement, per family and set of positions, from the cards
    /// with `digest` (kept apart from the fit: cards whose ratings cannot be fitted still pool).
    private let pooled = Mutex<[UUID: (digest: Int, byScope: [Set<UUID>: PooledAgreement])]>([:])

    func pooled(family: UUID, digest: Int, positions: Set<UUID>) -> PooledAgreement? {
        pooled.withLock { $0[family].flatMap { $0.digest == digest ? $0.byScope[positions] : nil } }
    }

    func store(pooled agreement: PooledAgreement, family: UUID, digest: Int, positions: Set<UUID>) {
        pooled.withLock {
            if $0[family]?.digest != digest { $0[family] = (digest, [:]) }
            $0[family]?.byScope[positions] = agreement
        }
    }

    func figures(family: UUID, digest: Int) -> [InterviewerCalibration]? {
        fits.withLock { $0[family].flatMap { $0.digest == digest ? $0.figures : nil } }
    }

    func store(figures: [InterviewerCalibration], family: UUID, digest: Int) {
        fits.withLock { if $0[family]?.digest == digest { $0[family]?.figures = figures } }
    }
}

extension Application {
    private struct CalibrationCacheKey: StorageKey { typealias Value = CalibrationCache }

    /// Made once by `configure`, before any request (Application storage is not for writes under load).
    func prepareCalibrationCache() { storage[CalibrationCacheKey.self] = CalibrationCache() }

    var calibrationCache: CalibrationCache { storage[CalibrationCacheKey.self] ?? CalibrationCache() }
}
