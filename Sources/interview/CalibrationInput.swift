import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

/// What `calibrate` and `stats` read: session logs written by `interview run` (each replayed over its
/// guide, as `report` does) and CSV tables of ratings from elsewhere (`RatingTable`), told apart by the
/// name ending in .csv. Everything is on one rating scale or it is a usage error: severities on a 0–4
/// and a 1–5 scale are not the same logits.
struct CalibrationInput {
    var scorecards: [ScorecardRatings] = []
    var occurrences: [QuestionOccurrence] = []
    var gates: [GateOccurrence] = []
    var scale: ClosedRange<Int>
    /// The first guide's language, for the printed tables when --language is not given; nil when no guide
    /// was read (a CSV), and then the terminal's (LANG=zh_CN printed English tables, a recheck).
    var language: Language?

    /// `needsInterviewers`: calibration estimates each interviewer's severity, so every session must name
    /// its interviewer; question statistics do not (`stats`), and read an unnamed session as one unknown
    /// interviewer's.
    static func read(_ files: [String], guide guidePath: String?, scale scaleText: String?, messages: Language,
                     needsInterviewers: Bool = true) -> CalibrationInput {
        let named = guidePath.map { path -> Guide in
            let imported = GuideArgument.load(path)
            GuideArgument.warn(imported, file: path, language: messages)
            return imported.guide
        }
        var scale: ClosedRange<Int>? = scaleText.map(parseScale) ?? named?.scale.levels
        var input = CalibrationInput(scale: 0...4)
        var languageSet = false
        // Each session's guide and where its rows went, to name questions apart when guides differ.
        var sessions: [(guide: Guide, card: Int, occurrences: Range<Int>, gates: Range<Int>)] = []
        func agree(_ other: ClosedRange<Int>, _ file: String) {
            if let scale, scale != other {
                UsageError("\(file) is rated on \(other.lowerBound)-\(other.upperBound), the rest on \(scale.lowerBound)-\(scale.upperBound); calibrate one scale at a time",
                           "\(file) 的分制是 \(other.lowerBound)-\(other.upperBound)，其余是 \(scale.lowerBound)-\(scale.upperBound)；每次只校准一种分制").report()
            }
            scale = other
        }
        for file in files where !file.lowercased().hasSuffix(".csv") {
            let session = RunSessionFile.read(file)
            let guide = session.guide(named: guidePath, path: file)
            agree(guide.scale.levels, file)
            if !languageSet { input.language = ReportLanguage(guide: guide) == .zh ? .zh : .en; languageSet = true }
            let events = session.log.events
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let named = session.start?.interviewer.flatMap { $0.isEmpty ? nil : $0 }
            if named == nil && needsInterviewers {
                UsageError("\(file) names no interviewer, and calibration is about interviewers: "
                           + "record sessions with 'interview run --interviewer NAME'",
                           "\(file) 没有记录面试官，而校准针对的是面试官：请用 'interview run --interviewer NAME' 记录面试").report()
            }
            let interviewer = named ?? "(unnamed)"
            let candidate = session.start?.candidate ?? stem
            // One replay for the score, the questions and the gates.
            let analytics: SessionAnalytics
            do { analytics = try SessionAnalytics.read(events, guide: guide, interview: file) } catch {
                UsageError(description: "\(file): \(error)").report()
            }
            input.scorecards.append(ScorecardRatings(candidate: candidate, interviewer: interviewer,
                                                     card: Scoring.score(guide, analytics.state), scale: guide.scale.levels))
            let o = input.occurrences.count, g = input.gates.count
            input.occurrences += analytics.questions
            input.gates += analytics.gates
            sessions.append((guide, input.scorecards.count - 1, o..<input.occurrences.count, g..<input.gates.count))
        }
        input.nameQuestionsApart(sessions)
        for file in files where file.lowercased().hasSuffix(".csv") {
            // A missing file first: asking for --scale sent the user after the wrong mistake.
            let text = InputFile.read(file)
            guard let csvScale = scale else {
                UsageError("\(file): a table of ratings needs its scale: give --scale 0-4 (or --guide GUIDE)",
                           "\(file)：评分表需要分制：请给出 --scale 0-4（或 --guide GUIDE）").report()
            }
            switch RatingTable.read(text, scale: csvScale, guide: named) {
            case .success(let cards):
                input.scorecards += cards
                // A table has no dates: every row of a file counts as one moment, so no trend is read into it.
                let when = Date(timeIntervalSince1970: 0)
                for card in cards {
                    let interview = "\(file)#\(card.candidate)#\(card.interviewer)"
                    input.occurrences += card.ratings.map { QuestionOccurrence(interview: interview, question: $0.question, outcome: .rated($0.rating), date: when) }
                }
            case .failure(let problem):
                UsageError(description: "\(file):\(problem.line): \(problem.message.text(messages))").report()
            }
        }
        input.scale = scale ?? 0...4
        return input
    }

