import Vapor

func routes(_ app: Application) throws {
    let site = app.grouped(CSRFMiddleware())
    try site.register(collection: SetupController())
    try site.register(collection: SessionController())
    try site.register(collection: LanguageController())
    site.get { req in req.redirect(to: SiteURL.positions.path) }

    let pages = site.grouped(RequireUser(kind: .page))
    try pages.register(collection: PositionController())
    try pages.register(collection: CandidateController())
    try pages.register(collection: InterviewController())
    try pages.register(collection: UserController())
    try pages.register(collection: GuideController())
    try pages.register(collection: AuditController())
}
