import Fluent
import Foundation
import InterviewCore
@testable import InterviewServer
import Testing
import Vapor
import VaporTesting

@Suite("Live console: actions checked by the engine, stored once, scored")
struct ConsoleTests {
    @Test func aScriptedWalkScoresWhatWasRated() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            var view = try await ivan.walkToFirstQuestion(fixture)
            #expect(view.question?.topic == "3.1" && view.question?.id == "op1")
            // act: the five basics at 4, then no deeper (op6, op7 not demonstrated), then no Celery
            for question in ["op1", "op2", "op3", "op4", "op5"] { view = try await ivan.rate(fixture, "3.1", question, 4) }
            let gate = try #require(view.decision)
            view = try await ivan.answer(fixture, "3.1", "cond1", false)
            view = try await ivan.answer(fixture, "3.1", "cond2", false)
            // verify: 100 × 5·4 / (5·4 + 3·4) = 62.5, and the walk moved on to the next topic
            #expect(gate.kind == "gate" && gate.id == "cond1" && gate.suggestion == true)
            #expect(gate.reason?.contains("4.0 of 4") == true)
            // both languages, so a Chinese page shows the reason in Chinese whatever the guide's language
            #expect(gate.reasons?.en == gate.reason && gate.reasons?.zh.contains("平均 4.0/4 分") == true)
            #expect(view.summary.overall == 62.5)
            #expect(view.question?.topic == "3.2.1" && view.question?.id == "op1")
            let card = try #require(try await ScorecardRecord.query(on: app.db).first())
            #expect(card.overall == 62.5)
            #expect(card.eventCount == view.eventCount)
            #expect(try await Interview.find(fixture.id, on: app.db)?.status == .scheduled, "a card begun does not move the interview (colleagues would see it)")
        }
    }

    /// A slip on a topic's last question is seen once the next topic has opened: the history (whose chips
    /// correct a rating, and which b walks back through) holds the topic entered before too, and a correction
    /// there is taken (a terminal probe found it out of reach in both faces).
    @Test func theTopicBeforeThisOneCanStillBeCorrected() async throws {
        try await withApp { app in
            // setup: 3.1 rated and left; 3.2.1's first question asked
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let view = try await ivan.rateTheFirstTopic(fixture, 2)
            // act
            let corrected = try await ivan.rate(fixture, "3.1", "op5", 4)
            // verify: 3.1's questions listed under 3.2.1's; the correction taken, 3.2.1/op1 still asked
            #expect(view.question?.topic == "3.2.1")
            #expect(Set(view.history.map(\.topic)) == ["3.1"] && view.history.count == 5)
            #expect(corrected.history.first { $0.topic == "3.1" && $0.id == "op5" }?.rating == 4)
            #expect(corrected.question?.topic == "3.2.1" && corrected.question?.id == "op1")
        }
    }

    /// In a talk stage no topic is current: a jump from it, rated and come back from, left no history to
    /// correct the rating by (a probe, from the candidate's questions at the end).
    @Test func aTalkStageListsTheTopicLastAskedIn() async throws {
        try await withApp { app in
            // setup: at the resume scan, a jump to 3.6, its first question rated
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let (_, started) = try await ivan.act(fixture, ["type": "start"])
            #expect(started?.view.agenda == "talk" && started?.view.history.isEmpty == true)
            let (_, jumped) = try await ivan.act(fixture, ["type": "jump", "topic": "3.6"])
            let first = try #require(jumped?.view.question)
            _ = try await ivan.rate(fixture, "3.6", first.id, 3)
            // act
            let (_, back) = try await ivan.act(fixture, ["type": "return"])
            // verify
            let view = try #require(back?.view)
            #expect(view.agenda == "talk")
            #expect(Set(view.history.map(\.topic)) == ["3.6"] && view.history.first { $0.id == first.id }?.rating == 3, "\(view.history)")
        }
    }

    /// The topic before is the one last asked in: after a jump and back, the history listed the topic
    /// entered before this one (3.1), not the jump's, just rated (a probe).
    @Test func theTopicBeforeIsTheOneLastAskedIn() async throws {
        try await withApp { app in
            // setup: 3.1 rated and left, in 3.2.1; a jump to 3.6, its first question rated, and back
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.rateTheFirstTopic(fixture, 2)
            let (_, jumped) = try await ivan.act(fixture, ["type": "jump", "topic": "3.6"])
            let first = try #require(jumped?.view.question)
            _ = try await ivan.rate(fixture, "3.6", first.id, 3)
            // act
            let (_, back) = try await ivan.act(fixture, ["type": "return"])
            // verify: back in 3.2.1, the history holds 3.6's rating, not 3.1's
            let view = try #require(back?.view)
            #expect(view.question?.topic == "3.2.1")
            #expect(view.history.contains { $0.topic == "3.6" && $0.id == first.id && $0.rating == 3 }, "\(view.history)")
            #expect(!view.history.contains { $0.topic == "3.1" })
        }
    }

    /// A jump to a finished topic came straight back without a word in the web console (the terminal
    /// said why): refused, saying why, nothing recorded.
    @Test func aJumpToAFinishedTopicIsRefusedSayingWhy() async throws {
        try await withApp { app in
            // setup: 3.1 walked to its end, in 3.2.1
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let view = try await ivan.rateTheFirstTopic(fixture, 2)
            // act
            let (status, answer) = try await ivan.act(fixture, ["type": "jump", "topic": "3.1"])
            // verify
            #expect(status == .conflict && answer?.code == "refused")
            #expect(answer?.reason == "topic 3.1 is finished: its walk is done and every question asked in it is rated or skipped")
            #expect(answer?.view.eventCount == view.eventCount && answer?.view.question?.topic == "3.2.1")
        }
    }

    @Test func afterFinishingEveryAskedQuestionIsListedAndARatingCanBeCorrected() async throws {
        try await withApp { app in
            // setup: two topics rated, then the interview finished
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.rateTheFirstTopic(fixture, 2)
            _ = try await ivan.rate(fixture, "3.2.1", "op1", 3)
            let (_, finished) = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            // act: the finished page says ratings can still be corrected; one is
            let listed = try #require(finished?.view.history)
            let corrected = try await ivan.rate(fixture, "3.1", "op2", 4)
            // verify: both topics' questions are listed, the correction is taken and the score moves
            #expect(finished?.view.finished == true)
            let keys = Set(listed.map { "\($0.topic)/\($0.id)" })
            #expect(Set(listed.map(\.topic)) == ["3.1", "3.2.1"])
            #expect(keys.isSuperset(of: ["3.1/op1", "3.1/op2", "3.1/op3", "3.1/op4", "3.1/op5", "3.2.1/op1"]))
            #expect(corrected.history.first { $0.topic == "3.1" && $0.id == "op2" }?.rating == 4)
            #expect((corrected.summary.overall ?? 0) > (finished?.view.summary.overall ?? 0))
        }
    }

    @Test func aRetriedActionIsAppliedOnce() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            let action: [String: Any] = ["type": "rate", "topic": "3.1", "question": "op1", "rating": 3]
            // act
            let (first, firstAnswer) = try await ivan.act(fixture, action, clientID: "retry-0001")
            let stored = try await ScorecardEvent.query(on: app.db).count()
            let (second, secondAnswer) = try await ivan.act(fixture, action, clientID: "retry-0001")
            // verify
            #expect(first == .ok && second == .ok)
            #expect(firstAnswer?.duplicate == false && secondAnswer?.duplicate == true)
            #expect(try await ScorecardEvent.query(on: app.db).count() == stored)
            #expect(secondAnswer?.view.eventCount == firstAnswer?.view.eventCount)
            #expect(secondAnswer?.view.question?.id == "op2")
        }
    }

    @Test func theEngineRefusesWhatDoesNotFitAndNothingIsStored() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let before = try await ivan.walkToFirstQuestion(fixture)
            // act
            let (notAsked, refusal) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op5", "rating": 3])
            let (offScale, _) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op1", "rating": 9])
            let (noGate, _) = try await ivan.act(fixture, ["type": "answer", "topic": "3.1", "gate": "cond1", "answer": true])
            let (missing, invalid) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1"])
            let (emptyNote, _) = try await ivan.act(fixture, ["type": "note", "text": "   "])
            let (badID, _) = try await ivan.act(fixture, ["type": "moveOn"], clientID: "x")
            // verify
            #expect(notAsked == .conflict && refusal?.code == "refused")
            #expect(refusal?.reason?.contains("op5") == true)
            #expect(refusal?.view.eventCount == before.eventCount)
            #expect(offScale == .conflict && noGate == .conflict)
            #expect(missing == .unprocessableEntity && invalid?.code == "invalid")
            #expect(emptyNote == .unprocessableEntity)
            #expect(badID == .badRequest)
            #expect(try await ScorecardEvent.query(on: app.db).count() == before.eventCount)
        }
    }

    @Test func theGateAnsweredLastCanBeAnsweredAgainUntilAQuestionAfterItIsRated() async throws {
        try await withApp { app in
            // setup: "no" at 3.1's first gate, which leads straight to its second
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            for question in ["op1", "op2", "op3", "op4", "op5"] { _ = try await ivan.rate(fixture, "3.1", question, 2) }
            let atSecondGate = try await ivan.answer(fixture, "3.1", "cond1", false)
            #expect(atSecondGate.revisableGate == .init(topic: "3.1", id: "cond1", answer: false))
            // act
            let (same, refusedSame) = try await ivan.act(fixture, ["type": "reviseGate", "topic": "3.1", "gate": "cond1", "answer": false])
            let (changed, revised) = try await ivan.act(fixture, ["type": "reviseGate", "topic": "3.1", "gate": "cond1", "answer": true])
            let deeper = try await ivan.rate(fixture, "3.1", "op6", 3)
            let (late, refusedLate) = try await ivan.act(fixture, ["type": "reviseGate", "topic": "3.1", "gate": "cond1", "answer": false])
            // verify: the deeper questions open; once one is rated, the answer stands
            #expect(same == .conflict && refusedSame?.reason?.contains("is already answered no") == true)
            #expect(changed == .ok && revised?.view.question?.id == "op6" && revised?.view.revisableGate?.answer == true)
            #expect(deeper.revisableGate == nil && deeper.question?.id == "op7")
            #expect(late == .conflict && refusedLate?.reason?.contains("can no longer be changed") == true)
            #expect(try await ScorecardEvent.query(on: app.db).all().filter { $0.event.contains(#""type":"gateRevised""#) }.count == 1)
        }
    }

    @Test func aGateThatEndedItsTopicNamesTheQuestionsRatedAfterItSoBReachesItInTheirPlace() async throws {
        try await withApp { app in
            // setup: 3.1 walked to its last gate, "no" ends the topic and the walk goes on to 3.2.1
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            for question in ["op1", "op2", "op3", "op4", "op5"] { _ = try await ivan.rate(fixture, "3.1", question, 2) }
            _ = try await ivan.answer(fixture, "3.1", "cond1", false)
            let ended = try await ivan.answer(fixture, "3.1", "cond2", false)
            #expect(ended.question?.topic == "3.2.1")
            // act: a question of the next topic rated
            let next = try await ivan.rate(fixture, "3.2.1", "op1", 3)
            // verify: the gate can still change, and b passes 3.2.1's rating before it reaches the gate
            #expect(ended.revisableGate == .init(topic: "3.1", id: "cond2", answer: false))
            #expect(next.revisableGate == .init(topic: "3.1", id: "cond2", answer: false, ratedAfter: [.init(topic: "3.2.1", id: "op1")]))
        }
    }

    /// The texts the page fetches once carry a stage prompt's nested details and the instructions the walk
    /// passes before a question, which the page shows (a probe found both never shown).
    @Test func theGuideTextsCarryPromptDetailsAndTheInstructionsBeforeAQuestion() throws {
        // setup
        let markdown = """
            # G
            ## 1. Tech
            - Ask about the last project
              - listen for ownership
            ### 1.1 T
            ```flow
            st=>start: Start
            op1=>operation: First Q
            sub=>subroutine: Hand the candidate a whiteboard marker
            a=>operation: Draw the design
            e=>end
            st->op1->sub->a->e
            ```
            """
        // act
        let texts = ConsoleGuide(GuideImporter.importMarkdown(markdown).guide, hash: "h")
        // verify
        #expect(texts.stages.first?.questions.first?.details == "- listen for ownership")
        let topic = try #require(texts.stages.first?.topics.first)
        #expect(topic.questions["a"]?.instructionsBefore == ["Hand the candidate a whiteboard marker"])
        #expect(topic.questions["op1"]?.instructionsBefore == [])
    }

    @Test func jumpsReturnAndNotesAreRecorded() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            // act
            let (jumped, atRedis) = try await ivan.act(fixture, ["type": "jump", "topic": "redis"])
            _ = try await ivan.rate(fixture, "3.2.1", "op1", 2)
            let (noted, withNote) = try await ivan.act(fixture, ["type": "note", "text": "Mentioned Redis unprompted."])
            let (returned, back) = try await ivan.act(fixture, ["type": "return"])
            // verify
            #expect(jumped == .ok && atRedis?.view.question?.topic == "3.2.1" && atRedis?.view.canReturn == true)
            #expect(noted == .ok && withNote?.view.notes.map(\.text) == ["Mentioned Redis unprompted."])
            #expect(returned == .ok && back?.view.question?.topic == "3.1" && back?.view.question?.id == "op1")
            #expect(back?.view.canReturn == false)
        }
    }

    @Test func aStageEnteredAndLeftUnfinishedIsBegunAsTheFinishCheckCountsIt() async throws {
        try await withApp { app in
            // setup: from the first stage, a jump into stage 3's first topic, a rating, and back
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let (_, started) = try await ivan.act(fixture, ["type": "start"])
            let first = try #require(started?.view.stages.first?.key)
            _ = try await ivan.act(fixture, ["type": "jump", "topic": "3.1"])
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            // act
            let (_, back) = try await ivan.act(fixture, ["type": "return"])
            // verify: stage 3 is begun (it read "not started"), and not among the untouched required stages
            let view = try #require(back?.view)
            #expect(view.stages.first { $0.key == first }?.status == "current")
            #expect(view.stages.first { $0.key == "3" }?.status == "begun", "\(view.stages.map { "\($0.key):\($0.status)" })")
            #expect(!view.untouchedRequired.contains("3"))
            #expect(view.stages.contains { $0.status == "todo" })
        }
    }

    @Test func finishingThenSubmittingAndLaterChangesAreRevisionsWithAReason() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 4)
            // act
            let (unconfirmed, refusal) = try await ivan.act(fixture, ["type": "finish"])
            let (confirmed, finished) = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            let (jumpAfter, _) = try await ivan.act(fixture, ["type": "jump", "topic": "3.3"])
            // Ratings after the end still count until the card is submitted.
            let (lateRating, _) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op1", "rating": 3])
            let (unknown, _) = try await ivan.act(fixture, ["type": "submit", "recommendation": "superb", "summary": "x"])
            let (submitted, card) = try await ivan.act(fixture, ["type": "submit", "recommendation": "hire",
                                                                 "summary": "Solid on the web stack."])
            let (again, _) = try await ivan.act(fixture, ["type": "submit", "recommendation": "hire", "summary": "twice"])
            let (noReason, needsReason) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op1", "rating": 2])
            let (corrected, _) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op1", "rating": 2,
                                                              "revisionReason": "Re-read my notes: the answer missed WSGI."])
            let report = try await ivan.get("/interviews/\(fixture.id)/report")
            // verify
            #expect(unconfirmed == .conflict && refusal?.code == "confirmRequired" && refusal?.stages == ["5"])
            #expect(confirmed == .ok && finished?.view.finished == true && finished?.view.submittedAt == nil)
            #expect(jumpAfter == .conflict)
            #expect(lateRating == .ok)
            #expect(unknown == .conflict)
            #expect(submitted == .ok && card?.view.submittedAt != nil)
            #expect(again == .conflict)
            #expect(noReason == .conflict && needsReason?.code == "revisionNeedsReason")
            #expect(corrected == .ok)
            #expect(try await Interview.find(fixture.id, on: app.db)?.status == .completed)
            #expect(report.status == .ok)
            #expect(report.body.string.contains("Hire") && report.body.string.contains("Solid on the web stack."))
            #expect(report.body.string.contains(Text.revisions.in(.en)))
            #expect(report.body.string.contains("Re-read my notes: the answer missed WSGI."))
            #expect(report.body.string.contains("3.1/op1: 3 → 2"))
            let trail = try await AuditEntry.query(on: app.db).filter(\.$action == .update).all().map(\.detail)
            #expect(trail.sorted() == ["scorecard revised", "scorecard submitted"])
        }
    }

    @Test func draftsAreKeptUntilTheNoteIsAdded() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            // act
            let saved = try await ivan.send(.PUT, fixture.api + "/draft", body: ByteBuffer(string: #"{"text":"half a thou"}"#), contentType: .json)
            let afterSave = try await ivan.get(fixture.api)
            _ = try await ivan.act(fixture, ["type": "note", "text": "half a thought, finished"])
            let afterNote = try await ivan.get(fixture.api)
            // verify
            #expect(saved.status == .noContent)
            #expect(try JSONDecoder().decode(ConsoleAnswer.View.self, from: Data(buffer: afterSave.body)).draft == "half a thou")
            #expect(try JSONDecoder().decode(ConsoleAnswer.View.self, from: Data(buffer: afterNote.body)).draft == "")
        }
    }

    /// A cancelled interview's card takes nothing more, also from a console opened before it was
    /// cancelled (its seat was kept in memory); its list row offers no console; and its submitted cards
    /// count in no candidate score (a probe scored and submitted one after the cancellation).
    @Test func aCancelledInterviewTakesNoMoreRatings() async throws {
        try await withApp { app in
            // setup: Ivan is rating when Mia, a hiring manager, cancels the interview
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            let mia = try await TestData.user(app, "mia@example.com", role: .hiringManager)
            try await fixture.position.$members.attach(mia, on: app.db)
            let manager = TestBrowser(app)
            _ = try await manager.logIn("mia@example.com")
            try await manager.get("/interviews")
            let cancelled = try await manager.post("/interviews/\(fixture.id)/status", ["status": "cancelled"])
            // act
            let (status, answer) = try await ivan.act(fixture, ["type": "rate", "topic": "3.1", "question": "op2", "rating": 4])
            let draft = try await ivan.send(.PUT, fixture.api + "/draft", body: ByteBuffer(string: #"{"text":"later"}"#), contentType: .json)
            let list = try await ivan.get("/interviews").body.string
            // verify
            #expect(cancelled.status == .seeOther)
            #expect(status == .conflict && answer?.code == "interviewCancelled")
            #expect(answer?.reason == "This interview was cancelled: its scorecard takes nothing more.")
            let card = try await ScorecardRecord.query(on: app.db).first()
            #expect(card?.eventCount == answer?.view.eventCount && answer?.view.history.contains { $0.id == "op2" } == false)
            #expect(draft.status == .conflict)
            #expect(!list.contains("/interviews/\(fixture.id)/console"))
        }
    }

    /// A reader (the console's view, a report) waits for an action being committed instead of reading the
    /// card from before it and putting that back in memory over the new one: the next action then
    /// numbered its event from the stale count and failed with a 500 (a probe, on a page reload while the
    /// queue replayed).
    @Test func aReaderWaitsForTheCommitInFlight() async throws {
        try await withApp { app in
            // setup: Ivan has rated once; a commit is in flight (its card locked and out of memory)
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            let cache = app.scorecardCache
            let card = try #require(try await ScorecardRecord.query(on: app.db).first())
            let cardID = try card.requireID()
            let loaded = try await ScorecardService.guide(try #require(fixture.interview.$guideVersion.id as UUID?), cache: cache, on: app.db)
            #expect(cache.locks.tryLock(cardID))
            cache.forget(cardID)
            // act: a reader asks for the card meanwhile
            let reader = Task { try await ScorecardService.readEntry(cardID: cardID, guide: loaded.guide, cache: cache, on: app.db) }
            try await Task.sleep(for: .milliseconds(300))
            let storedWhileLocked = cache.entry(cardID) != nil
            cache.locks.unlock(cardID)
            let read = try await reader.value
            // verify: nothing was put back while the commit was in flight; afterwards the reader has the card
            #expect(!storedWhileLocked)
            #expect(read.card.eventCount == card.eventCount)
        }
    }

    /// A body that does not decode is answered with the field and what is wrong, not the decoder's own
    /// description of its coding keys.
    @Test func anUndecodableActionNamesTheField() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let missing = try await ivan.send(.POST, fixture.api + "/actions", body: ByteBuffer(string: #"{"type":"view"}"#), contentType: .json)
            let wrong = try await ivan.send(.POST, fixture.api + "/actions",
                                            body: ByteBuffer(string: #"{"clientID":"abcdefgh1","type":"rate","rating":"four"}"#), contentType: .json)
            // verify
            #expect(missing.status == .badRequest && missing.body.string.contains("The field 'clientID' is missing."))
            #expect(wrong.status == .badRequest && wrong.body.string.contains("The field 'rating' should be a number."))
            #expect(!missing.body.string.contains("CodingKeys") && !wrong.body.string.contains("CodingKeys"))
        }
    }

    /// A draft is cleaned like the note it becomes: no bidi override, no terminal escape.
    @Test func aDraftKeepsNoControlOrBidiCharacters() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            // act
            let body = #"{"text":"X\u202eRLO\u001b[31mESC\u0007 done"}"#
            _ = try await ivan.send(.PUT, fixture.api + "/draft", body: ByteBuffer(string: body), contentType: .json)
            let view = try JSONDecoder().decode(ConsoleAnswer.View.self, from: Data(buffer: try await ivan.get(fixture.api).body))
            // verify
            #expect(!view.draft.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B || $0.value == 0x07 })
            #expect(view.draft.hasPrefix("XRLO") && view.draft.hasSuffix(" done"))
        }
    }

    @Test func textsComeOnceAndEachAnswerCarriesKeys() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            let (_, version) = try await TestData.anyGuideVersion(app)
            let guide = GuideImporter.importMarkdown(version.markdown, path: "guide.md").guide
            let op2 = try #require(guide.topic("3.1")?.question("op2"))
            let op2Text = try JSONString(op2.text), op2Reference = try JSONString(try #require(op2.reference))
            // act
            let texts = try await ivan.get(fixture.api + "/guide")
            let answer = try await ivan.send(.POST, fixture.api + "/actions",
                                             body: ByteBuffer(string: #"{"clientID":"keys-0001","type":"rate","topic":"3.1","question":"op1","rating":3}"#),
                                             contentType: .json)
            // verify: the texts once, with reference answers; the answer names op2 without its text
            #expect(texts.status == .ok && texts.headers.contentType == .json)
            #expect(texts.body.string.contains(op2Text) && texts.body.string.contains(op2Reference))
            #expect(answer.status == .ok && answer.body.string.contains(#""id":"op2""#))
            #expect(!answer.body.string.contains(op2Text))
        }
    }

    @Test func theHandWrittenJSONReadsLikeCodable() async throws {
        try await withApp { app in
            // setup: a view with a tricky note, a gate with a reason, a gate answered before it, floats and nils
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            for question in ["op1", "op2", "op3", "op4"] { _ = try await ivan.rate(fixture, "3.1", question, 3) }
            _ = try await ivan.rate(fixture, "3.1", "op5", 2)
            _ = try await ivan.answer(fixture, "3.1", "cond1", false)
            _ = try await ivan.act(fixture, ["type": "note", "text": "引号 \" and \\ back\nslash\t\u{01} </script> 👍"])
            let cache = app.scorecardCache
            let seat = try #require(try await ScorecardRecord.query(on: app.db).first())
            let interview = try #require(try await Interview.find(fixture.id, on: app.db))
            let loaded = try await ScorecardService.guide(interview.$guideVersion.id, cache: cache, on: app.db)
            let entry = try await ScorecardService.entry(cardID: try seat.requireID(), guide: loaded.guide, cache: cache, on: app.db)
            let view = ConsoleView(loaded, engine: entry.engine, card: entry.card, now: Date(timeIntervalSince1970: 1_800_000_000.25))
            // act
            var json = JSONText()
            view.write(to: &json)
            let byHand = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? NSDictionary
            let byCodable = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(view)) as? NSDictionary
            // verify
            #expect(view.decision?.reason != nil && view.notes.count == 1 && view.revisableGate != nil)
            #expect(byHand != nil && byHand == byCodable)
        }
    }

    /// How JSONEncoder writes a string inside a document, without its quotes.
    private func JSONString(_ text: String) throws -> String {
        String(String(decoding: try JSONEncoder().encode(text), as: UTF8.self).dropFirst().dropLast())
    }

    @Test func guidanceComesAsHTMLWhenTheStageOrTopicChanges() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let both = try await ivan.get(fixture.api + "/guidance?stage=3&topic=3.2.1")
            let none = try await ivan.get(fixture.api + "/guidance?stage=nope")
            // verify
            struct Guidance: Decodable { var stage: String?; var topic: String? }
            let guidance = try JSONDecoder().decode(Guidance.self, from: Data(buffer: both.body))
            #expect(guidance.stage?.contains("<p>") == true && guidance.topic?.contains("<p>") == true)
            // inside a group, its advice comes first under its heading (it was out of sight there: a probe)
            let topic = try #require(guidance.topic)
            #expect(topic.hasPrefix("<div class=\"group-guidance\"><p class=\"group-heading\">3.2 Caching and databases</p><p>"), "\(topic)")
            #expect(try JSONDecoder().decode(Guidance.self, from: Data(buffer: none.body)).stage == nil)
        }
    }

    @Test func theFlowchartShowsThePathTaken() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            // act
            let drawing = try await ivan.get(fixture.api + "/flowchart.svg")
            let other = try await ivan.get(fixture.api + "/flowchart.svg?topic=3.3")
            let unknown = try await ivan.get(fixture.api + "/flowchart.svg?topic=9.9")
            // verify
            #expect(drawing.status == .ok && drawing.headers.contentType?.subType == "svg+xml")
            #expect(drawing.body.string.contains("<svg") && drawing.body.string.contains("taken"))
            #expect(other.status == .ok && !other.body.string.contains("class=\"node operation taken"))
            #expect(unknown.status == .notFound)
        }
    }
}

