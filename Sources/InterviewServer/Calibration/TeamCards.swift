import Fluent
import Foundation
import InterviewCore
import SQLKit
import Vapor

/// Every submitted scorecard of one guide family (all versions of a library guide), read as calibration
/// inputs, and the model fitted to them. Calibration pools the whole team's cards: what it shows is
/// aggregate (a severity, a distribution), never one card's content, and who may see which
/// interviewer's figures is the page's rule (`CalibrationController`). Cards and the fit are kept in
/// `CalibrationCache` and read again only when a card changes.
struct TeamCards: Sendable {
    var cards: [CalibrationCard]
    /// The scorecard record of each card, in the same order.
    var cardIDs: [UUID]
    /// The guide version of each card, in the same order.
    var versions: [UUID] = []
    /// Interviewer id (a user id) → display name.
    var names: [String: String]
    var scale: RatingScale
    /// nil without ratings.
    var fit: RaterCalibration?
    var family: UUID? = nil
    /// Identifies the cards read (ids and stamps): the key of what is cached from them.
    var digest = 0
    /// A newer state of the cards is being read in the background; these are the last complete ones.
    var isStale = false
    /// No complete state yet: a large family's first read since the server started is under way, and
    /// these cards are none. Pages say the figures are being prepared rather than wait for it.
    var isPreparing = false

    /// For a page: does not wait for a large family's first read (see `load(guide:app:db:waitForFirstRead:)`).
    static func load(guide libraryID: UUID, req: Request) async throws -> TeamCards {
        try await load(guide: libraryID, app: req.application, db: req.db, waitForFirstRead: false)
    }

    /// `waitForFirstRead: false` (pages): when the family has no complete state yet and is large
    /// (`CalibrationCache.refreshInBackgroundFrom` cards or more — 15–19 s to read at 10,000 interviews),
    /// the read goes on in the background (the warm-up's own, when it is at this family) and an empty,
    /// preparing team comes back at once. The warm-up waits.
    static func load(guide libraryID: UUID, app: Application, db: any Database,
                     waitForFirstRead: Bool = true) async throws -> TeamCards {
        let versions = try await GuideVersion.query(on: db).filter(\.$guide.$id == libraryID).field(\.$id).all().map { try $0.requireID() }
        guard !versions.isEmpty else { return TeamCards(cards: [], cardIDs: [], names: [:], scale: RatingScale(), fit: nil) }
        // Questions are named by their bank identity, so a reworded question is one question across
        // versions and a shared one is the same in every guide (`QuestionBank`).
        let bank = try await LibraryQuestionBank.load(app: app, db: db)
        func submitted() -> QueryBuilder<ScorecardRecord> { Self.submitted(versions: versions, db: db) }
        let cache = app.calibrationCache
        let names = Dictionary(try await User.query(on: db).all().map { (try $0.requireID().uuidString, $0.name) }) { a, _ in a }
        // Nothing changed since the last read: two aggregates instead of reading every card's row.
        let fingerprint = CalibrationCache.Fingerprint(cards: try await submitted().count(),
                                                       lastUpdate: try await submitted().max(\.$updatedAt), bank: bank.digest)
        if var known = cache.team(family: libraryID, fingerprint: fingerprint) {
            known.names = names
            return known
        }
        // A large family changed: the last complete state now, the new one read behind it (`CalibrationCache`).
        if var previous = cache.latestTeam(family: libraryID), previous.cards.count >= cache.refreshInBackgroundFrom {
            refresh(libraryID, versions: versions, bank: bank, fingerprint: fingerprint, app: app)
            previous.names = names
            previous.isStale = true
            return previous
        }
        if !waitForFirstRead, fingerprint.cards >= cache.refreshInBackgroundFrom {
            refresh(libraryID, versions: versions, bank: bank, fingerprint: fingerprint, app: app)
            return preparing(names: names)
        }
        // One read per family and state at a time: a page asked for while the warm-up (or another page)
        // reads the same cards waits for that read instead of starting a second one beside it.
        let reading = cache.reading(family: libraryID, fingerprint: fingerprint) {
            Task {
                do {
                    return try await read(libraryID, versions: versions, bank: bank, fingerprint: fingerprint, app: app, db: db)
                } catch {
                    cache.forgetReading(family: libraryID)
                    throw error
                }
            }
        }
        var team = try await reading.value
        team.names = names
        return team
    }

    /// No cards while the first read runs. No family either, so nothing derived from it is cached.
    static func preparing(names: [String: String] = [:]) -> TeamCards {
        var team = TeamCards(cards: [], cardIDs: [], names: names, scale: RatingScale(), fit: nil)
        team.isPreparing = true
        return team
    }

