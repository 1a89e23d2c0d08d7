import ArgumentParser
import Foundation
import InterviewServer

extension Interview {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Write a consistent copy of the embedded database, also while the server runs.", "把内嵌数据库备份为一份一致的副本，服务器运行时也可以执行。"),
            discussion: CommandLineLanguage.pick("""
            Uses SQLite's online backup API and checks the copy with PRAGMA integrity_check. For PostgreSQL, \
            use pg_dump (docs/operations.md).
            """, """
            使用 SQLite 的在线备份 API，并用 PRAGMA integrity_check 检查副本。
            PostgreSQL 请改用 pg_dump（见 docs/operations.md）。
            """)
        )

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The data folder the server runs on.", "服务器使用的数据文件夹。")))
        var data = "interviewflow-data"

        /// With DATABASE_URL set the server keeps nothing in the data folder: said as such, not as "no
        /// database at interviewflow-data/interviewflow.sqlite" (an operator's probe).
        static func refuseOnPostgres(_ command: String) {
            guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return }
            UsageError("DATABASE_URL is set, so the data is in PostgreSQL, not in a data folder: '\(command)' is for the embedded SQLite database; use pg_dump and pg_restore (docs/operations.md), or unset DATABASE_URL",
                       "已设置 DATABASE_URL，数据在 PostgreSQL 中，而不在数据文件夹里：'\(command)' 只用于内嵌的 SQLite 数据库；请使用 pg_dump 和 pg_restore（见 docs/operations.md），或取消设置 DATABASE_URL").report()
        }

        @Option(name: .shortAndLong, help: ArgumentHelp(CommandLineLanguage.pick("The backup file to write (must not exist).", "要写入的备份文件（不能已经存在）。")))
        var output: String

        func run() throws {
            Self.refuseOnPostgres("backup")
            // The copy holds everything the database does: its owner's only, like the data folder.
            DataFolderPrivacy.ownerOnlyFromNowOn()
            do {
                try SQLiteBackup.backup(SQLiteBackup.databasePath(inDataFolder: data), to: output)
                print(CommandLineLanguage.pick("backed up \(data) to \(output)", "已把 \(data) 备份到 \(output)"))
                if let erasures = try SQLiteBackup.copyLedger(fromDataFolder: data, besideBackup: output) {
                    let copy = SQLiteBackup.ledgerCopy(ofBackup: output)
                    print(CommandLineLanguage.pick(
                        "the \(erasures) erasure(s) recorded so far are in \(copy): keep it with the backup; 'restore --erasures' takes the newest one, so that an older backup brings nobody back",
                        "目前记录的 \(erasures) 次删除保存在 \(copy) 中：请与备份放在一起；'restore --erasures' 可使用最新的一份，使较早的备份不会让已删除的人重新出现"))
                }
            } catch {
                UsageError(error).report()
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Put a backup back into a data folder (the server must be stopped).", "把备份恢复到数据文件夹（须先停止服务器）。"),
            discussion: CommandLineLanguage.pick("The backup is checked first (a sound SQLite file holding InterviewFlow's tables); the folder's database, if any, is replaced and kept beside it as interviewflow.sqlite.before-restore.", "先检查备份（须是完好的 SQLite 文件，且包含 InterviewFlow 的表）；\n文件夹中原有的数据库会被替换，\n并以 interviewflow.sqlite.before-restore 为名保留在同一文件夹中。")
        )

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("A file written by 'interview backup'.", "由 'interview backup' 写出的备份文件。")))
        var file: String

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The data folder to restore into.", "要恢复到的数据文件夹。")))
        var data = "interviewflow-data"

        @Option(name: .customLong("erasures"), help: ArgumentHelp(CommandLineLanguage.pick(
            "An erasures ledger to carry into the folder (the old folder's erasures.log, or the newest backup's .erasures.log); repeatable. The people it names are erased again at the next start.",
            "要并入数据文件夹的删除记录（旧文件夹的 erasures.log，或最新备份旁的 .erasures.log）；可重复。\n其中的候选人会在下次启动时再次删除。")))
        var erasures: [String] = []

        func run() throws {
            Backup.refuseOnPostgres("restore")
            DataFolderPrivacy.ownerOnlyFromNowOn()
            do {
                // Every ledger is read before anything is replaced (one that does not read refuses the
                // restore), and merged under the folder's lock before the database is: the backup's own copy
                // first (its erasures are in it already, but a later restore of an older backup into this
                // folder needs them), then the ones given.
                for ledger in erasures { try SQLiteBackup.checkLedger(ledger) }   // before even the folder is made
                let restored = try SQLiteBackup.restore(file, dataFolder: data, ledgers: erasures)
                DataFolderPrivacy.tighten(dataFolder: data)
                print(CommandLineLanguage.pick("restored \(file) into \(data)", "已把 \(file) 恢复到 \(data)"))
                for (ledger, added) in restored.ledgers {
                    print(CommandLineLanguage.pick("\(added) erasure(s) added from \(ledger)", "从 \(ledger) 并入 \(added) 次删除"))
                }
                if let kept = restored.kept {
                    print(CommandLineLanguage.pick("the database it replaced is kept as \(kept) for 7 days (it still holds people erased since), then removed by the server's hourly sweep",
                                                   "被替换的数据库保留为 \(kept)，保留 7 天（其中仍有此后被删除的人），之后由服务器每小时的清理删除"))
                    if let gap = restored.trailGap { print(CommandLineLanguage.pick(gap.text(kept: kept).en, gap.text(kept: kept).zh)) }
                }
                let recorded = SQLiteBackup.erasuresRecorded(inDataFolder: data)
                if recorded > 0 {
                    print(CommandLineLanguage.pick(
                        "\(recorded) erasure(s) recorded in \(data)/\(SQLiteBackup.erasureLedgerName) are made again when the server starts: people erased after this backup was taken stay erased",
                        "\(data)/\(SQLiteBackup.erasureLedgerName) 中记录的 \(recorded) 次删除会在服务器启动时重新执行：在此备份之后被删除个人数据的候选人不会因恢复而重新出现"))
                }
                if restored.kept == nil && erasures.isEmpty {
                    // A new folder (a lost disk): the erasures made since this backup are known only to the
                    // old folder's ledger or a newer backup's copy. Said whatever the count: restored into a
                    // new folder, an erased candidate came back and nothing warned (an operations probe).
                    print(CommandLineLanguage.pick(
                        "warning: \(data) held no database, so erasures made after this backup was taken are known only to the old folder's \(SQLiteBackup.erasureLedgerName) or a newer backup's .\(SQLiteBackup.erasureLedgerName): restore again with --erasures FILE before starting the server, or the people erased since come back",
                        "警告：\(data) 中原本没有数据库，因此在此备份之后做出的删除只记录在旧文件夹的 \(SQLiteBackup.erasureLedgerName) 或较新备份旁的 .\(SQLiteBackup.erasureLedgerName) 中：请在启动服务器前用 --erasures FILE 再恢复一次，否则此后被删除的人会重新出现"))
                }
            } catch {
                UsageError(error).report()
            }
        }
    }
}
