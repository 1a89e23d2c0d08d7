import ArgumentParser
import Foundation
import Flowchart
import InterviewCore
import InterviewServer

@main
struct Interview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: CommandLineLanguage.pick("InterviewFlow: structured interviews from Markdown guides with flowchart.js or Mermaid flowcharts.", "InterviewFlow：按含 flowchart.js 或 Mermaid 流程图的 Markdown 指南进行结构化面试。"),
        subcommands: [Serve.self, Run.self, Report.self, Calibrate.self, Stats.self, Demo.self, Lint.self, Render.self, GuideCommand.self, Backup.self, Restore.self, Password.self]
    )

    /// Usage mistakes exit with 2 (the lint contract: 0 clean, 1 errors found, 2 usage),
    /// where ArgumentParser would use 64.
    static func main() async {
        refuseHelpForUnknownCommand(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            // Help pages and usage errors are ArgumentParser's text around ours: under a Chinese locale its
            // English words are put in Chinese (ArgumentParserChinese). Help goes to standard output with
            // status 0; a usage mistake exits with 2; any other failure ("Error: …": a port in use, a data
            // folder locked) with its own code.
            if CommandLineLanguage.current == .zh || code == .validationFailure {
                var message = fullMessage(for: error)
                if CommandLineLanguage.current == .zh { message = ArgumentParserChinese.translate(message) }
                if code == .success {
                    FileHandle.standardOutput.write(Data((message + "\n").utf8))
                    Foundation.exit(0)
                }
                // `ExitCode(1)` (lint found errors) has no message: nothing to write, not an empty line.
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
            }
            exit(withError: error)
        }
    }
}

extension Interview {
    /// `interview help bogus` printed the overview and exited 0 (ArgumentParser's help command ignores a
    /// name it does not know), so a script or a typo learned nothing: a usage error, as for `interview bogus`.
    static func refuseHelpForUnknownCommand(_ arguments: [String]) {
        guard arguments.count >= 2, arguments[0] == "help" else { return }
        var command: any ParsableCommand.Type = Interview.self
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            let known = command.configuration.subcommands
            guard let next = known.first(where: { $0._commandName == name }) else {
                let names = known.map { $0._commandName }.joined(separator: ", ")
                UsageError("no command '\(name)' to show help for (commands: \(names))",
                           "没有 '\(name)' 这个命令，无法显示帮助（命令：\(names)）").report()
            }
            command = next
        }
    }
}

/// A problem with what the user asked for (a missing file, an unwritable directory): exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

extension UsageError {
    /// The message in both languages; which one shows follows LC_ALL, LC_MESSAGES or LANG, as lint's do.
    init(_ en: String, _ zh: String) {
        self.init(description: CommandLineLanguage.pick(en, zh))
    }

    /// A failure from the libraries, in the locale's language when it carries both (`LocalizedText`).
    init(_ error: any Error) {
        let text: LocalizedText? = switch error {
        case let failure as SQLiteBackup.Failure: failure.text
        case let problem as DemoData.Problem: problem.text
        case let failure as GuideLoadError: failure.text
        case let failure as SessionFileError: failure.text
        case let failure as SessionLogError: failure.text
        default: nil
        }
        self.init(description: text?.text(CommandLineLanguage.current) ?? "\(error)")
    }

    /// Prints the message the way ArgumentParser prints validation errors.
    func report() -> Never {
        say()
        Foundation.exit(2)
    }

    /// On stderr, without exiting (a command that goes on with its other files).
    func say() {
        FileHandle.standardError.write(Data("\(CommandLineLanguage.pick("Error: ", "错误：") + description)\n".utf8))
    }
}

/// The language of the command line's own messages (usage errors), from the environment: every text a
/// user reads exists in Chinese and English, these included.
enum CommandLineLanguage {
    /// The locale's, until a command that speaks its guide's language says otherwise (`speak`).
    nonisolated(unsafe) private(set) static var current = Language.preferred(from: ProcessInfo.processInfo.environment)

    /// `run` and `report` speak the language of their screens and reports: `--language`, else the
    /// locale's when it names one, else the guide's. A session file they could not read, or a log that did
    /// not fit the guide, was said in English beside a Chinese runner, `--language zh` given or not (a
    /// probe). Set once, before anything is said, in a process that runs one command on one thread.
    static func speak(_ chosen: Language?, guide: String?) {
        if let chosen {
            current = chosen
        } else if Language.named(in: ProcessInfo.processInfo.environment) == nil, let guide {
            current = about(GuideArgument.load(guide))
        }
    }

