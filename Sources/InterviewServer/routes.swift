import Vapor

func routes(_ app: Application) throws {
    // For load balancers and the load benchmark's baseline: no session, no database.
    app.get("healthz") { _ in "ok" }
    // For orchestrators: the database answers and this build's migrations have all run.
    app.get("readyz") { req async in await Readiness.check(req) }
    app.get("metrics") { req in try MetricsEndpoint.answer(req) }
    let site = app.grouped(CSRFMiddleware())
    try site.register(collection: SetupController())
    try site.register(collection: SessionController())
    try site.register(collection: LanguageController())
    site.get { req in req.redirect(to: req.auth.get(User.self).map(SiteURL.landing(for:))?.path ?? SiteURL.positions.path) }

    let pages = site.grouped(RequireUser(kind: .page)).zoned()
    try pages.register(collection: PositionController())
    try pages.register(collection: CandidateController())
    try pages.register(collection: DebriefController())
    try pages.register(collection: CalibrationController())
    try pages.register(collection: GuideHealthController())
    try pages.register(collection: QuestionBankController())
    try pages.register(collection: InterviewController())
    try pages.register(collection: ConsoleController())
    try pages.register(collection: UserController())
    try pages.register(collection: AccountController())
    try pages.register(collection: GuideController())
    try pages.register(collection: AuditController())

    let api = site.grouped(APIPath.root, APIPath.version).grouped(APIErrorMiddleware())
    try api.register(collection: APISessionController())
    // The API's times are UTC, whoever calls and whatever the server's --time-zone: an integration that
    // wrote back the time it had read moved the interview by the zone's offset (an operator's probe).
    // The console's own routes answer the web console, which shows times on its reader's clock.
    let signedIn = api.grouped(RequireUser(kind: .api))
    try signedIn.register(collection: APIPositionController())
    try signedIn.register(collection: APICandidateController())
    try signedIn.register(collection: APIInterviewController())
    try signedIn.register(collection: APIGuideController())
    try signedIn.register(collection: APIQuestionBankController())
    try signedIn.register(collection: APIAdminController())
    try signedIn.zoned().register(collection: APIConsoleController())
}
