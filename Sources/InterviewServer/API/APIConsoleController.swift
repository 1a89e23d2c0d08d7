import Fluent
import InterviewCore
import Vapor

/// The live console's API. Only the interview's own interviewers post; each posts to their own card.
struct APIConsoleController: RouteCollection {
    struct Draft: Content { var text: String }

    /// Guidance for the interviewer, as HTML rendered from the guide's Markdown (raw HTML escaped).
    struct Guidance: Content {
        var stage: String?
        var topic: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(APIPath.console, use: Self.show)
        routes.post(APIPath.consoleActions, use: Self.act)
        routes.get(APIPath.consoleSocket, use: ConsoleSocket.open)
        routes.put(APIPath.consoleDraft, use: Self.saveDraft)
        routes.get(APIPath.consoleFlowchart, use: Self.flowchart)
        routes.get(APIPath.consoleGuidance, use: Self.guidance)
        routes.get(APIPath.consoleGuide, use: Self.guide)
    }

    /// The user's seat on the interview's panel, their card's engine and the guide, refusing anyone
    /// who is not one of its interviewers: 404 when they may not even see it, 403 when they may see it
    /// but not score it.
    static func ownCard(_ req: Request) async throws -> (PanelSeat, LoadedGuide, ScorecardCache.Entry) {
        let cache = req.application.scorecardCache
        let seat = try await ScorecardService.seat(req.parameters.get("id"), for: try req.user, cache: cache, on: req.db)
        let loaded = try await ScorecardService.guide(seat.guideVersionID, cache: cache, on: req.db)
        let entry = try await ScorecardService.readEntry(cardID: seat.cardID, guide: loaded.guide, cache: cache, on: req.db)
        return (seat, loaded, entry)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let (_, loaded, entry) = try await ownCard(req)
        return ConsoleView(loaded, engine: entry.engine, card: entry.card).response()
    }

    /// Posts an action (`ConsoleActing`); the console's socket takes the same actions.
    @Sendable static func act(req: Request) throws -> EventLoopFuture<Response> {
        let action = try ConsoleAction.decode(from: req)
        return ConsoleActing.act(action, interviewID: req.parameters.get("id"), user: try req.user,
                                 cache: req.application.scorecardCache, language: req.language,
                                 zone: DisplayZone.preferred(by: req), on: req.eventLoop, db: { req.db }).map(\.response)
    }

    @Sendable static func saveDraft(req: Request) async throws -> HTTPStatus {
        let draft = try req.content.decode(Draft.self)
        let cache = req.application.scorecardCache
        let seat = try await ScorecardService.seat(req.parameters.get("id"), for: try req.user, cache: cache, on: req.db)
        let loaded = try await ScorecardService.guide(seat.guideVersionID, cache: cache, on: req.db)
        try await ScorecardService.saveDraft(draft.text, seat: seat, loaded: loaded, cache: cache, language: req.language, on: req.db)
        return .noContent
    }

    /// The texts of the interview's pinned guide version (`ConsoleGuide`), encoded once per version.
    @Sendable static func guide(req: Request) async throws -> Response {
        let (_, loaded, _) = try await ownCard(req)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        headers.replaceOrAdd(name: .eTag, value: "\"\(loaded.contentHash.prefix(32))\"")
        return Response(status: .ok, headers: headers, body: .init(data: loaded.consoleJSON))
    }

    /// The guidance of `?stage=` and `?topic=` (the console asks when either changes).
    @Sendable static func guidance(req: Request) async throws -> Guidance {
        let (_, loaded, _) = try await ownCard(req)
        let stage = (try? req.query.get(String.self, at: "stage")).flatMap { loaded.stageGuidance[$0] }
        let topic = (try? req.query.get(String.self, at: "topic")).flatMap { loaded.topicGuidance[$0] }
        return Guidance(stage: stage, topic: topic)
    }

    /// The current topic's flowchart (or `?topic=`) with the card's path so far highlighted.
    @Sendable static func flowchart(req: Request) async throws -> Response {
        let (_, loaded, entry) = try await ownCard(req)
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
