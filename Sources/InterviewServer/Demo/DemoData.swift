import Flowchart
import Fluent
import Foundation
import InterviewCore
import Vapor

/// `interview demo`: fills an empty data folder with a plausible team, so a new user sees every page
/// populated and benchmarks have data. Two positions on the bundled guides, a hiring manager, an admin,
/// twelve interviewers of differing leniency, and `interviews` interviews over the past year — single
/// interviewers and panels of two, every scorecard walked through the real engine (`InterviewSimulator`)
/// from a simulated candidate ability and submitted. A `DEMO-DATA` file in the folder marks it, and the
/// server shows a banner on every page while it is there.
public enum DemoData {
    public static let markerFile = "DEMO-DATA"

    public struct Summary: Sendable {
        /// Each account and its role's name in both languages, as the users page names it.
        public var users: [(email: String, role: LocalizedText)]
        public var password: String
        public var positions: Int
        public var candidates: Int
        public var scorecards: Int
        /// Interviews scheduled in the coming days, with no card yet (not counted in `candidates`).
        public var upcoming: Int
    }

    public enum Problem: Error, CustomStringConvertible {
        case notEmpty(String)
        case notAFolder(String)
        public var description: String { text.en }
        public var text: LocalizedText {
            switch self {
            case .notEmpty(let folder): LocalizedText(en: "\(folder) already holds data; the demo only fills an empty data folder",
                                                      zh: "\(folder) 里已有数据；演示数据只写入空的数据文件夹")
            case .notAFolder(let path): LocalizedText(en: "\(path) is a file, not a folder; name a folder for the demo's data",
                                                      zh: "\(path) 是文件，不是文件夹；请为演示数据给出一个文件夹")
            }
        }
    }

    /// The team is written in a folder of its own inside the data folder and moved into place only when
    /// complete: a demo stopped halfway (Ctrl-C) once left a database without its marker and without the
    /// printed password, which every later run then refused as "already holds data". A run finds such a
    /// half-written folder and starts it again.
    static let workFolder = ".demo-being-written"

