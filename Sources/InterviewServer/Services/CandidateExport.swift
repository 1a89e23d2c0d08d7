import Fluent
import Vapor

/// Everything stored about one candidate, for a data-subject request (PIPL, GDPR).
struct CandidateExport: Content {
    struct InterviewEntry: Content {
        var id: UUID
        var scheduledAt: Date
        var status: Interview.Status
        var guideVersion: String
        var interviewers: [String]
    }

    struct AuditLine: Content {
        var at: Date?
        var action: AuditEntry.Action
        var by: String?
    }

    var id: UUID
    var position: String
    var name: String?
    var contact: String?
    var resumeText: String?
    /// The uploaded PDF, base64-encoded.
    var resumePDF: String?
    var notes: String?
    var createdAt: Date?
    var erasedAt: Date?
    var interviews: [InterviewEntry]
    var audit: [AuditLine]

    static func make(_ candidate: Candidate, on db: any Database) async throws -> CandidateExport {
        let id = try candidate.requireID()
        try await candidate.$position.load(on: db)
        let interviews = try await candidate.$interviews.query(on: db).with(\.$guideVersion).with(\.$interviewers)
            .sort(\.$scheduledAt).all()
        let audit = try await AuditEntry.query(on: db).filter(\.$candidateID == id).with(\.$user).sort(\.$at).all()
        return CandidateExport(
            id: id, position: candidate.position.title, name: candidate.name, contact: candidate.contact,
            resumeText: candidate.resumeText, resumePDF: candidate.resumePDF?.base64EncodedString(),
            notes: candidate.notes, createdAt: candidate.createdAt, erasedAt: candidate.erasedAt,
            interviews: try interviews.map {
                InterviewEntry(id: try $0.requireID(), scheduledAt: $0.scheduledAt, status: $0.status,
                               guideVersion: $0.guideVersion.contentHash, interviewers: $0.interviewers.map(\.email))
            },
            audit: audit.map { AuditLine(at: $0.at, action: $0.action, by: $0.user?.email) })
    }
}
