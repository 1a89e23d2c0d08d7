import Fluent
import InterviewCore
import Vapor

/// Posts one action to the interviewer's own card and words the answer. The HTTP route and the
/// console's socket both come here, so an action means the same whichever way it arrives.
enum ConsoleActing {
    /// The common case is answered without leaving the event loop (`postNow`); the rest (first use of a
    /// card, a busy card, PostgreSQL) waits its turn in `post`.
    /// `zone` is the reader's (`DisplayZone`), for the times in the answer's view: this runs on the event
    /// loop, outside the task `DisplayDate.zone` is bound in.
    static func act(_ action: ConsoleAction, interviewID: UUID?, user: User, cache: ScorecardCache, language: Language,
                    zone: TimeZone, on eventLoop: any EventLoop, db: @escaping @Sendable () -> any Database) -> EventLoopFuture<ActionAnswer> {
        guard action.hasValidClientID else {
            return eventLoop.makeFailedFuture(Abort(.badRequest, reason: "clientID must be 8–64 letters, digits, '-' or '_'."))
        }
        if let seat = ScorecardService.cachedSeat(interviewID, for: user, cache: cache), !seat.cancelled,
           let loaded = cache.guide(seat.guideVersionID),
           let posted = ScorecardService.postNow(action, seat: seat, loaded: loaded, cache: cache, on: eventLoop, db: db) {
            return posted.flatMap { outcome in
                guard lifecycle(action) != nil, !outcome.duplicate else { return eventLoop.makeSucceededFuture(accepted(outcome, loaded, zone)) }
                return eventLoop.makeFutureWithTask {
                    try await audit(action, seat: seat, user: user, on: db())
                    return accepted(outcome, loaded, zone)
                }
            }.flatMapError { error in
                // Its event numbers were taken (the card in memory was behind the database): the careful
                // path reads the card again and retries, as it does for another instance's write.
                if (error as? any DatabaseError)?.isConstraintFailure == true {
                    return slowly(action, interviewID: interviewID, user: user, cache: cache, language: language, zone: zone, on: eventLoop, db: db)
                }
                guard let refusal = error as? ConsoleRefusal else { return eventLoop.makeFailedFuture(error) }
                return eventLoop.makeFutureWithTask { try await refused(refusal, seat: seat, loaded: loaded, cache: cache, language: language, zone: zone, on: db()) }
            }
        }
        return slowly(action, interviewID: interviewID, user: user, cache: cache, language: language, zone: zone, on: eventLoop, db: db)
    }

    /// The action through `ScorecardService.post`: the seat and the card read as needed, under the card's lock.
    private static func slowly(_ action: ConsoleAction, interviewID: UUID?, user: User, cache: ScorecardCache, language: Language,
                               zone: TimeZone, on eventLoop: any EventLoop, db: @escaping @Sendable () -> any Database) -> EventLoopFuture<ActionAnswer> {
        eventLoop.makeFutureWithTask {
            let database = db()
            let seat = try await ScorecardService.seat(interviewID, for: user, cache: cache, on: database)
            let loaded = try await ScorecardService.guide(seat.guideVersionID, cache: cache, on: database)
            if seat.cancelled {
                return try await refused(.interviewCancelled, seat: seat, loaded: loaded, cache: cache, language: language, zone: zone, on: database)
            }
            do {
                let outcome = try await ScorecardService.post(action, seat: seat, loaded: loaded, cache: cache, on: database)
                if !outcome.duplicate { try await audit(action, seat: seat, user: user, on: database) }
                return accepted(outcome, loaded, zone)
            } catch let refusal as ConsoleRefusal {
                return try await refused(refusal, seat: seat, loaded: loaded, cache: cache, language: language, zone: zone, on: database)
            }
        }
    }

    private static func accepted(_ outcome: ScorecardService.Outcome, _ loaded: LoadedGuide, _ zone: TimeZone) -> ActionAnswer {
        let view = ConsoleView(loaded, engine: outcome.entry.engine, card: outcome.entry.card, score: outcome.score, zone: zone)
        return view.answer { o in
            o.key("accepted"); o.value(true)
            o.key("duplicate"); o.value(outcome.duplicate)
        }
    }

    /// A refused action changed nothing: the answer says why, with the view as it stands.
    private static func refused(_ refusal: ConsoleRefusal, seat: PanelSeat, loaded: LoadedGuide, cache: ScorecardCache,
                                language: Language, zone: TimeZone, on db: any Database) async throws -> ActionAnswer {
        let entry = try await ScorecardService.readEntry(cardID: seat.cardID, guide: loaded.guide, cache: cache, on: db)
        let view = ConsoleView(loaded, engine: entry.engine, card: entry.card, zone: zone)
        return view.answer(status: refusal.code == "invalid" ? .unprocessableEntity : .conflict) { o in
            o.key("error"); o.value(true)
            o.key("code"); o.value(refusal.code)
            o.key("reason"); o.value(language == .zh ? refusal.text.zh : refusal.text.en)
            o.key("stages"); o.array(refusal.stages) { a, stage in a.value(stage) }
        }
    }

    /// Submitting a scorecard and revising a submitted one are changes to what is recorded about the
    /// candidate: both go into the candidate-data trail (the reason itself stays in the card's log).
    private static func lifecycle(_ action: ConsoleAction) -> String? {
        if let reason = action.revisionReason, !reason.isEmpty { return "scorecard revised" }
        if action.type == .submit { return "scorecard submitted" }
        return nil
    }

    private static func audit(_ action: ConsoleAction, seat: PanelSeat, user: User, on db: any Database) async throws {
        guard let detail = lifecycle(action), let interview = try await Interview.find(seat.interviewID, on: db),
              let candidate = try await Candidate.find(interview.$candidate.id, on: db) else { return }
        try await Audit.record(.update, candidate: candidate, by: user, detail: detail, on: db)
    }
}
