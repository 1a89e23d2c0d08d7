import ArgumentParser
import Foundation
import InterviewServer

extension Interview {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the embedded database, also while the server runs.",
            discussion: """
            Uses SQLite's online backup API and checks the copy with PRAGMA integrity_check. For PostgreSQL, \
            use pg_dump (docs/operations.md).
            """
        )

        @Option(help: "The data folder the server runs on.")
        var data = "interviewflow-data"

        @Option(name: .shortAndLong, help: "The backup file to write (must not exist).")
        var output: String

        func run() throws {
            do {
                try SQLiteBackup.backup(SQLiteBackup.databasePath(inDataFolder: data), to: output)
                print(CommandLineLanguage.pick("backed up \(data) to \(output)", "已把 \(data) 备份到 \(output)"))
            } catch {
                UsageError(error).report()
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a backup back into a data folder (the server must be stopped).",
            discussion: "The backup is checked first (a sound SQLite file holding InterviewFlow's tables); the folder's database, if any, is replaced and kept beside it as interviewflow.sqlite.before-restore."
        )

        @Argument(help: "A file written by 'interview backup'.")
        var file: String

        @Option(help: "The data folder to restore into.")
        var data = "interviewflow-data"

        func run() throws {
            do {
                let kept = try SQLiteBackup.restore(file, dataFolder: data)
                print(CommandLineLanguage.pick("restored \(file) into \(data)", "已把 \(file) 恢复到 \(data)"))
                if let kept { print(CommandLineLanguage.pick("the database it replaced is kept as \(kept)", "被替换的数据库保留为 \(kept)")) }
            } catch {
                UsageError(error).report()
            }
        }
    }
}
