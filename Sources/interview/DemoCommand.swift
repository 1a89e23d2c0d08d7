import ArgumentParser
import Foundation
import InterviewServer

extension Interview {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Fill an empty data folder with a simulated team, to try every page (marked as demo data).", "用模拟的团队填充一个空的数据文件夹，以便试用每个页面（标记为演示数据）。"),
            discussion: CommandLineLanguage.pick("""
            Writes two positions on the bundled guides, an admin, a hiring manager, twelve interviewers of \
            differing leniency and N interviews over the past year (single interviewers and panels of two), \
            each scorecard walked through the real engine from a simulated candidate and submitted. The same \
            seed writes the same team. Then run 'interview serve --data DIR' and sign in with an account \
            printed here. Only an empty folder is filled; the embedded SQLite database only.
            """, """
            写入两个使用内置指南的职位、一名管理员、一名招聘经理、十二位宽严不一的
            面试官，以及过去一年中的 N 场面试（有单人面试，也有两人的面试小组）；
            每份评分卡都是让模拟的候选人在真实的面试引擎中走完全程后提交的。相同的
            种子生成相同的团队。之后运行 'interview serve --data DIR'，用这里打印
            的账号登录。只填充空文件夹，且只支持内嵌 SQLite 数据库。
            """)
        )

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The data folder to create and fill (must not hold a database yet).", "要创建并填充的数据文件夹（其中不能已有数据库）。")))
        var data = "interviewflow-demo"

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("How many interviews to simulate.", "要模拟的面试场数。")))
        var interviews = 300

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The seed of the simulation.", "模拟使用的随机种子。")))
        var seed: UInt64 = 1

        func validate() throws {
            guard (1...100_000).contains(interviews) else { throw ValidationError(CommandLineLanguage.pick("--interviews must be between 1 and 100000", "--interviews 须在 1 到 100000 之间")) }
            if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
                throw ValidationError(CommandLineLanguage.pick("the demo fills an embedded (SQLite) data folder; unset DATABASE_URL to run it",
                                                                "演示数据只写入内嵌（SQLite）数据文件夹；请先取消 DATABASE_URL 再运行"))
            }
        }

        func run() async throws {
            DataFolderPrivacy.ownerOnlyFromNowOn()
            let started = Date()
            let total = interviews
            let summary: DemoData.Summary
            do {
                summary = try await DemoData.fill(dataDirectory: data, interviews: interviews, seed: seed,
                                                  language: CommandLineLanguage.current) { done in
                    if done % 1000 == 0 || done == total {
                        FileHandle.standardError.write(Data(CommandLineLanguage.pick("\(done)/\(total) interviews\n", "\(done)/\(total) 场面试\n").utf8))
                    }
                }
            } catch let problem as DemoData.Problem {
                UsageError(problem).report()
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            print(CommandLineLanguage.pick(
                "Demo data in \(data): \(summary.positions) positions, \(summary.candidates) candidates, \(summary.scorecards) submitted scorecards, \(summary.upcoming) interviews to come (\(seconds) s).",
                "演示数据已写入 \(data)：\(summary.positions) 个职位，\(summary.candidates) 位候选人，\(summary.scorecards) 份已提交的评分卡，\(summary.upcoming) 场即将进行的面试（\(seconds) 秒）。"))
            print(CommandLineLanguage.pick("Run: interview serve --data \(data)", "运行：interview serve --data \(data)"))
            print(CommandLineLanguage.pick("Sign in with the password \(summary.password) as:", "用密码 \(summary.password) 登录以下账号："))
            for user in summary.users {
                print("  \(user.email)  " + CommandLineLanguage.pick("(\(user.role.en))", "（\(user.role.zh)）"))
            }
        }
    }
}
