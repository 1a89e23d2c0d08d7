import Fluent
import Foundation
import InterviewCore
import Vapor

/// The submitted scorecards of a candidate's interviews that a viewer may read (`PanelVisibility`),
/// each with its engine replayed: what the candidate page's recommendations, the debrief and the
/// combined report are made from.
struct PanelCards: Sendable {
    struct Card: Sendable {
        var cardID: UUID
        var interviewID: UUID
        /// The interview's place among the candidate's interviews by scheduled time, from 1.
        var round: Int
        var interviewer: String
        var interviewerID: UUID
        var guide: Guide
        var guideVersionID: UUID
        var state: SessionState
        var submittedAt: Date?
        var overall: Double?
        var coverage: Double?
        var recommendation: String
        var recommendationLabel: String
        var summary: String
        /// The recommendation's label as first submitted, when a revision changed it (`SessionState.firstSubmission`).
        var recommendationWas: String? = nil
    }

    var cards: [Card]
    /// Colleagues' drafts the viewer may know of (hiring managers and admins): who, and when touched.
    var drafts: [(interviewer: String, touched: Date?)]
    /// The viewer sits on one of the candidate's panels with their own card open (`PanelVisibility`):
    /// asked once here, for the pages that say so.
    var awaitingOwnCard = false
    /// Panelists (of interviews not cancelled) who have no card at all yet, for the viewers who may know
    /// of drafts: with the drafts, who a decision made now would be made without.
    var notStarted: [String] = []
    /// Submitted cards the viewer could read on cancelled interviews: left out, as in the lists and the
    /// team figures (a cancelled interview's cards count nowhere), and counted so the pages can say so.
    var cancelledCards = 0
    /// The viewer's own card still open, the first by date: the page names its interview, since a card
    /// submitted for an earlier round left "once you submit your own scorecard" unexplained (a probe).
    var openCard: (interview: UUID, scheduledAt: Date)?

    /// "Yours still open: the interview of 2026-12-20 10:00.", with the console's link, or nil.
    func openCardNotice(_ language: Language) -> (text: String, href: String)? {
        guard awaitingOwnCard, let openCard else { return nil }
        let when = DisplayDate.string(openCard.scheduledAt)
        return (language == .zh ? "你尚未提交的评分卡：\(when) 的面试。" : "Yours still open: the interview of \(when).",
                SiteURL.interviewConsole(openCard.interview).path)
    }

    /// "2 scorecards of a cancelled interview are left out.", or nil.
    func cancelledNotice(_ language: Language) -> String? {
        guard cancelledCards > 0 else { return nil }
        return language == .zh ? "已取消面试的 \(cancelledCards) 张评分卡未计入。"
            : cancelledCards == 1 ? "1 scorecard of a cancelled interview is left out." : "\(cancelledCards) scorecards of a cancelled interview are left out."
    }