    /// Reads the family's new state in the background (once per state), computes everything the pages
    /// show from it — the fit, the calibration figures, the question statistics, each position's pooled
    /// agreement — and only then makes it the state pages read, so none of them waits for it.
    private static func refresh(_ libraryID: UUID, versions: [UUID], bank: LibraryQuestionBank.Built,
                                fingerprint: CalibrationCache.Fingerprint, app: Application) {
        let cache = app.calibrationCache
        _ = cache.reading(family: libraryID, fingerprint: fingerprint) {
            Task.detached(priority: .utility) {
                await cache.beforeBackgroundRead?()
                do {
                    // Not the request's database: this outlives the request (as the warm-up does).
                    guard let db = app.databases.database(logger: app.logger, on: app.eventLoopGroup.any()) else {
                        throw Abort(.serviceUnavailable)
                    }
                    let team = try await read(libraryID, versions: versions, bank: bank, fingerprint: fingerprint, app: app, db: db,
                                              install: false)
                    try await team.prepareFigures(db: db, cache: cache)
                    cache.store(team: team, family: libraryID, fingerprint: fingerprint)
                    _ = try await BankStatistics.load(app: app, db: db)
                    return team
                } catch {
                    cache.forgetReading(family: libraryID)
                    app.logger.warning("calibration refresh stopped: \(String(reflecting: type(of: error)))")
                    throw error
                }
            }
        }
    }

    private static func submitted(versions: [UUID], db: any Database) -> QueryBuilder<ScorecardRecord> {
        ScorecardRecord.query(on: db)
            .filter(\.$submittedAt != nil)
            .join(Interview.self, on: \ScorecardRecord.$interview.$id == \Interview.$id)
            .filter(Interview.self, \.$guideVersion.$id ~~ versions)
            // A cancelled interview's cards count nowhere: it binds no one.
            .filter(Interview.self, \.$status != .cancelled)
    }