@Suite("Live console: only the interview's own interviewers post")
struct ConsoleAccessTests {
    @Test func othersAreRefused() async throws {
        try await withApp { app in
            // setup: Olga is on the position but not on this interview; Nina is on neither
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"], alsoOnPosition: ["olga@example.com"])
            try await TestData.user(app, "nina@example.com", role: .interviewer)
            let olga = try await fixture.browser("olga@example.com")
            let nina = try await fixture.browser("nina@example.com")
            let ivan = try await fixture.browser("ivan@example.com")
            let nobody = TestBrowser(app)
            // act
            let (olgaPost, _) = try await olga.act(fixture, ["type": "start"])
            let olgaRead = try await olga.get(fixture.api)
            let olgaPage = try await olga.get("/interviews/\(fixture.id)/console")
            let (ninaPost, _) = try await nina.act(fixture, ["type": "start"])
            let ninaReport = try await nina.get("/interviews/\(fixture.id)/report")
            let anonymous = try await nobody.get(fixture.api)
            let anonymousPage = try await nobody.get("/interviews/\(fixture.id)/console")
            let (noToken, _) = try await ivan.act(fixture, ["type": "start"], csrfHeader: false)
            // verify
            #expect(olgaPost == .forbidden && olgaRead.status == .forbidden)
            #expect(olgaPage.status == .seeOther && olgaPage.headers.first(name: .location) == "/interviews/\(fixture.id)/report")
            #expect(ninaPost == .notFound && ninaReport.status == .notFound)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymousPage.status == .seeOther && anonymousPage.headers.first(name: .location) == "/login")
            #expect(noToken == .forbidden)
            #expect(try await ScorecardEvent.query(on: app.db).count() == 0)
        }
    }