    static func pick(_ en: String, _ zh: String) -> String { current == .zh ? zh : en }

    /// For what a command says about a guide: the locale's language, or under a locale that names none
    /// (C, unset: containers and CI) the guide's own, as lint has done. `guide show`, `render` and
    /// `guide convert` said a Chinese guide's errors in English there (a Mermaid probe).
    static func about(_ imported: ImportedGuide) -> Language {
        Language.named(in: ProcessInfo.processInfo.environment) ?? (ReportLanguage(guide: imported.guide) == .zh ? .zh : .en)
    }
}

enum InputFile {
    /// Reads a guide or flowchart as UTF-8; invalid bytes become U+FFFD rather than failing the whole file.
    /// `bundled`: a name that is no file but a bundled guide (`python-backend-senior.en`) reads that guide's
    /// Markdown, as the README says every GUIDE argument may be.
    static func read(_ path: String, bundled: Bool = false) -> String {
        let (text, invalid) = readNoting(path, bundled: bundled)
        if let invalid {
            let words = InvalidUTF8.diagnostic(at: invalid).text.text(Language.preferred(from: ProcessInfo.processInfo.environment))
            FileHandle.standardError.write(Data("\(path):\(invalid.line):\(invalid.column): warning: \(words)\n".utf8))
        }
        return text
    }

    /// `read`, with where the first byte that is not UTF-8 is instead of a warning printed (lint reports it
    /// among its findings).
    static func readNoting(_ path: String, bundled: Bool = false) -> (text: String, invalidUTF8: SourcePosition?) {
        switch readOrRefuse(path, bundled: bundled) {
        case .success(let read): return read
        case .failure(let refusal): refusal.report()
        }
    }

    /// `readNoting`, with a file it cannot read given back rather than reported (lint goes on with the
    /// other files: one missing name stopped it before the rest were checked).
    static func readOrRefuse(_ path: String, bundled: Bool = false) -> Result<(text: String, invalidUTF8: SourcePosition?), UsageError> {
        // A guide exported as JSON read as a chart gave a page of flowchart.js errors (lint) or came back
        // unchanged with success (convert): say what to do with it instead.
        if path.lowercased().hasSuffix(".json") {
            // Only a file that reads as an exported guide is called one: `{"x":1}` was, while `guide show`
            // said the same file was none (a probe).
            if FileManager.default.fileExists(atPath: path) {
                do { _ = try GuideImporter.load(path: path) } catch let error as GuideLoadError {
                    return .failure(UsageError(error.text.en + "; this command reads Markdown guides and chart files",
                                               error.text.zh + "；此命令读取 Markdown 指南和流程图文件"))
                } catch {}
            }
            return .failure(UsageError("\(path) is a guide exported as JSON; this command reads Markdown guides and chart files: "
                       + "use the Markdown it was exported from, or write it as Markdown with 'interview guide export \(path) -o guide.md'",
                       "\(path) 是导出为 JSON 的指南；此命令读取 Markdown 指南和流程图文件：请使用导出它的 Markdown，"
                       + "或用 'interview guide export \(path) -o guide.md' 写成 Markdown"))
        }
        if bundled, !FileManager.default.fileExists(atPath: path) {
            if let (id, language) = BundledGuides.named(path), let markdown = BundledGuides.markdown(id: id, language: language) {
                return .success((markdown, nil))
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(unreadable(path)) }
        return .success((String(decoding: data, as: UTF8.self), InvalidUTF8.firstPosition(in: data)))
    }

    /// Why `path` gave no contents: a folder, or nothing there. `what` names the file expected.
    static func unreadable(_ path: String, what: (en: String, zh: String) = ("file", "文件")) -> UsageError {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return UsageError("\(path) is a directory, not a \(what.en)", "\(path) 是文件夹，不是\(what.zh)") }
            // There, and not readable: it said "no such file" (a probe).
            return UsageError("cannot read \(path): permission denied", "无法读取 \(path)：权限不足")
        }
        return UsageError("cannot read \(path): no such \(what.en)", "无法读取 \(path)：没有这个\(what.zh)")
    }
}