    static func load(candidate: Candidate, viewer: User, req: Request) async throws -> PanelCards {
        let interviews = try await candidate.$interviews.query(on: req.db).sort(\.$scheduledAt).all()
        let cache = req.application.scorecardCache
        var cards: [Card] = [], drafts: [(String, Date?)] = [], cancelled = 0
        var absent: [UUID] = []
        let candidateID = try candidate.requireID()
        let awaiting = try await PanelVisibility.candidatesAwaitingOwnCard(of: viewer, among: [candidateID], on: req.db).contains(candidateID)
        for (index, interview) in interviews.enumerated() {
            let interviewID = try interview.requireID()
            let (rule, all) = try await PanelVisibility.load(interviewID: interviewID, candidateID: candidateID, viewer: viewer,
                                                             awaitingOwnCard: awaiting, on: req.db)
            if interview.status != .cancelled {
                let holders = Set(all.filter(\.isBegun).map { $0.$interviewer.id })
                absent += rule.panel.filter { !holders.contains($0) && rule.view(interviewer: $0, submitted: false) == .existence }
            }
            let loaded = try await ScorecardService.guide(interview.$guideVersion.id, cache: cache, on: req.db)
            let label = { (id: String) in loaded.guide.bands.first { $0.id == id }?.label(in: req.language.report) ?? Text.noDecision.in(req.language) }
            for record in all.sorted(by: { $0.interviewer.name < $1.interviewer.name }) {
                switch rule.view(of: record) {
                case .hidden: continue
                case .existence where interview.status == .cancelled || !record.isBegun: continue
                case .existence: drafts.append((record.interviewer.name, record.updatedAt))
                case .full:
                    guard record.submittedAt != nil else { continue }
                    guard interview.status != .cancelled else { cancelled += 1; continue }
                    let entry = try await ScorecardService.readEntry(cardID: try record.requireID(), guide: loaded.guide, cache: cache, on: req.db)
                    let submission = entry.engine.state.submission
                    let recommendation = submission?.recommendation ?? ScorecardSubmission.noDecision
                    cards.append(Card(cardID: try record.requireID(), interviewID: interviewID, round: index + 1,
                                      interviewer: record.interviewer.name,
                                      interviewerID: record.$interviewer.id, guide: loaded.guide,
                                      guideVersionID: interview.$guideVersion.id, state: entry.engine.state,
                                      submittedAt: record.submittedAt, overall: record.overall, coverage: record.coverage,
                                      recommendation: recommendation,
                                      recommendationLabel: label(recommendation),
                                      summary: submission?.summary ?? "",
                                      recommendationWas: entry.engine.state.firstSubmission.flatMap {
                                          $0.recommendation == recommendation ? nil : label($0.recommendation)
                                      }))
                }
            }
        }
        var panel = PanelCards(cards: cards, drafts: drafts, awaitingOwnCard: awaiting, cancelledCards: cancelled)
        if awaiting, let me = viewer.id {
            let open = Set(try await PanelVisibility.openSeats(of: me, on: req.db) {
                $0.filter(Interview.self, \.$candidate.$id == candidateID)
            }.map(\.interview))
            panel.openCard = interviews.first { $0.id.map(open.contains) == true }.map { ($0.id!, $0.scheduledAt) }
        }
        if !absent.isEmpty {
            panel.notStarted = try await User.query(on: req.db).filter(\.$id ~~ absent).all().map(\.name).sorted()
        }
        return panel
    }

    /// "Not every panelist has submitted: Ben Carter (not started), Ann Lee (draft). …", or nil: said
    /// beside the decision, which a hiring manager recorded with half the panel's cards and no word of it.
    func outstandingNotice(_ language: Language) -> String? {
        // Once each, though on two rounds' panels.
        var seen = Set<String>()
        let names = (notStarted.map { ($0, true) } + drafts.map { ($0.interviewer, false) }).filter { seen.insert($0.0).inserted }
        guard !names.isEmpty else { return nil }
        if language == .zh {
            let list = names.map { $0.0 + ($0.1 ? "（尚未开始）" : "（草稿）") }.joined(separator: "、")
            return "并非所有面试官都已提交评分卡：\(list)。现在做出的决定不包含他们的评分。"
        }
        let list = names.map { $0.0 + ($0.1 ? " (not started)" : " (draft)") }.joined(separator: ", ")
        return "Not every panelist has submitted a scorecard: \(list). A decision recorded now is made without theirs."
    }

    /// Each card's column label for a debrief: the interviewer's name, and the round when the cards come
    /// from more than one interview ("Olga Petrova · round 2"), so one person's two cards stay apart.
    func raterLabels(in language: Language) -> [String] {
        guard Set(cards.map(\.interviewID)).count > 1 else { return cards.map(\.interviewer) }
        return cards.map { language == .zh ? "\($0.interviewer) · 第 \($0.round) 轮" : "\($0.interviewer) · round \($0.round)" }
    }
}

extension PanelCards {
    /// The cards that moved after a decision was recorded — submitted or revised since — each said in one
    /// line: a decision read later beside a changed card ("Reject" above "Strong hire") must say it was
    /// made on other evidence, and minutes alone could not order the two.
    func changedSince(_ decision: DecisionService.Entry?, language: Language) -> [String] {
        guard let at = decision?.at else { return [] }
        return cards.compactMap { card in
            let revised = card.state.revisions.last?.at
            if let submitted = card.state.submittedAt, submitted > at {
                return language == .zh ? "\(card.interviewer) 的评分卡在这个决定之后才提交（\(DisplayDate.string(submitted))）。"
                    : "\(card.interviewer)'s scorecard was submitted after this decision (\(DisplayDate.string(submitted)))."
            }
            if let revised, revised > at {
                return language == .zh ? "\(card.interviewer) 的评分卡在这个决定之后修改过（\(DisplayDate.string(revised))）。"
                    : "\(card.interviewer)'s scorecard was revised after this decision (\(DisplayDate.string(revised)))."
            }
            return nil
        }
    }
}
