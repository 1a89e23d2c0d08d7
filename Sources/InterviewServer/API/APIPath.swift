import Vapor

/// The JSON API's routes, in one place: the OpenAPI document (docs/openapi.yaml) lists the same paths,
/// and a test checks that every documented path is routed.
enum APIPath {
    static let root: PathComponent = "api"
    static let version: PathComponent = "v1"
    static let id: PathComponent = ":id"

    static let session: [PathComponent] = ["session"]
    static let sessionPath = "/api/v1/session"
    static let positions: [PathComponent] = ["positions"]
    static let position: [PathComponent] = ["positions", id]
    static let positionMembers: [PathComponent] = ["positions", id, "members"]
    static let positionMember: [PathComponent] = ["positions", id, "members", ":user"]
    static let candidates: [PathComponent] = ["candidates"]
    static let candidate: [PathComponent] = ["candidates", id]
    static let candidateResume: [PathComponent] = ["candidates", id, "resume.pdf"]
    static let candidateExport: [PathComponent] = ["candidates", id, "export"]
    static let candidateErase: [PathComponent] = ["candidates", id, "erase"]
    static let candidateDebrief: [PathComponent] = ["candidates", id, "debrief"]
    static let candidateDecision: [PathComponent] = ["candidates", id, "decision"]
    static let interviews: [PathComponent] = ["interviews"]
    static let interviewStatus: [PathComponent] = ["interviews", id, "status"]
    static let interviewReschedule: [PathComponent] = ["interviews", id, "reschedule"]
    static let interviewPanelist: [PathComponent] = ["interviews", id, "interviewers", ":user"]
    static let console: [PathComponent] = ["interviews", id, "console"]
    static let consoleActions: [PathComponent] = ["interviews", id, "console", "actions"]
    static let consoleSocket: [PathComponent] = ["interviews", id, "console", "socket"]
    static let consoleDraft: [PathComponent] = ["interviews", id, "console", "draft"]
    static let consoleFlowchart: [PathComponent] = ["interviews", id, "console", "flowchart.svg"]
    static let consoleGuidance: [PathComponent] = ["interviews", id, "console", "guidance"]
    static let consoleGuide: [PathComponent] = ["interviews", id, "console", "guide"]
    static let guides: [PathComponent] = ["guides"]
    static let guide: [PathComponent] = ["guides", id]
    static let guideVersions: [PathComponent] = ["guides", id, "versions"]
    static let questions: [PathComponent] = ["questions"]
    static let users: [PathComponent] = ["users"]
    static let user: [PathComponent] = ["users", id]
    static let userPassword: [PathComponent] = ["users", id, "password"]
    static let lockout: [PathComponent] = ["lockouts", ":address"]
    static let audit: [PathComponent] = ["audit"]
    static let securityAudit: [PathComponent] = ["audit", "security"]
}

/// Form mistakes become 422 with the per-field messages in the caller's language.
struct APIErrorMiddleware: Middleware {
    struct Body: Content {
        var error = true
        var reason: String
        var fields: [String: String]
    }

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).flatMapError { error in
            guard let errors = error as? FieldErrors else { return req.eventLoop.makeFailedFuture(error) }
            return Body(reason: ErrorReasons.localized("Invalid input.", status: .unprocessableEntity, language: req.language),
                        fields: errors.localized(req.language)).encodeResponse(for: req).map { response in
                response.status = .unprocessableEntity
                return response
            }
        }
    }
}
