import Fluent
import Foundation
import InterviewCore
import Vapor

/// How far a team's interviewers agree across all its panels — per position and per guide: the pooled
/// weighted kappa over every pair of every panel and the pooled ICC (`PooledAgreement`), each with its
/// reading or the reason it is withheld. Built from submitted cards only, and shown to hiring managers
/// and admins, who may read every submitted card they pool.
enum PooledFigures {
    /// The figures as lines for a page, in the viewer's language; empty for anyone else.
    static func lines(candidates: [Candidate], viewer: User, req: Request) async throws -> [String] {
        guard viewer.role.managesPositions else { return [] }
        var panels: [UUID: [RaterRatings]] = [:], scale: RatingScale?
        for candidate in candidates {
            for card in try await PanelCards.load(candidate: candidate, viewer: viewer, req: req).cards {
                let score = Scoring.score(card.guide, card.state)
                var ratings: [String: Int] = [:]
                for topic in score.topics {
                    for question in topic.questions where question.status == .rated {
                        if let rating = question.rating { ratings["\(topic.key)/\(question.id)"] = rating }
                    }
                }
                panels[card.interviewID, default: []].append(RaterRatings(rater: card.interviewerID.uuidString, ratings: ratings))
                scale = scale ?? card.guide.scale
            }
        }
        guard let scale, !panels.isEmpty else { return [] }
        let pooled = PooledAgreement(Array(panels.values), scale: scale)
        let language: ReportLanguage = req.language == .zh ? .zh : .en
        let zh = language == .zh
        var lines: [String] = []
        let head = zh ? "\(pooled.panelCount) 个面试小组，\(pooled.pairCount) 对面试官" : "\(pooled.panelCount) panels, \(pooled.pairCount) pairs of interviewers"
        lines.append(head)
        if let kappa = pooled.kappa.figure {
            lines.append(String(format: "κ = %.2f (%@, n=%d)", kappa.value, kappa.reading.text(language), kappa.itemCount))
        } else {
            lines.append("κ — " + (pooled.kappa.reason?.text(language) ?? ""))
        }
        if let icc = pooled.icc.figure {
            lines.append(String(format: "ICC(2,1) = %.2f (%@, n=%d)", icc.single, icc.singleReading.text(language), icc.questionCount))
            for average in icc.averages {
                lines.append(String(format: "ICC(2,%d) = %.2f (%@)", average.raters, average.value, average.reading.text(language)))
            }
        } else {
            lines.append("ICC — " + (pooled.icc.reason?.text(language) ?? ""))
        }
        return lines
    }
}
