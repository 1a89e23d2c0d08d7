import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Estimate each interviewer's severity and each candidate's score with it removed.", "估计每位面试官的严格度，以及去除严格度影响后每位候选人的得分。"),
            discussion: CommandLineLanguage.pick("""
            Reads session logs written by 'interview run --interviewer NAME' and/or CSV files with the header \
            candidate,interviewer,topic,question,rating. Fits a many-facet Rasch model (rating ≈ ability − \
            difficulty − severity, shrunk toward the team for interviewers with little data) and prints each \
            interviewer's severity (+ is harsher than the team) and each candidate's raw score beside the \
            severity-adjusted score with the 95% interval of that correction (docs/scoring.md). The raw score \
            is the score of record: the report's overall score, or for a candidate several interviewers saw \
            the mean of their cards' overalls; the adjusted score is the same sum with each rating corrected \
            for its interviewer's severity, and stays beside it. Below the minimum data only the raw score is shown.
            """, """
            读取由 'interview run --interviewer NAME' 写出的面试记录，和/或表头
            为 candidate,interviewer,topic,question,rating 的 CSV 文件。拟合多
            面 Rasch 模型（评分 ≈ 能力 − 难度 − 严格度；数据较少的面试官，其严格度会向
            团队水平收缩），输出每位面试官的严格度（+ 表示比团队严格），以及每位候选人
            的原始分与校准分（去除了严格度的影响，附该校正的 95% 区间；见 docs/scoring.md）。
            原始分就是正式得分：报告中的总分；由几位面试官面试过的候选人，是各评分卡总分
            的平均值。校准分用同样的算法，只是每个评分都去除了其面试官的严格度影响，
            列在原始分旁边。数据量未达下限时只显示原始分。
            """)
        )

        @OptionGroup var source: CalibrationSource

        // `.unconditional`: the next word is the value even when it starts with '-', so "--min-shared -1"
        // gets validate()'s message, not "unknown option '-1'" (an account probe).
        @Option(parsing: .unconditional, help: ArgumentHelp(CommandLineLanguage.pick("An interviewer's severity is used once they have this many ratings…", "面试官的评分至少达到这么多条……")))
        var minRatings = SeverityAdjustedScore.MinimumData.standard.ratings

        @Option(parsing: .unconditional, help: ArgumentHelp(CommandLineLanguage.pick("…of at least this many candidates.", "……且涉及至少这么多位候选人时，才使用其严格度。")))
        var minCandidates = SeverityAdjustedScore.MinimumData.standard.candidates

        @Option(parsing: .unconditional, help: ArgumentHelp(CommandLineLanguage.pick("…of whom at least this many were rated by a colleague too…", "……其中至少这么多位也由其他面试官面试过……")))
        var minShared = SeverityAdjustedScore.MinimumData.standard.sharedCandidates

        @Option(parsing: .unconditional, help: ArgumentHelp(CommandLineLanguage.pick("…and at least this share of them (0–1): a severity is measured only through candidates colleagues rated too.", "……并且至少占这个比例（0–1）：严格度只能通过同事也面试过的候选人来衡量。")))
        var minSharedShare = SeverityAdjustedScore.MinimumData.standard.sharedShare

        func validate() throws {
            guard minRatings >= 1, minCandidates >= 1 else { throw ValidationError(CommandLineLanguage.pick("--min-ratings and --min-candidates must be at least 1", "--min-ratings 和 --min-candidates 至少为 1")) }
            guard minShared >= 0, (0...1).contains(minSharedShare) else {
                throw ValidationError(CommandLineLanguage.pick("--min-shared must be at least 0 and --min-shared-share between 0 and 1",
                                                               "--min-shared 至少为 0，--min-shared-share 须在 0 到 1 之间"))
            }
        }

        func run() throws {
            let input = source.read()
            var minimum = SeverityAdjustedScore.MinimumData()
            minimum.ratings = minRatings
            minimum.candidates = minCandidates
            minimum.sharedCandidates = minShared
            minimum.sharedShare = minSharedShare
            switch TeamCalibration.make(input.scorecards, scale: input.scale, minimum: minimum) {
            case .success(let team):
                let labels = source.labels(input)
                print(source.format == .json ? CalibrationJSON.team(team, minimum: minimum) : TerminalSafe.visible(CalibrationText.team(team, labels, minimum: minimum)), terminator: "")
            case .failure(let problem):
                UsageError("cannot calibrate: \(problem)", "无法校准：\(problem)").report()
            }
        }
    }
}

enum CalibrationFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