    /// `language`: the demo's own words (positions, candidates, summaries) and the guides it runs, so a
    /// Chinese team trying the product meets a Chinese demo.
    public static func fill(dataDirectory: String, interviews: Int, seed: UInt64, language: Flowchart.Language = .en,
                            progress: @Sendable (Int) -> Void = { _ in }) async throws -> Summary {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: dataDirectory, isDirectory: &isFolder), !isFolder.boolValue {
            throw Problem.notAFolder(dataDirectory)
        }
        let folder = URL(fileURLWithPath: dataDirectory)
        let path = folder.appendingPathComponent("interviewflow.sqlite").path
        if FileManager.default.fileExists(atPath: path) { throw Problem.notEmpty(dataDirectory) }
        let work = folder.appendingPathComponent(workFolder)
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let summary = try await fill(database: work.appendingPathComponent("interviewflow.sqlite").path, interviews: interviews,
                                     seed: seed, language: language, progress: progress)
        // Closed, so its write-ahead log is normally folded into the file; a log left beside it goes with it.
        let written = work.appendingPathComponent("interviewflow.sqlite").path
        if FileManager.default.fileExists(atPath: written + "-wal") { try FileManager.default.moveItem(atPath: written + "-wal", toPath: path + "-wal") }
        try FileManager.default.moveItem(atPath: written, toPath: path)
        try Data("Demo data written by `interview demo` (seed \(seed)). Delete this file and the database to start afresh.\n".utf8)
            .write(to: folder.appendingPathComponent(markerFile))
        try? FileManager.default.removeItem(at: work)
        return summary
    }

    private static func fill(database path: String, interviews: Int, seed: UInt64, language: Flowchart.Language,
                             progress: @Sendable (Int) -> Void) async throws -> Summary {
        var settings = ServerSettings(storage: .sqliteFile(path: path), publicURL: "http://127.0.0.1:8080", announceSetup: false)
        settings.logFormat = .text
        let app = try await Application.make(Environment(name: "demo", arguments: ["interview"]))
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: settings)
            let summary = try await write(app, interviews: interviews, seed: seed, words: DemoWords(language), progress: progress)
            try await app.asyncShutdown()
            return summary
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private static func write(_ app: Application, interviews count: Int, seed: UInt64, words: DemoWords,
                              progress: @Sendable (Int) -> Void) async throws -> Summary {
        let db = app.db
        var team = DemoTeam(seed: seed)
        // One random password for every demo account, printed once; hashed once (bcrypt is slow on purpose).
        var system = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let password = String((0..<16).map { _ in alphabet[Int(system.next() % UInt64(alphabet.count))] })
        let hash = try app.password.hash(password)
        let admin = User(email: "ada@demo.example", name: "Ada Admin", passwordHash: hash, role: .admin)
        let manager = User(email: "maria@demo.example", name: "Maria Manager", passwordHash: hash, role: .hiringManager)
        let interviewers = team.interviewers.map { User(email: $0.email, name: $0.name, passwordHash: hash, role: .interviewer) }
        for user in [admin, manager] + interviewers { try await user.save(on: db) }

        var positions: [(Position, GuideVersion, Guide)] = []
        for (title, slug) in words.positions {
            guard let record = try await GuideRecord.query(on: db).filter(\.$slug == slug).first(),
                  let version = try await GuideVersion.find(record.$current.id, on: db) else { continue }
            let guide = try await ScorecardService.guide(try version.requireID(), cache: app.scorecardCache, on: db).guide
            let position = Position(title: title, guideID: try record.requireID(), retentionDays: nil)
            position.$owner.id = try manager.requireID()
            try await position.save(on: db)
            try await position.$members.attach([manager] + interviewers, on: db)
            positions.append((position, version, guide))
        }
        guard !positions.isEmpty else { throw Abort(.internalServerError, reason: "the bundled guides are missing") }

        let now = Date()
        var scorecards = 0
        // In batches, each one transaction: a 10,000-interview folder is a million event rows.
        let batch = 100
        for first in stride(from: 0, to: count, by: batch) {
            var rows: [DemoInterview] = []
            for n in first..<min(first + batch, count) {
                // Two in three candidates apply for the senior position.
                let (position, version, guide) = positions[n % 3 == 2 && positions.count > 1 ? 1 : 0]
                let when = now.addingTimeInterval(-365 * 86_400 * Double(count - n) / Double(max(count, 1)))
                let difficulty = team.difficulty(guide)
                let ability = team.random.normal()
                let panel = team.random.uniform() < 0.6 ? team.random.distinct(2, below: interviewers.count)
                                                       : [team.random.index(interviewers.count)]
                var cards: [DemoCard] = []
                for i in panel {
                    var events = try InterviewSimulator.interview(
                        guide, candidate: .init(id: "demo-\(n)", logit: ability),
                        interviewer: .init(id: team.interviewers[i].name, logit: team.interviewers[i].severity),
                        difficulty: { difficulty[QuestionKey.of(topic: $0.topic, question: $0.question)] ?? 0 },
                        rating: .evenlySpaced(maximum: guide.scale.maximum), start: when, pace: .realistic,
                        random: &team.random)
                    let state = try SessionEngine(guide: guide, replaying: events).state
                    let score = Scoring.score(guide, state)
                    // Submitted within a day or two of the interview, as teams do.
                    let submitted = (events.last?.at ?? when).addingTimeInterval(3600 * (1 + 47 * team.random.uniform()))
                    events.append(SessionEvent(at: submitted, .scorecardSubmitted(ScorecardSubmission(
                        recommendation: score.band?.id ?? ScorecardSubmission.noDecision,
                        summary: words.summary))))
                    // Submitting changes no rating: the score read before it is the card's score.
                    cards.append(DemoCard(user: interviewers[i], events: events, submittedAt: submitted, score: score))
                }
                rows.append(DemoInterview(number: n, position: position, version: version, at: when, cards: cards, words: words))
            }
            let written = rows
            try await db.transaction { db in
                for row in written { try await row.save(on: db) }
            }
            scorecards += rows.reduce(0) { $0 + $1.cards.count }
            progress(min(first + batch, count))
        }
        // A team's week goes on: a few interviews still to come, so an interviewer signing in finds their
        // agenda (`InterviewAgenda`) and a console to open, not only a year of finished ones.
        let upcoming = try await scheduleUpcoming(after: count, now: now, positions: positions, interviewers: interviewers,
                                                  words: words, on: db)
        let interviewer = LocalizedText(en: "interviewer", zh: "面试官")
        return Summary(users: [(admin.email, LocalizedText(en: "admin", zh: "管理员")),
                               (manager.email, LocalizedText(en: "hiring manager", zh: "招聘经理"))]
                           + interviewers.map { ($0.email, interviewer) },
                       password: password, positions: positions.count, candidates: count, scorecards: scorecards,
                       upcoming: upcoming)
    }
}

