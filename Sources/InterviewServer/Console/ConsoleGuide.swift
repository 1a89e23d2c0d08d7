import Flowchart
import Foundation
import InterviewCore
import Vapor

/// The parts of a guide version the console shows and that never change: titles, questions with their
/// reference answers and rubrics, gate and instruction texts, the rating scale. The page fetches it
/// once; each answer to an action then carries only ids and numbers (`ConsoleView`), which keeps the
/// console quick on a poor connection and the server cheap per rating.
struct ConsoleGuide: Content {
    struct Anchor: Content { var rating: Int; var text: String }

    struct QuestionText: Content {
        var text: String
        var reference: String?
        var level: Int
        var weight: Double
        var rubric: [Anchor]
        /// The instructions the walk passes on its way to it (`Topic.instructions(before:)`), nearest last.
        var instructionsBefore: [String]
    }

    struct StageQuestion: Content { var number: String; var text: String; var reference: String?; var details: String? }

    struct TopicText: Content {
        var key: String
        var title: String
        /// Number and title: what the outline shows (two topics sharing a number differ by title).
        var heading: String
        /// The heading of the group the topic sits in, shown once above its topics in the outline, with
        /// the group's guidance as its tooltip.
        var group: String?
        var groupGuidance: String?
        var isPickList: Bool
        /// In the order of the guide, so the pick list and the outline read as written.
        var questionOrder: [String]
        var questions: [String: QuestionText]
        var gates: [String: String]
        var instructions: [String: String]
        /// The author's notes for the interviewer by question or gate id (`Step.note`), never asked.
        var notes: [String: String]
    }

    struct StageText: Content {
        var key: String
        var title: String
        var required: Bool
        var budgetSeconds: Double?
        var questions: [StageQuestion]
        var topics: [TopicText]
    }

    var hash: String
    var title: String
    /// The guide's own language ("en", "zh"): its texts carry it as `lang` in a page of the other one, so
    /// a screen reader reads an English question on a Chinese page with an English voice (WCAG 3.1.2).
    var language: String
    var scale: [Anchor]
    /// What an interviewer can recommend when submitting: the guide's bands, then "no decision".
    var recommendations: [Recommendation]
    var stages: [StageText]

    /// `label` as the guide has it; `labels` as each page shows it (a default band's "推荐 Hire" is "推荐" on
    /// a Chinese page, "Hire" on an English one; this document is cached for every reader).
    struct Recommendation: Content {
        var id: String
        var label: String
        var labels: LocalizedText

        init(id: String, label: String) {
            self.id = id
            self.label = label
            labels = LocalizedText(en: RecommendationBand.shown(label, in: .en), zh: RecommendationBand.shown(label, in: .zh))
        }
    }

    init(_ guide: Guide, hash: String) {
        self.hash = hash
        title = guide.title
        language = ReportLanguage(guide: guide).rawValue
        scale = guide.scale.levels.map { Anchor(rating: $0, text: guide.scale.anchors[$0] ?? "") }
        recommendations = guide.bands.map { Recommendation(id: $0.id, label: $0.label) }
            + [Recommendation(id: ScorecardSubmission.noDecision, label: ScorecardSubmission.noDecisionLabel(for: guide))]
        stages = guide.stages.map { stage in
            StageText(key: stage.key, title: stage.title, required: stage.requirement == .required,
                      budgetSeconds: stage.minutes.map { Double($0 * 60) },
                      questions: stage.questions.map { StageQuestion(number: $0.number, text: $0.text, reference: $0.reference, details: $0.details) },
                      topics: stage.topics.map { topic in
                          let before = topic.instructionsBeforeQuestions()
                          return TopicText(key: topic.key, title: topic.title, heading: topic.heading,
                                    group: topic.group.flatMap { key in stage.groups.first { $0.key == key } }
                                        .map(\.heading),
                                    groupGuidance: topic.group.flatMap { key in stage.groups.first { $0.key == key } }
                                        .map { $0.guidance.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 },
                                    isPickList: topic.isPickList,
                                    questionOrder: topic.questions.map(\.id),
                                    questions: Dictionary(topic.questions.map { q in
                                        (q.id, QuestionText(text: q.text, reference: q.reference ?? q.hint, level: q.level, weight: q.weight,
                                                            rubric: guide.scale.levels.compactMap { level in
                                                                (q.rubric[level] ?? guide.scale.anchors[level]).map { Anchor(rating: level, text: $0) }
                                                            }, instructionsBefore: before[q.id]?.map(\.text) ?? []))
                                    }, uniquingKeysWith: { first, _ in first }),
                                    gates: Dictionary(topic.gates.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first }),
                                    instructions: Dictionary(topic.instructions.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first }),
                                    notes: Dictionary(topic.steps.compactMap { step in step.note.map { (step.id, $0) } }, uniquingKeysWith: { first, _ in first }))
                      })
        }
    }
}
