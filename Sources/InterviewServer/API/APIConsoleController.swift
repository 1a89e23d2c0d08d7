import Fluent
import InterviewCore
import Vapor

/// The live console's API. Only the interview's own interviewers post; each posts to their own card.
struct APIConsoleController: RouteCollection {
    struct Accepted: Content {
        var accepted = true
        /// The action's client id had been applied already; nothing new was stored.
        var duplicate: Bool
        var view: ConsoleView
    }

    struct Refused: Content {
        var error = true
        var code: String
        var reason: String
        var stages: [String]
        var view: ConsoleView
    }

    struct Draft: Content { var text: String }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.console, use: Self.show)
        routes.post(APIPath.consoleActions, use: Self.act)
        routes.put(APIPath.consoleDraft, use: Self.saveDraft)
        routes.get(APIPath.consoleFlowchart, use: Self.flowchart)
    }

    /// The interview and the user's card, refusing anyone who is not one of its interviewers: 404 when
    /// they may not even see it, 403 when they may see it but not score it.
    static func ownCard(_ req: Request) async throws -> (Interview, ScorecardRecord, LoadedGuide, ScorecardCache.Entry) {
        let user = try req.user
        let interview = try await ScorecardService.interviewToScore(req.parameters.get("id"), for: user, on: req.db)
        let cache = req.application.scorecardCache
        let loaded = try await ScorecardService.guide(interview.$guideVersion.id, cache: cache, on: req.db)
        let card = try await ScorecardService.card(interviewID: try interview.requireID(), interviewerID: try user.requireID(), on: req.db)
        let entry = try await ScorecardService.engine(of: card, guide: loaded.guide, cache: cache, on: req.db)
        return (interview, card, loaded, entry)
    }

    @Sendable static func show(req: Request) async throws -> ConsoleView {
        let (_, card, loaded, entry) = try await ownCard(req)
        return ConsoleView(loaded, engine: entry.engine, card: card)
    }

    @Sendable static func act(req: Request) async throws -> Response {
        let action = try req.content.decode(ConsoleAction.self)
        guard action.hasValidClientID else { throw Abort(.badRequest, reason: "clientID must be 8–64 letters, digits, '-' or '_'.") }
        let user = try req.user
        let interview = try await ScorecardService.interviewToScore(req.parameters.get("id"), for: user, on: req.db)
        do {
            let outcome = try await ScorecardService.post(action, interview: interview, user: user, app: req.application, on: req.db)
            let loaded = try await ScorecardService.guide(interview.$guideVersion.id, cache: req.application.scorecardCache, on: req.db)
            return try await Accepted(duplicate: outcome.duplicate,
                                      view: ConsoleView(loaded, engine: outcome.entry.engine, card: outcome.card))
                .encodeResponse(for: req)
        } catch let refusal as ConsoleRefusal {
            let (_, card, loaded, entry) = try await ownCard(req)
            let response = try await Refused(code: refusal.code, reason: refusal.message, stages: refusal.stages,
                                             view: ConsoleView(loaded, engine: entry.engine, card: card)).encodeResponse(for: req)
            response.status = refusal.code == "invalid" ? .unprocessableEntity : .conflict
            return response
        }
    }

    @Sendable static func saveDraft(req: Request) async throws -> HTTPStatus {
        let draft = try req.content.decode(Draft.self)
        let user = try req.user
        let interview = try await ScorecardService.interviewToScore(req.parameters.get("id"), for: user, on: req.db)
        try await ScorecardService.saveDraft(draft.text, interview: interview, user: user, on: req.db)
        return .noContent
    }

    /// The current topic's flowchart (or `?topic=`) with the card's path so far highlighted.
    @Sendable static func flowchart(req: Request) async throws -> Response {
        let (_, _, loaded, entry) = try await ownCard(req)
        let guide = loaded.guide
        let key = (try? req.query.get(String.self, at: "topic")) ?? entry.engine.state.currentTopic
        guard let key, let topic = guide.topic(key), let svg = topic.drawing(highlighting: entry.engine.state.topics[key]) else {
            throw Abort(.notFound)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: svg))
    }
}