extension DemoData {
    /// Three interviews to come, each on the first interviewer's panel (the one the demo lists first):
    /// in two hours, tomorrow and in three days, on the hour. Returns how many were scheduled.
    fileprivate static func scheduleUpcoming(after count: Int, now: Date, positions: [(Position, GuideVersion, Guide)],
                                             interviewers: [User], words: DemoWords, on db: any Database) async throws -> Int {
        guard interviewers.count >= 3 else { return 0 }
        let hour = (now.timeIntervalSince1970 / 3600).rounded(.up) * 3600
        let plan: [(hours: Double, panel: [Int])] = [(2, [0, 1]), (24, [0]), (72, [2, 0])]
        for (offset, item) in plan.enumerated() {
            let (position, version, _) = positions[offset % positions.count]
            let row = DemoInterview(number: count + offset, position: position, version: version,
                                    at: Date(timeIntervalSince1970: hour + item.hours * 3600), cards: [],
                                    panel: item.panel.map { interviewers[$0] }, status: .scheduled, words: words)
            try await row.save(on: db)
        }
        return plan.count
    }
}

/// One simulated interview and its submitted cards, written as the console would have left them.
private struct DemoInterview: @unchecked Sendable {  // Fluent models are classes; one task uses them
    var number: Int
    var position: Position
    var version: GuideVersion
    var at: Date
    var cards: [DemoCard]
    /// The panel: the cards' interviewers for a finished interview; named for one still to come.
    var panel: [User] = []
    var status: Interview.Status = .completed
    var words: DemoWords

    func save(on db: any Database) async throws {
        let candidate = Candidate(positionID: try position.requireID(), name: String(format: words.candidate, number + 1),
                                  contact: String(format: "candidate%05d@demo.example", number + 1),
                                  resumeText: words.resume, resumePDF: nil, notes: nil)
        try await candidate.save(on: db)
        let interview = Interview(candidateID: try candidate.requireID(), guideVersionID: try version.requireID(), scheduledAt: at)
        interview.status = status
        try await interview.save(on: db)
        try await interview.$interviewers.attach(panel.isEmpty ? cards.map(\.user) : panel, on: db)
        for card in cards {
            let record = ScorecardRecord(interviewID: try interview.requireID(), interviewerID: try card.user.requireID())
            record.eventCount = card.events.count
            record.submittedAt = card.submittedAt
            record.overall = card.score.overall
            record.coverage = card.score.coverage
            record.band = card.score.band?.label
            try await record.save(on: db)
            let id = try record.requireID()
            try await card.events.enumerated().map { ScorecardEvent(scorecardID: id, seq: $0.offset + 1, clientID: nil,
                                                               event: SessionLog.line(for: $0.element)) }
                .create(on: db)
        }
    }
}

/// One submitted card of a simulated interview: its log and the score the summary columns show.
private struct DemoCard {
    var user: User
    var events: [SessionEvent]
    var submittedAt: Date?
    var score: InterviewCore.Scorecard
}

/// The demo's own words in one language, and the bundled guides in it.
struct DemoWords: Sendable {
    var positions: [(title: String, guide: String)]
    var candidate: String
    var resume: String
    var summary: String

    init(_ language: Flowchart.Language) {
        if language == .zh {
            positions = [("高级 Python 后端工程师", "python-backend-senior.zh"), ("后端工程师（应届生）", "backend-new-graduate.zh")]
            candidate = "演示候选人 %05d"
            resume = "演示数据：模拟的候选人。"
            summary = "演示评分卡：模拟的回答，不是真实的候选人。"
        } else {
            positions = [("Senior Python backend engineer", "python-backend-senior.en"), ("Backend engineer, new graduate", "backend-new-graduate.en")]
            candidate = "Demo candidate %05d"
            resume = "Demo data: a simulated candidate."
            summary = "Demo scorecard: simulated answers, not a real candidate."
        }
    }
}