    /// Sessions of more than one guide (or version): `3.1/op1` of the mid/senior guide is not `3.1/op1` of
    /// the new-graduate one, so questions are named by the question bank (`QuestionBank.shortNames`) —
    /// a guide's id before its keys, a shared question by its id — and gates by their guide's id.
    mutating func nameQuestionsApart(_ sessions: [(guide: Guide, card: Int, occurrences: Range<Int>, gates: Range<Int>)]) {
        let versions = Dictionary(sessions.map { ($0.guide.contentHash, $0.guide) }, uniquingKeysWith: { a, _ in a })
        guard versions.count > 1 else { return }
        func lineage(_ guide: Guide) -> String { [guide.id ?? guide.title, guide.language].compactMap { $0 }.joined(separator: ".") }
        var order: [String] = [], byLineage: [String: [QuestionBank.Version]] = [:], seen: Set<String> = []
        for session in sessions where seen.insert(session.guide.contentHash).inserted {
            let name = lineage(session.guide)
            if byLineage[name] == nil { order.append(name) }
            byLineage[name, default: []].append(.init(id: session.guide.contentHash, label: String(session.guide.contentHash.prefix(12)), guide: session.guide))
        }
        let bank = QuestionBank(order.map { QuestionBank.Lineage(id: $0, title: $0, versions: byLineage[$0]!) })
        let names = bank.shortNames()
        let oneGuide = order.count == 1
        for session in sessions {
            let hash = session.guide.contentHash
            var renamed: [String: String] = [:]
            for (key, identity) in bank.identities(version: hash) { renamed[key] = names[identity] ?? identity }
            scorecards[session.card] = scorecards[session.card].renamingQuestions(renamed)
            for i in session.occurrences { occurrences[i].question = renamed[occurrences[i].question] ?? occurrences[i].question }
            if !oneGuide { for i in session.gates { gates[i].gate = "\(lineage(session.guide))/\(gates[i].gate)" } }
        }
    }

    /// `0-4`, `1-5`, `0…4`.
    static func parseScale(_ text: String) -> ClosedRange<Int> {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "…" || $0 == "." }).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low < high, high - low <= 10 else {
            UsageError("--scale '\(text)' is not a range such as 0-4 (2 to 11 levels)", "--scale '\(text)' 不是 0-4 这样的范围（2 到 11 级）").report()
        }
        return low...high
    }
}

/// What `calibrate` and `stats` both take: the files, how to read them, and how to print.
struct CalibrationSource: ParsableArguments {
    @Argument(help: ArgumentHelp(CommandLineLanguage.pick("Session logs and/or .csv tables of ratings.", "面试记录和/或评分的 .csv 表格。")))
    var files: [String] = []

    @Option(help: ArgumentHelp(CommandLineLanguage.pick("The guide the sessions were recorded with (when not bundled); for a table, its weights and scale.", "记录这些面试时所用的指南（不是内置指南时）；对表格而言，由它提供权重和分制。")))
    var guide: String?

    @Option(help: ArgumentHelp(CommandLineLanguage.pick("The rating scale of a table read without a guide, such as 0-4.", "不配指南读取表格时使用的分制，例如 0-4。")))
    var scale: String?

    @Option(help: ArgumentHelp(CommandLineLanguage.pick("text or json.", "text 或 json。")))
    var format: CalibrationFormat = .text

    @Option(help: ArgumentHelp(CommandLineLanguage.pick("en or zh (default: the locale's language when it names one, else the guide's).", "en 或 zh（默认：语言环境指明的语言，否则为指南的语言）。")))
    var language: RunLanguage?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError(CommandLineLanguage.pick("name at least one session log or CSV file", "请至少给出一个面试记录或 CSV 文件")) }
    }

    /// The inputs read, problems told as `report` tells them: in --language, else the locale's when it names
    /// one, else the guide's. The guide's came before the locale's, so a Chinese locale got English tables
    /// beside `report`'s Chinese on the same logs (a probe).
    func read(needsInterviewers: Bool = true) -> CalibrationInput {
        CommandLineLanguage.speak(language?.language, guide: guide)
        return CalibrationInput.read(files, guide: guide, scale: scale, messages: CommandLineLanguage.current,
                                     needsInterviewers: needsInterviewers)
    }

    func labels(_ input: CalibrationInput) -> CalibrationLabels {
        CalibrationLabels(language: language?.language ?? Language.named(in: ProcessInfo.processInfo.environment) ?? input.language ?? .en)
    }
}