    @Test func theConsolePageCarriesItsTokenAndEscapesNames() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            fixture.candidate.name = "<script>alert(1)</script>"
            try await fixture.candidate.save(on: app.db)
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let page = try await ivan.get("/interviews/\(fixture.id)/console")
            // verify
            #expect(page.status == .ok)
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.string.contains("<script>alert(1)</script>"))
            #expect(page.body.string.contains(#"id="console-boot""#) && page.body.string.contains(#""csrf":""#))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$detail == "interview console").count() == 1)
        }
    }

    @Test func theResumeIsBesideTheQuestionsEscapedAndGoneOnceErased() async throws {
        try await withApp { app in
            // setup: a resume with markup in it
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            fixture.candidate.resumeText = "Led <b>payments</b>\n<script>alert(1)</script>"
            try await fixture.candidate.save(on: app.db)
            let ivan = try await fixture.browser("ivan@example.com")
            // act
            let page = try await ivan.get("/interviews/\(fixture.id)/console").body.string
            fixture.candidate.erasePersonalData(at: Date())
            try await fixture.candidate.save(on: app.db)
            let erased = try await ivan.get("/interviews/\(fixture.id)/console").body.string
            // verify: in the console as text, not markup; nothing once the personal data is erased
            #expect(page.contains(#"id="resume-box""#) && page.contains("Led &lt;b&gt;payments&lt;/b&gt;"))
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(!erased.contains(#"id="resume-box""#) && !erased.contains("payments"))
        }
    }
}

@Suite("Panels, reports and erasure")
struct ConsolePanelTests {
    @Test func panelsScoreIndependentlyAndListsShowTheMeanOfSubmittedCards() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com", "olga@example.com"])
            let ivan = try await fixture.browser("ivan@example.com")
            let olga = try await fixture.browser("olga@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await olga.walkToFirstQuestion(fixture)
            // act: the same question, 4 from Ivan and 2 from Olga
            let ivanView = try await ivan.rate(fixture, "3.1", "op1", 4)
            let olgaView = try await olga.rate(fixture, "3.1", "op1", 2)
            let before = try await ivan.get("/interviews/\(fixture.id)/report")
            for browser in [ivan, olga] {
                _ = try await browser.act(fixture, ["type": "finish", "confirm": true])
                _ = try await browser.act(fixture, ["type": "submit", "recommendation": "hire", "summary": ""])
            }
            let report = try await ivan.get("/interviews/\(fixture.id)/report")
            let position = try await ivan.get("/positions/\(try fixture.position.requireID())")
            // verify: 100 and 50, mean 75 over the two submitted cards — and nothing of Olga's before
            #expect(ivanView.summary.overall == 100 && olgaView.summary.overall == 50)
            #expect(try await ScorecardRecord.query(on: app.db).count() == 2)
            #expect(!before.body.string.contains("olga") && !before.body.string.contains("75.0"))
            #expect(report.body.string.contains(Text.panel.in(.en)))
            #expect(report.body.string.contains("olga") && report.body.string.contains("75.0"))
            // The panel and the recommendation are the record: printed with the report, only the toolbar is not.
            let page = report.body.string
            let preamble = try #require(page.range(of: "<div class=\"app-preamble\">"))
            #expect(page[preamble.upperBound...].prefix(300).contains(Text.panel.in(.en)))
            #expect(page.contains("@media print") && page.contains(".app-bar { display: none; }") && !page.contains(".app-preamble { display: none; }"))
            #expect(position.body.string.contains("75.0") && position.body.string.contains("(n=2)"))
            // a second round scheduled later: the row keeps the scored panel's figures, with the new status
            let second = Interview(candidateID: try fixture.candidate.requireID(), guideVersionID: fixture.interview.$guideVersion.id,
                                   scheduledAt: Date().addingTimeInterval(86_400))
            try await second.save(on: app.db)
            let later = try await ivan.get("/positions/\(try fixture.position.requireID())").body.string
            #expect(later.contains("75.0") && later.contains("(n=2)") && later.contains(Text.statusScheduled.in(.en)))
            // Ivan alone scores the second round 1 of 4 (25): the candidate's row is the mean of all three
            // cards, as the debrief's, not the latest round's one card (a probe found 25.0 (n=1) there).
            let ivanUser = try #require(try await User.query(on: app.db).filter(\.$email == "ivan@example.com").first())
            func ivanScores(_ round: Interview, _ rating: Int, _ recommendation: String) async throws {
                try await round.$interviewers.attach(ivanUser, on: app.db)
                let seat = ConsoleFixture(app: app, interview: round, candidate: fixture.candidate, position: fixture.position)
                _ = try await ivan.walkToFirstQuestion(seat)
                _ = try await ivan.rate(seat, "3.1", "op1", rating)
                _ = try await ivan.act(seat, ["type": "finish", "confirm": true])
                _ = try await ivan.act(seat, ["type": "submit", "recommendation": recommendation, "summary": ""])
            }
            try await ivanScores(second, 1, "no-hire")
            let candidates = try await ivan.get("/api/v1/candidates").body.string
            #expect(candidates.contains(#""score":"58.3""#) && candidates.contains(#""cards":3"#))
            // a third round, cancelled after Ivan scored it 4: in no row's figures
            let third = Interview(candidateID: try fixture.candidate.requireID(), guideVersionID: fixture.interview.$guideVersion.id,
                                  scheduledAt: Date().addingTimeInterval(2 * 86_400))
            try await third.save(on: app.db)
            try await ivanScores(third, 4, "hire")
            third.status = .cancelled
            try await third.save(on: app.db)
            let afterCancel = try await ivan.get("/api/v1/candidates").body.string
            #expect(afterCancel.contains(#""score":"58.3""#) && afterCancel.contains(#""cards":3"#))
            let listing = try await ivan.get("/api/v1/interviews?candidate=\(try fixture.candidate.requireID())").body
            let items = try #require(try JSONSerialization.jsonObject(with: Data(buffer: listing)) as? [[String: Any]])
            let scores = Dictionary(uniqueKeysWithValues: items.compactMap { item -> (String, String)? in
                guard let id = item["id"] as? String, let outcome = item["outcome"] as? [String: Any] else { return nil }
                return (id.lowercased(), outcome["score"] as? String ?? "")
            })
            #expect(scores[try third.requireID().uuidString.lowercased()] == "–")
            #expect(scores[try second.requireID().uuidString.lowercased()] == "25.0")
        }
    }

    @Test func notesAreEscapedInTheReportAndErasedWithTheCandidate() async throws {
        try await withApp { app in
            // setup
            let fixture = try await ConsoleFixture.make(app, interviewers: ["ivan@example.com"])
            let manager = try await TestData.user(app, "maria@example.com", role: .hiringManager)
            try await fixture.position.$members.attach(manager, on: app.db)
            let ivan = try await fixture.browser("ivan@example.com")
            _ = try await ivan.walkToFirstQuestion(fixture)
            _ = try await ivan.rate(fixture, "3.1", "op1", 3)
            _ = try await ivan.act(fixture, ["type": "note", "text": "Said <script>alert('x')</script> about XSS"])
            _ = try await ivan.act(fixture, ["type": "finish", "confirm": true])
            _ = try await ivan.act(fixture, ["type": "submit", "recommendation": "hire", "summary": "Knows XSS"])
            let before = try await ivan.get("/interviews/\(fixture.id)/report")
            // act
            let maria = try await fixture.browser("maria@example.com")
            try await maria.get("/candidates/\(try fixture.candidate.requireID())")
            let export = try await maria.get("/candidates/\(try fixture.candidate.requireID())/export")
            let erased = try await maria.post("/candidates/\(try fixture.candidate.requireID())/erase", ["confirm": "true"])
            let after = try await ivan.get("/interviews/\(fixture.id)/report")
            let view = try await ivan.get(fixture.api)
            // verify
            #expect(before.body.string.contains("Said &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; about XSS")
                    || before.body.string.contains("Said &lt;script&gt;alert('x')&lt;/script&gt; about XSS"))
            #expect(!before.body.string.contains("<script>alert"))
            #expect(export.body.string.contains("about XSS") && export.body.string.contains("scorecards"))
            #expect(erased.status == .seeOther)
            // the stored marker, in the reader's language (it read "(erased · 已删除)" on every page)
            #expect(!after.body.string.contains("about XSS") && !after.body.string.contains(CandidateErasure.marker))
            #expect(after.body.string.contains("<p>" + Text.erased.in(.en)) || after.body.string.contains(">" + Text.erased.in(.en) + "<"), "the note's text")
            ivan.language = "zh"
            let chinese = try await ivan.get("/interviews/\(fixture.id)/report").body.string
            #expect(chinese.contains(Text.erased.in(.zh)) && !chinese.contains(CandidateErasure.marker))
            #expect(after.body.string.contains("75.0"))
            #expect(!view.body.string.contains("about XSS"))
            let stored = try await ScorecardEvent.query(on: app.db).all().map(\.event).joined()
            #expect(!stored.contains("about XSS"))
        }
    }
}
