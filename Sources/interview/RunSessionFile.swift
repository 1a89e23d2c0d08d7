import Flowchart
import Foundation
import InterviewCore

/// A session log on disk as `run --resume` and `report` read it: its events, and the guide version
/// it was recorded with.
struct RunSessionFile {
    var log: SessionLog
    var start: SessionStart?

    /// Reads the log; problems that lost nothing (an unfinished last line) are told on stderr.
    static func read(_ path: String) -> RunSessionFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            InputFile.unreadable(path, what: ("session file", "面试记录文件")).report()
        }
        do {
            let log = try SessionLog.decode(data)
            for warning in log.warnings {
                FileHandle.standardError.write(Data("\(path): \(warning.text(CommandLineLanguage.current))\n".utf8))
            }
            guard case .started(let start)? = log.events.first?.kind else {
                if log.events.isEmpty { return RunSessionFile(log: log, start: nil) }
                UsageError("\(path): the first event is not 'started'; this is not a session log", "\(path)：第一个事件不是 'started'；这不是面试记录").report()
            }
            return RunSessionFile(log: log, start: start)
        } catch {
            UsageError(description: path + CommandLineLanguage.pick(": ", "：") + error.text.text(CommandLineLanguage.current)).report()
        }
    }

    /// The guide to replay the log over: the one named, or the bundled guide with the recorded id and
    /// version (either language).
    /// `runs`: for `run`, which takes the guide first on its line (`report` and `calibrate` take `--guide`;
    /// run's advice named --guide, which run refuses).
    func guide(named name: String?, path: String, runs: Bool = false, language: Language? = nil, speaksGuide: Bool = false) -> Guide {
        var errors = 0
        return guide(named: name, path: path, runs: runs, errors: &errors, language: language, speaksGuide: speaksGuide)
    }

    /// `guide(named:path:runs:)`, with how many errors the named file has: the runner says so on its first
    /// screen (said on stderr only, it showed once the full-screen runner had ended).
    /// `language`: the command's own (`--language`); with `speaksGuide` (`run`, `report`, whose screens and
    /// reports are in the guide's language) the guide's otherwise, the stderr line included (an English one
    /// sat above the Chinese runner's summary: a terminal probe).
    func guide(named name: String?, path: String, runs: Bool = false, errors: inout Int, language: Language? = nil,
               speaksGuide: Bool = false) -> Guide {
        if let name {
            let imported = GuideArgument.load(name)
            GuideArgument.warn(imported, file: name,
                               language: language ?? (speaksGuide ? (ReportLanguage(guide: imported.guide) == .zh ? .zh : .en) : nil))
            errors = imported.errors.count
            return imported.guide
        }
        guard let start else { return GuideArgument.load(BundledGuides.seniorPythonID).guide }
        for (id, language) in BundledGuides.all where id == start.guideID {
            if let guide = BundledGuides.guide(id: id, language: language)?.guide, guide.contentHash == start.guideHash {
                return guide
            }
        }
        UsageError("\(path) was recorded with guide '\(start.guideID ?? start.guideTitle)' version \(start.guideHash.prefix(12)), "
                   + "which is not bundled with this build; " + (runs ? "give the guide file first: interview run GUIDE.md --session \(path) --resume" : "pass the guide file with --guide"),
                   "\(path) 是用指南 '\(start.guideID ?? start.guideTitle)' 的版本 \(start.guideHash.prefix(12)) 记录的，本版本没有内置它；"
                   + (runs ? "请把指南文件放在最前面：interview run 指南.md --session \(path) --resume" : "请用 --guide 给出指南文件")).report()
    }

    /// Replays the log over the guide; a log that does not fit is a usage error naming the event.
    func engine(_ guide: Guide, path: String) -> SessionEngine {
        do {
            return try SessionEngine(guide: guide, replaying: log.events)
        } catch {
            // The engine's refusal in the user's language, at the event that does not fit.
            let why = error.error.text
            UsageError("\(path): event \(error.index + 1) (\(error.event.kind.typeName)): \(why.en)",
                       "\(path)：第 \(error.index + 1) 个事件（\(error.event.kind.typeName)）：\(why.zh)").report()
        }
    }
}
