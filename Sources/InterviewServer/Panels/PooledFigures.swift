import Fluent
import Foundation
import InterviewCore
import Vapor

/// How far a team's interviewers agree across all its panels — per position and per guide: the pooled
/// weighted kappa over every pair of every panel and the pooled ICC (`PooledAgreement`), each with its
/// reading or the reason it is withheld. Built from submitted cards only, and shown to hiring managers
/// and admins, who may read every submitted card they pool.
///
/// The cards come from the guide family's calibration cards (`TeamCards`, cached and stamped), not from
/// replaying each candidate's panel: at 10,000 interviews that replay took 8–20 s per position page.
/// The pooled figures are cached beside the fit, per set of positions, until a card changes.
enum PooledFigures {
    /// The figures over the candidates of `positions` (all on `guide`), as lines for a page in the
    /// viewer's language; empty for anyone but hiring managers and admins.
    static func lines(guide: UUID, positions: [UUID], viewer: User, req: Request) async throws -> [String] {
        guard viewer.role.managesPositions, !positions.isEmpty else { return [] }
        let awaited = try await TeamFiguresWithheld.awaited(by: viewer, on: req.db)
        guard awaited.isEmpty else { return [TeamFiguresWithheld.notice(awaited, language: req.language)] }
        // A page does not wait for a large team's first read after a start (`TeamCards.load`).
        let team = try await TeamCards.load(guide: guide, req: req)
        if team.isPreparing { return [Text.figuresPreparing.in(req.language)] }
        guard let pooled = try await agreement(team: team, positions: positions, db: req.db, cache: req.application.calibrationCache),
              pooled.panelCount > 0 else { return [] }
        return text(pooled, language: req.language.report)
    }

    /// The pooled agreement over the candidates of `positions`, from the cards of `team`; from the cache
    /// while no card changed.
    static func agreement(team: TeamCards, positions: [UUID], db: any Database, cache: CalibrationCache) async throws -> PooledAgreement? {
        guard !positions.isEmpty else { return nil }
        let scope = Set(positions)
        if let family = team.family, let known = cache.pooled(family: family, digest: team.digest, positions: scope) {
            return known
        }
        let candidates = try await Candidate.query(on: db).filter(\.$position.$id ~~ positions).field(\.$id).all()
        let ids = Set(candidates.compactMap { $0.id?.uuidString }), cards = team.cards, scale = team.scale
        let pooled = await OffPool.run { agreement(cards, candidates: ids, scale: scale) }
        if let family = team.family { cache.store(pooled: pooled, family: family, digest: team.digest, positions: scope) }
        return pooled
    }

    /// Each interview's cards as one panel (a single interviewer's card is a panel of one), rated
    /// questions only, as the debrief compares them.
    static func agreement(_ cards: [CalibrationCard], candidates: Set<String>, scale: RatingScale) -> PooledAgreement {
        var panels: [String: [RaterRatings]] = [:]
        for card in cards where candidates.contains(card.ratings.candidate) {
            var ratings: [String: Int] = [:]
            for r in card.ratings.ratings { ratings[r.question] = r.rating }
            panels[card.interview, default: []].append(RaterRatings(rater: card.ratings.interviewer, ratings: ratings))
        }
        return PooledAgreement(Array(panels.values), scale: scale)
    }

    static func text(_ pooled: PooledAgreement, language: ReportLanguage) -> [String] {
        let zh = language == .zh
        var lines: [String] = []
        lines.append(zh ? "\(pooled.panelCount) 个面试小组，\(pooled.pairCount) 对面试官"
                        : "\(pooled.panelCount) panels, \(pooled.pairCount) pairs of interviewers")
        if let kappa = pooled.kappa.figure {
            lines.append(String(format: "κ = %@ (%@, n=%d)", AgreementReading.shown(kappa.value), kappa.reading.text(language), kappa.itemCount))
        } else {
            lines.append("κ — " + (pooled.kappa.reason?.text(language) ?? ""))
        }
        if let icc = pooled.icc.figure {
            lines.append(String(format: "ICC(2,1) = %@ (%@, n=%d)", AgreementReading.shown(icc.single), icc.singleReading.text(language), icc.questionCount))
            for average in icc.averages {
                lines.append(String(format: "ICC(2,%d) = %@ (%@)", average.raters, AgreementReading.shown(average.value), average.reading.text(language)))
            }
        } else {
            lines.append("ICC — " + (pooled.icc.reason?.text(language) ?? ""))
        }
        return lines
    }
}
