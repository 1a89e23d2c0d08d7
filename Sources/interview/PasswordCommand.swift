import ArgumentParser
import Foundation
import InterviewServer
#if canImport(Glibc)
import Glibc
#endif

extension Interview {
    /// `interview password EMAIL`: the way back for an admin who cannot sign in (`AccountRecovery`).
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Set an account's password from the command line (for an admin who cannot sign in).",
                                               "在命令行中为账户设置密码（用于无法登录的管理员）。"),
            discussion: CommandLineLanguage.pick("""
            For the only admin who forgot their password or is locked out: anyone else can have an admin set \
            one on the Users page. Stop the server first when its data is in a data folder (the folder's lock \
            refuses a running one); with DATABASE_URL set, it works on PostgreSQL while the servers run. The \
            password is read twice on a terminal, without echo, or as one line from standard input. The \
            account's sessions end, its lockout is lifted, and the security trail records it.
            """, """
            用于唯一的管理员忘记密码或被锁定的情况：其他人可以请管理员在“用户”页面设置密码。
            数据在数据文件夹中时请先停止服务器（文件夹的锁会拒绝正在运行的服务器）；设置了
            DATABASE_URL 时，可以在服务器运行时直接作用于 PostgreSQL。在终端中密码会不回显地
            读取两次，或者从标准输入读取一行。该账户的会话会结束，锁定会解除，安全记录会记下这次操作。
            """))

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("The account's email.", "账户的邮箱。")))
        var email: String

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("The data folder the server runs on.", "服务器使用的数据文件夹。")))
        var data = "interviewflow-data"

        func run() async throws {
            let password = Self.readPassword()
            let settings = ServerSettings.from(environment: ProcessInfo.processInfo.environment, dataDirectory: data, publicURL: "http://127.0.0.1:8080")
            if case .sqliteFile(let path) = settings.storage, !FileManager.default.fileExists(atPath: path) {
                UsageError("no database at \(path): name the server's folder with --data", "\(path) 处没有数据库：请用 --data 给出服务器的数据文件夹").report()
            }
            do {
                let done = try await AccountRecovery.setPassword(email: email, password: password, settings: settings)
                print(CommandLineLanguage.pick("password set for \(done.email) (\(done.role)); their sessions have ended and the security trail records it",
                                               "已为 \(done.email)（\(done.role)）设置密码；其会话已结束，安全记录已记下"))
            } catch let refusal as AccountRecovery.Refusal {
                UsageError(refusal.en, refusal.zh).report()
            } catch {
                UsageError(error).report()
            }
        }

        /// Twice without echo on a terminal (a typo would lock the admin out again); one line from a pipe.
        private static func readPassword() -> String {
            guard isatty(STDIN_FILENO) == 1 else {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    UsageError("no password on standard input", "标准输入中没有密码").report()
                }
                return line
            }
            var original = termios()
            tcgetattr(STDIN_FILENO, &original)
            var quiet = original
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
            defer { tcsetattr(STDIN_FILENO, TCSANOW, &original) }
            func ask(_ en: String, _ zh: String) -> String {
                FileHandle.standardError.write(Data(CommandLineLanguage.pick(en, zh).utf8))
                let line = readLine(strippingNewline: true) ?? ""
                FileHandle.standardError.write(Data("\n".utf8))
                return line
            }
            let first = ask("New password: ", "新密码：")
            let second = ask("The same again: ", "再输入一次：")
            guard first == second else { UsageError("the two passwords differ; nothing was changed", "两次输入的密码不同；没有做任何修改").report() }
            return first
        }
    }
}