    /// Every submitted card of the family from the database, those unchanged from the card cache, and the fit.
    private static func read(_ libraryID: UUID, versions: [UUID], bank: LibraryQuestionBank.Built,
                             fingerprint: CalibrationCache.Fingerprint, app: Application, db: any Database,
                             install: Bool = true) async throws -> TeamCards {
        let cache = app.calibrationCache
        // 500 rows a query: a query holds its event loop's database connection while its rows are decoded
        // into models, and a page served beside a refresh waits for that connection before each of its
        // own queries — 2,000 rows a query made such a page 285–319 ms, 500 keeps it near its usual time.
        var records: [ScorecardRecord] = []
        while true {
            var page = submitted(versions: versions, db: db).sort(\.$id).limit(500)
            if let last = records.last?.id { page = page.filter(\.$id > last) }
            let rows = try await page.all()
            records += rows
            if rows.count < 500 { break }
        }
        var guides: [UUID: Guide] = [:]
        var cards: [CalibrationCard?] = [], missing: [Int] = []
        for (n, record) in records.enumerated() {
            let stamp = CalibrationCache.Stamp(eventCount: record.eventCount, generation: record.generation)
            let cached = cache.card(try record.requireID(), stamp: stamp)
            cards.append(cached)
            if cached == nil { missing.append(n) }
            let version = try record.joined(Interview.self).$guideVersion.id
            if guides[version] == nil {
                guides[version] = try await ScorecardService.guide(version, cache: app.scorecardCache, on: db).guide
            }
        }
        // The cards not read yet (or changed since), their logs fetched 500 cards a query rather than one by
        // one. At 16,000 cards the start-up read took 46 s: 24 s fetching the events through Fluent's models,
        // 9 s decoding them, 6 s replaying. So the events come as bare columns, the next chunk is fetched
        // while this one is decoded and replayed, and the cards of a chunk are replayed on both cores.
        let chunks = stride(from: 0, to: missing.count, by: 500).map { Array(missing[$0..<min($0 + 500, missing.count)]) }
        func fetch(_ chunk: [Int]) throws -> Task<[UUID: [String]], any Error> {
            let ids = try chunk.map { try records[$0].requireID() }
            return Task { try await Self.eventLines(of: ids, db: db) }
        }
        var next = try chunks.first.map(fetch)
        for (k, chunk) in chunks.enumerated() {
            let lines = try await next!.value
            next = k + 1 < chunks.count ? try fetch(chunks[k + 1]) : nil
            let halves = [Array(chunk.prefix(chunk.count / 2)), Array(chunk.dropFirst(chunk.count / 2))]
            let guides = guides, records = records
            let replayed = try await withThrowingTaskGroup(of: [(Int, CalibrationCard)].self) { group in
                for half in halves where !half.isEmpty {
                    group.addTask {
                        try half.compactMap { n -> (Int, CalibrationCard)? in
                            let record = records[n], id = try record.requireID(), interview = try record.joined(Interview.self)
                            guard let guide = guides[interview.$guideVersion.id] else { return nil }
                            let events = try (lines[id] ?? []).flatMap { try SessionLog.decode(Data($0.utf8)).events }
                            return (n, try Self.read(events, guide: guide, record: record, interview: interview))
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            for (n, card) in replayed {
                let record = records[n]
                cache.store(card, id: try record.requireID(), stamp: CalibrationCache.Stamp(eventCount: record.eventCount, generation: record.generation))
                cards[n] = card
            }
        }
        // Every card re-keyed by the bank and the state's digest: 0.1 s of work at 16,000 cards, off the pool.
        let found = cards, listed = records, questionBank = bank
        let (kept, ids, cardVersions, key) = try await OffPool.run { () -> Result<([CalibrationCard], [UUID], [UUID], Int), any Error> in
            Result {
                var kept: [CalibrationCard] = [], ids: [UUID] = [], cardVersions: [UUID] = []
                var digest = Hasher()
                digest.combine(questionBank.digest)
                var identities: [UUID: [String: String]] = [:]
                for (n, card) in found.enumerated() {
                    guard let card else { continue }
                    let version = try listed[n].joined(Interview.self).$guideVersion.id
                    if identities[version] == nil { identities[version] = questionBank.bank.identities(version: version.uuidString) }
                    kept.append(card.identified(by: identities[version] ?? [:]))
                    cardVersions.append(version)
                    ids.append(try listed[n].requireID())
                    digest.combine(ids.last)
                    digest.combine(listed[n].eventCount)
                    digest.combine(listed[n].generation)
                }
                return (kept, ids, cardVersions, digest.finalize())
            }
        }.get()
        let scale = guides.values.first?.scale ?? RatingScale()
        var fit = cache.fit(family: libraryID, digest: key)
        let ratings = kept.flatMap(\.ratings.ratings), levels = scale.levels
        if fit == nil, !kept.isEmpty, let fitted = await OffPool.run({ try? RaterCalibration.fit(ratings, scale: levels).get() }) {
            cache.store(fit: fitted, family: libraryID, digest: key)
            fit = fitted
        }
        let team = TeamCards(cards: kept, cardIDs: ids, versions: cardVersions, names: [:], scale: scale, fit: fit, family: libraryID, digest: key)
        if install { cache.store(team: team, family: libraryID, fingerprint: fingerprint) }
        return team
    }

    /// The event lines of each of `ids`, in order: two columns read bare rather than as models.
    private static func eventLines(of ids: [UUID], db: any Database) async throws -> [UUID: [String]] {
        var lines: [UUID: [String]] = [:]
        guard let sql = db as? any SQLDatabase else {
            for row in try await ScorecardEvent.query(on: db).filter(\.$scorecard.$id ~~ ids).sort(\.$scorecard.$id).sort(\.$seq).all() {
                lines[row.$scorecard.id, default: []].append(row.event)
            }
            return lines
        }
        let rows = try await sql.select().column("scorecard_id").column("event").from(ScorecardEvent.schema)
            .where("scorecard_id", .in, ids).orderBy("scorecard_id").orderBy("seq").all()
        for row in rows {
            lines[try row.decode(column: "scorecard_id", as: UUID.self), default: []].append(try row.decode(column: "event", as: String.self))
        }
        return lines
    }

    /// One card's calibration inputs from its log: the weighted ratings of its score, its gates, and
    /// when it was finished and submitted.
    private static func read(_ events: [SessionEvent], guide: Guide, record: ScorecardRecord, interview: Interview) throws -> CalibrationCard {
        // One replay gives the state, the questions' outcomes and the gates. Occurrences are per card (the
        // item–total correlation needs each card told apart).
        let analytics: SessionAnalytics
        do { analytics = try SessionAnalytics.read(events, guide: guide, interview: try record.requireID().uuidString) } catch {
            throw Abort(.internalServerError, reason: "scorecard \(record.id?.uuidString ?? "") does not replay: \(error)")
        }
        let ratings = ScorecardRatings(candidate: interview.$candidate.id.uuidString, interviewer: record.$interviewer.id.uuidString,
                                       card: Scoring.score(guide, analytics.state), scale: guide.scale.levels)
        let finished = events.last { if case .interviewFinished = $0.kind { true } else { false } }?.at
        return CalibrationCard(interview: try interview.requireID().uuidString, ratings: ratings, gates: analytics.gates,
                               questions: analytics.questions, finishedAt: finished, submittedAt: record.submittedAt)
    }

    /// Every interviewer's calibration figures, computed once per set of cards.
    func figures(cache: CalibrationCache) -> [InterviewerCalibration] {
        guard let fit else { return [] }
        if let family, let known = cache.figures(family: family, digest: digest) { return known }
        let figures = InterviewerCalibration.make(cards, fit: fit, scale: scale)
        if let family { cache.store(figures: figures, family: family, digest: digest) }
        return figures
    }

    /// The guide's question statistics over these cards — all of them, or those of one guide version —
    /// computed once per set of cards.
    func questionStatistics(version: UUID? = nil, cache: CalibrationCache) -> QuestionStatistics {
        if let family, let known = cache.statistics(family: family, digest: digest, version: version) { return known }
        let chosen = version.map { v in cards.indices.filter { versions[$0] == v }.map { cards[$0] } } ?? cards
        let statistics = QuestionStatistics.compute(chosen.flatMap(\.questions), gates: chosen.flatMap(\.gates), scale: scale.levels)
        if let family { cache.store(statistics: statistics, family: family, digest: digest, version: version) }
        return statistics
    }

    /// Computes ahead what the pages show from these cards — the calibration figures, the question
    /// statistics (all versions and each one), each position's pooled agreement and all of them together
    /// (as an admin's guide page asks) — off the request pool. The warm-up and the background refresh
    /// both do this, so no page computes them on its request.
    func prepareFigures(db: any Database, cache: CalibrationCache) async throws {
        let team = self
        _ = await OffPool.run { team.figures(cache: cache) }
        _ = await OffPool.run { team.questionStatistics(cache: cache) }
        for version in Set(versions) {
            _ = await OffPool.run { team.questionStatistics(version: version, cache: cache) }
        }
        guard let family else { return }
        let positions = try await Position.query(on: db).filter(\.$guide.$id == family).field(\.$id).all().map { try $0.requireID() }
        for position in positions {
            _ = try await PooledFigures.agreement(team: self, positions: [position], db: db, cache: cache)
        }
        _ = try await PooledFigures.agreement(team: self, positions: positions, db: db, cache: cache)
    }

    /// A submitted card as the viewer sees it now, for the adjusted score.
    struct ShownCard {
        var interviewer: UUID
        var version: UUID
        var guide: Guide
        var state: SessionState
    }

    /// The severity-adjusted score of a candidate over the cards `shown` (those the viewer may read, so
    /// the number never rests on a colleague's card the viewer may not see yet), read from the cards as
    /// they are now and adjusted with the fit of every card — the last complete one, if a newer state is
    /// still being read: a card submitted a moment ago counts at once.
    /// `viewer`: an interviewer sees their own severity line only (managers see every one).
    func adjustedScore(candidate: UUID, shown: [ShownCard], bank: QuestionBank, language: ReportLanguage, viewer: User) -> AdjustedScoreText? {
        guard !shown.isEmpty else { return nil }
        // An interviewer reading the debrief of a candidate a colleague scored: the adjusted score less the
        // raw one is that colleague's severity, which the calibration page keeps to the hiring managers (a
        // probe ranked every colleague from debriefs). Shown only where every card is the reader's own.
        if !viewer.role.managesPositions, shown.contains(where: { $0.interviewer != viewer.id }) {
            return .pending(Text.adjustedScoreForManagers.in(language == .zh ? .zh : .en))
        }
        if isPreparing { return .pending(Text.adjustedScorePreparing.in(language == .zh ? .zh : .en)) }
        guard let fit else { return nil }
        let weighted = shown.flatMap { card in
            ScorecardRatings(candidate: candidate.uuidString, interviewer: card.interviewer.uuidString,
                             card: Scoring.score(card.guide, card.state), scale: card.guide.scale.levels)
                .renamingQuestions(bank.identities(version: card.version.uuidString)).weighted
        }
        let score = fit.adjustedScore(candidate: candidate.uuidString, ratings: weighted)
        return AdjustedScoreText.make(score, fit: fit, names: names, language: language,
                                      onlyInterviewer: viewer.role.managesPositions ? nil : viewer.id?.uuidString)
    }
}
