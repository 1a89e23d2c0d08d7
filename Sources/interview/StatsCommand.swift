import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Print each question's statistics: difficulty, discrimination, skips, gates, time, and flags.", "打印每道题的统计：难度、区分度、跳过、判断节点、用时和标记。"),
            discussion: CommandLineLanguage.pick("""
            Reads the same inputs as 'calibrate'. Per question (topic/question): times asked and rated, mean \
            rating as a share of the scale, the corrected item–total correlation (discrimination), the Rasch \
            difficulty with its infit/outfit mean squares, skip and not-demonstrated rates, the median time on \
            it; per gate, how often it is answered yes and how often the answer follows the engine's \
            suggestion. Flags: questions that do not discriminate, that nearly everyone passes or fails, and \
            likely leaks (rated higher over time against the same interviews' other questions, Mann–Kendall trend test). Sessions of more than one \
            guide name questions apart by the question bank: the guide's id before the key, a question the \
            guides share by its id. See docs/scoring.md.
            """, """
            输入与 'calibrate' 相同。每道题（主题/题目）：提问和评分的次数、平均分占满分
            的比例、校正后的题总相关（区分度）、Rasch 难度及其 infit/outfit 均方、跳过率
            和未展示率、用时中位数；每个判断节点：回答“是”的比例，以及回答遵循引擎建议的
            比例。标记：区分度不足的题目、几乎人人通过或人人不通过的题目，以及可能已泄题
            的题目（与同场面试的其他题目相比，得分随时间上升；Mann–Kendall 趋势检验）。
            来自多份指南的面试按题库区分题目：题号前加上指南的 id，多份指南共有的题目则
            用题目的 id。详见 docs/scoring.md。
            """)
        )

        @OptionGroup var source: CalibrationSource

        func run() throws {
            let input = source.read(needsInterviewers: false)
            let statistics = QuestionStatistics.compute(input.occurrences, gates: input.gates, scale: input.scale)
            // The Rasch difficulties come from the same fit `calibrate` makes; without one (one level) none.
            let fit = try? RaterCalibration.fit(input.scorecards.flatMap(\.ratings), scale: input.scale).get()
            let labels = source.labels(input)
            print(source.format == .json ? QuestionStatisticsOutput.json(statistics, fit: fit, labels: labels)
                                  : TerminalSafe.visible(QuestionStatisticsOutput.text(statistics, fit: fit, labels: labels)), terminator: "")
        }
    }
}

/// `stats` as tables or JSON.
enum QuestionStatisticsOutput {
    static func text(_ s: QuestionStatistics, fit: RaterCalibration?, labels: CalibrationLabels) -> String {
        var out = labels.questionsTitle + "\n"
        out += CalibrationText.table(
            [labels.question, labels.asked, labels.rated, labels.mean, labels.discrimination, "δ (± SE)", "infit/outfit",
             labels.skipped, labels.notDemonstrated, labels.median],
            s.questions.map { q in
                let d = fit?.question(q.question)
                return [q.question, "\(q.rated + q.skipped)", "\(q.rated)", q.meanPercent.map { CalibrationText.decimal($0, 0) } ?? "—",
                        q.itemRest.map { CalibrationText.decimal($0, 2) } ?? "—",
                        d.map { "\(CalibrationText.signed($0.difficulty)) (\(CalibrationText.decimal($0.standardError, 2)))" } ?? "—",
                        d.map { "\(CalibrationText.decimal($0.infit, 2))/\(CalibrationText.decimal($0.outfit, 2))" } ?? "—",
                        CalibrationText.percent(q.skipRate), CalibrationText.percent(q.notDemonstratedRate),
                        q.medianSeconds.map(CalibrationText.clock) ?? "—"]
            })
        if !s.gates.isEmpty {
            out += "\n" + labels.gatesTitle + "\n"
            out += CalibrationText.table([labels.gate, labels.answered, labels.yes, labels.followed],
                                         s.gates.map { g in [g.gate, "\(g.answered)", CalibrationText.percent(g.yesRate), CalibrationText.percent(g.followRate)] })
        }
        let flagged = s.questions.filter { !$0.flags.isEmpty }
        out += "\n" + labels.flagsTitle + "\n"
        if flagged.isEmpty { out += labels.noFlags + "\n" }
        for q in flagged {
            for flag in q.flags { out += "  \(q.question): \(labels.flag(flag))\n" }
        }
        return out
    }

    static func json(_ s: QuestionStatistics, fit: RaterCalibration?, labels: CalibrationLabels) -> String {
        func number(_ v: Double?) -> Any { v.map(CalibrationJSON.round) ?? NSNull() }
        let questions: [[String: Any]] = s.questions.map { q in
            let d = fit?.question(q.question)
            return ["id": q.question, "asked": q.rated + q.skipped, "rated": q.rated, "skipped": q.skipped,
                    "notDemonstrated": q.notDemonstrated, "meanPercent": number(q.meanPercent), "itemRest": number(q.itemRest),
                    "itemRestCount": q.itemRestCount, "difficulty": number(d?.difficulty), "difficultyStandardError": number(d?.standardError),
                    "infit": number(d?.infit), "outfit": number(d?.outfit), "skipRate": number(q.skipRate),
                    "notDemonstratedRate": number(q.notDemonstratedRate), "medianSeconds": number(q.medianSeconds),
                    "trend": q.trend.map { ["z": CalibrationJSON.round($0.z), "pIncreasing": CalibrationJSON.round($0.pIncreasing), "count": $0.count] as [String: Any] } ?? NSNull(),
                    "flags": q.flags.map { labels.flag($0) }]
        }
        let gates: [[String: Any]] = s.gates.map { g in
            ["id": g.gate, "answered": g.answered, "yes": g.yes, "yesRate": number(g.yesRate), "withSuggestion": g.withSuggestion,
             "followedSuggestion": g.followedSuggestion, "followRate": number(g.followRate)]
        }
        return CalibrationJSON.serialize(["questions": questions, "gates": gates])
    }
}
