import Fluent
import Vapor

/// The two audit trails as the audit page, its JSON export and the API read them: filtered, newest
/// first, a page at a time — the whole history stays reachable, not only the latest rows.
struct AuditQuery: Content {
    /// `security` (sign-ins, roles, guide and retention edits, exports, erasures, status changes) or
    /// `candidates` (every read and change of candidate data).
    var log: String?
    /// A security event kind (`login.failed`) or a candidate-data action (`read`).
    var kind: String?
    /// The actor's email, exactly (case-insensitive).
    var actor: String?
    var page: Int?
    var per: Int?

    static let defaultPer = 50
    static let maxPer = 500

    var isCandidateLog: Bool { log == "candidates" }
    /// Capped so that the offset cannot overflow (an admin asking for page 9223372036854775807 crashed
    /// the server through Swift's overflow trap); past the last page a page is simply empty.
    var pageNumber: Int { min(max(1, page ?? 1), 1_000_000) }
    var pageSize: Int { min(Self.maxPer, max(1, per ?? Self.defaultPer)) }

    /// One row of either trail, as the page and the JSON show it. Never a password, a token or a note's
    /// text: the trails hold none.
    struct Line: Content {
        var at: Date?
        var kind: String
        var actor: String?
        var address: String?
        var subject: String
        var detail: String
    }

    struct Page: Content {
        var log: String
        var entries: [Line]
        var page: Int
        var per: Int
        var total: Int
        var pages: Int

        init(log: String, entries: [Line], page: Int, per: Int, total: Int) {
            self.log = log
            self.entries = entries
            self.page = page
            self.per = per
            self.total = total
            self.pages = max(1, (total + per - 1) / per)
        }
    }

    /// `all` is the export: every matching row, newest first, in one page.
    func run(on db: any Database, all: Bool = false) async throws -> Page {
        let actor = actor.map(User.normalized(email:)).flatMap { $0.isEmpty ? nil : $0 }
        let kind = kind.flatMap { $0.isEmpty ? nil : $0 }
        let per = all ? Int(Int32.max) : pageSize, offset = all ? 0 : (pageNumber - 1) * pageSize
        let page = all ? 1 : pageNumber
        if isCandidateLog {
            var query = AuditEntry.query(on: db).with(\.$user)
            if let kind {
                guard let action = AuditEntry.Action(rawValue: kind) else { return Page(log: "candidates", entries: [], page: page, per: per, total: 0) }
                query = query.filter(\.$action == action)
            }
            if let actor {
                let ids = try await User.query(on: db).filter(\.$email == actor).all().compactMap(\.id)
                query = query.filter(\.$user.$id ~~ ids)
            }
            let total = try await query.count()
            let rows = try await query.sort(\.$at, .descending).range(offset..<(offset + per)).all()
            return Page(log: "candidates", entries: rows.map {
                Line(at: $0.at, kind: $0.action.rawValue, actor: $0.user?.email, address: nil,
                     subject: "candidate:\($0.candidateID.uuidString)", detail: $0.detail)
            }, page: page, per: per, total: total)
        }
        var query = SecurityEvent.query(on: db)
        if let kind {
            guard let known = SecurityEvent.Kind(rawValue: kind) else { return Page(log: "security", entries: [], page: page, per: per, total: 0) }
            query = query.filter(\.$kind == known)
        }
        if let actor { query = query.filter(\.$actorEmail == actor) }
        let total = try await query.count()
        let rows = try await query.sort(\.$at, .descending).range(offset..<(offset + per)).all()
        return Page(log: "security", entries: rows.map {
            Line(at: $0.at, kind: $0.kind.rawValue, actor: $0.actorEmail, address: $0.address, subject: $0.subject, detail: $0.detail)
        }, page: page, per: per, total: total)
    }
}
