import Foundation
import InterviewCore
import Testing

@Suite("Session navigation: jumps, pick lists, the end")
struct SessionNavigationTests {
    @Test func aJumpLeavesAReturnPointAndBackResumesWhereTheInterviewWas() throws {
        // setup: the candidate mentions TCP while answering Redis op2
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3")
        // act
        try script.run("j 3.5.1", "4")
        let inJump = (script.state.currentTopic, script.state.returnStack.count)
        try script.run("b")
        // verify
        #expect(inJump.0 == "3.5.1")
        #expect(inJump.1 == 1)
        #expect(script.state.currentTopic == "3.2.1")
        #expect(script.state.returnStack.isEmpty)
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.1", question: "op2")))
    }

    /// A slip on a topic's last question is seen once the next topic has opened: b reached only the topic
    /// at hand ("no earlier rated question in this topic"), and a rating off the scale typed during a
    /// correction left it, so the next digit rated the question asked instead (a terminal probe).
    @Test func backReachesTheTopicBeforeAndAnOffScaleRatingKeepsTheCorrection() throws {
        // setup: Redis op1–op3 rated, "no" at its gate; MySQL's first question is asked
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "3", "4", "n")
        #expect(script.agenda == .rate(QuestionRef(topic: "3.2.2", question: "op1")))
        // act: back past the gate (answered last, so offered first) to Redis op3, a 9 by mistake, then the 2 meant
        let gate = try script.run("b")
        let back = try script.run("b")
        #expect(throws: (any Error).self) { try script.run("9") }
        try script.run("2")
        let further = try script.run("b", "b", "b", "b")
        // verify: op3 corrected, op1 untouched, MySQL's question asked again; b walks on back to op1
        #expect(gate.first?.message?.en.hasPrefix("change the answer at 3.2.1/cond1") == true)
        #expect(back.first?.message?.en == "re-rate 3.2.1/op3 (now 4): press a rating")
        #expect(script.state.topics["3.2.1"]?.ratings == ["op1": 3, "op2": 3, "op3": 2])
        #expect(script.state.topics["3.2.2"]?.ratings.isEmpty == true)
        #expect(further.compactMap(\.message?.en).dropFirst() == ["re-rate 3.2.1/op3 (now 2): press a rating", "re-rate 3.2.1/op2 (now 3): press a rating",
                                                                   "re-rate 3.2.1/op1 (now 3): press a rating"])
        // a correction to a question before the gate leaves the gate's answer open to change
        #expect(further.first?.message?.en.hasPrefix("change the answer at 3.2.1/cond1") == true)
        #expect(throws: (any Error).self) { try script.run("b") }
        #expect(script.driver.focus == QuestionRef(topic: "3.2.1", question: "op1"))
    }

    /// From a recheck: a rating given in a jump was passed over by b once back (topics were walked in the
    /// order entered, and the jump's came after); a pick list jumped into and left without a pick was
    /// "finished"; a skip or a gate's answer typed while a correction was on screen acted on what was not
    /// shown.
    @Test func backReachesARatingGivenInAJumpAndKeysDuringACorrectionWaitForIt() throws {
        // setup: Redis op1 rated, a jump to TCP and its first question rated, back in Redis
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3", "j 3.5.1", "4", "b")
        #expect(script.state.currentTopic == "3.2.1" && script.state.returnStack.isEmpty)
        // act / verify: b goes to the latest rating, the jump's
        let back = try script.run("b")
        #expect(back.first?.message?.en == "re-rate 3.5.1/op1 (now 4): press a rating")
        // a skip now would skip Redis op2, which is not on screen: refused, the correction left
        #expect(throws: (any Error).self) { try script.run("s") }
        #expect(script.driver.reviewing == nil && script.agenda == .rate(QuestionRef(topic: "3.2.1", question: "op2")))
        #expect(script.state.topics["3.2.1"]?.skipped.isEmpty == true)
        // a pick list jumped into and left without a pick can be jumped to again
        try script.run("j 3.6", "b", "j 3.6")
        #expect(script.state.currentTopic == "3.6")
        // and a topic is named by its number and any part of its title
        #expect(script.driver.guide.resolveTopic("3.6 开放")?.key == "3.6")
    }

    @Test func aJumpNamesATopicGroupByNumberOrTitleAndGoesToItsFirstTopic() throws {
        // setup: "3.5 网络" is a heading over 3.5.1 and 3.5.2, as the outline shows it
        func chart(_ q: String) -> String { "```flow\nst=>start: Start\nop1=>operation: \(q)\ne=>end\nst->op1->e\n```\n" }
        let markdown = "# 指南\n\n### 3. 技术\n\n#### 3.4 Redis\n" + chart("数据类型？") + "\n#### 3.5 网络\n多问协议。\n\n##### 3.5.1 TCP\n"
            + chart("三次握手？") + "\n##### 3.5.2 HTTP\n" + chart("状态码？")
        let guide = GuideImporter.importMarkdown(markdown).guide
        // act / verify
        #expect(guide.resolveTopic("网络")?.key == "3.5.1")
        #expect(guide.resolveTopic("3.5")?.key == "3.5.1")
        #expect(guide.resolveTopic("http")?.key == "3.5.2")
        #expect(guide.resolveTopic("redis")?.key == "3.4")
        #expect(guide.resolveTopic("存储") == nil)
        #expect(guide.resolveTopic("3.5.2 HT")?.key == "3.5.2")
    }

    /// From a terminal probe: "j 3.6" opened the first of the seed's two 3.6 topics without a word of the
    /// second, which then looked unreachable. The jump now names the other and how to reach it.
    @Test func aJumpByANumberTwoTopicsShareNamesTheOther() throws {
        // setup: two topics numbered 3.6, as in the seed
        func chart(_ q: String) -> String { "```flow\nst=>start: Start\nop1=>operation: \(q)\ne=>end\nst->op1->e\n```\n" }
        let markdown = "# 指南\n\n### 3. 技术\n\n#### 3.5 Redis\n" + chart("数据类型？") + "\n#### 3.6 Linux 与 Docker\n"
            + chart("进程与线程？") + "\n#### 3.6 开放问题\n" + chart("最难的 bug？")
        var script = try SessionTestScript(guide: GuideImporter.importMarkdown(markdown).guide)
        // act
        let first = try script.run("j 3.6")
        // verify: the first opened, the second named with the command that reaches it, in both languages
        #expect(script.state.currentTopic == "3.6")
        #expect(first.last?.message?.en == "3.6 Linux 与 Docker; also numbered 3.6: j 3.6 开放问题")
        #expect(first.last?.message?.zh == "3.6 Linux 与 Docker；同样编号为 3.6 的还有：j 3.6 开放问题")
        // and that command reaches it, without the note (the name was more than the number)
        let second = try script.run("b", "j 3.6 开放问题")
        #expect(script.state.currentTopic == "3.6 开放问题")
        #expect(second.last?.message == nil)
        // a number no other topic has says nothing more (a jump from the jump, back to Redis)
        #expect(try script.run("j 3.5").last?.message == nil)
        #expect(script.state.currentTopic == "3.5")
    }

    @Test func aJumpedToTopicThatEndsReturnsOnItsOwn() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "j tcp", "3", "3", "n")
        // act: rate TCP's last question
        try script.run("2")
        // verify
        #expect(script.state.topics["3.5.1"]?.isWalkDone == true)
        #expect(script.state.currentTopic == "3.2.1")
        #expect(script.events.last?.kind == .returned)
    }

    /// A jump to a finished topic came straight back without a word (the terminal probe): refused, saying
    /// why, in both languages; nothing is recorded.
    @Test func aJumpToAFinishedTopicIsRefusedSayingItIsFinished() throws {
        // setup: TCP walked to its end from a jump, back in Redis
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "j tcp", "3", "3", "n", "2")
        let before = script.events.count
        // act
        var refusal: CommandError?
        do { _ = try script.driver.perform(.jump("tcp")) } catch let error as CommandError { refusal = error }
        // verify
        #expect(refusal?.text.en == "topic 3.5.1 is finished: its walk is done and every question asked in it is rated or skipped")
        #expect(refusal?.text.zh.contains("已经结束") == true)
        #expect(script.events.count == before && script.state.currentTopic == "3.2.1")
    }

    /// A rating typed in a stage whose questions are prompts for the talk said "nothing to rate", and an
    /// author wondered why the stage counted for nothing (a guide author's probe): said why, and where a
    /// rated question goes; `guide show` marks them too.
    @Test func aRatingInAStageOfTalkPromptsSaysTheyAreNotRated() throws {
        // setup: stage 2 of the seed has its own questions (2.1, 2.2) and no topic
        var script = try SessionTestScript()
        try script.run("f", "f")
        #expect(script.state.currentStage == "2")
        // act
        var refusal: CommandError?
        do { _ = try script.driver.perform(.rate(3)) } catch let error as CommandError { refusal = error }
        // verify
        #expect(refusal?.text.en.hasPrefix("this stage's questions are prompts for the talk and are not rated") == true)
        #expect(refusal?.text.zh.contains("不评分") == true)
        let outline = GuideOutline.text(script.driver.guide, language: .en)
        #expect(outline.contains("2.1 ") && outline.contains("(talk prompt, not rated)"))
    }

    @Test func aJumpFromAnEarlierStageMovesTheClockToTheTopicsStage() throws {
        // setup: in the self-introduction (stage 1) the candidate talks about Redis
        var script = try SessionTestScript()
        try script.run("f")
        // act
        try script.run("j 3.2.1", "3", "b")
        // verify: the four minutes inside the jump (jump, ask op1, rate it, ask op2, return) went to
        // stage 3; the stage-1 clock resumed
        let now = script.state.lastEventAt!
        #expect(script.state.currentStage == "1")
        #expect(script.state.elapsed(stage: "3", at: now) == 240)
        #expect(script.state.stages["1"]?.currentSince == now)
    }

    @Test func anInstructionThatCallsATopicOffersTheJump() throws {
        // setup: a deployment topic whose chart says "go to 3.2.1" when the project uses a cache
        let chart = SessionTestChart(nodes: [("st", "start", "Start"), ("op1", "operation", "部署方式"),
                                             ("sub1", "subroutine", "跳转到3.2.1 redis的问题"), ("op2", "operation", "灰度发布"), ("e", "end", "")],
                                     links: ["st->op1->sub1->op2->e"], calls: ["sub1": "3.2.1"])
        var guide = SessionTestGuide.guide()
        guide.stages[3].topics.insert(chart.topic("3.1", "部署"), at: 0)
        var script = try SessionTestScript(guide: guide)
        try script.run("f", "f", "f", "3")
        let offer = script.agenda
        // act: take the jump, answer Redis as far as its gate, decline to go deeper
        try script.run("y", "3", "3", "3", "n")
        // verify: Redis done, back in 3.1 past the instruction
        #expect(offer == .offerJump(topic: "3.1", instruction: "sub1", target: "3.2.1"))
        #expect(script.state.currentTopic == "3.1")
        #expect(script.agenda == .rate(QuestionRef(topic: "3.1", question: "op2")))
        #expect(script.events.contains { $0.kind == .jumpedToTopic(topic: "3.2.1", via: "sub1") })
    }

    @Test func aPickListOffersItsQuestionsInsteadOfWalking() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "j 3.6")
        let offered = script.agenda
        // act
        try script.run("p 4", "3", "p op2", "2")
        // verify
        #expect(offered == .pick(topic: "3.6", remaining: ["op1", "op2", "op3", "op4"]))
        #expect(script.state.topics["3.6"]?.asked == ["op4", "op2"])
        #expect(script.agenda == .pick(topic: "3.6", remaining: ["op1", "op3"]))
        #expect(script.events.contains { $0.kind == .openQuestionPicked(QuestionRef(topic: "3.6", question: "op4")) })
    }

    /// A number names the same question however many were picked before it: counted among those left, the
    /// list renumbered after each pick and `p 2` picked what had been third (the terminal probe).
    @Test func aPickListKeepsItsNumbersAsQuestionsArePicked() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "j 3.6", "p 1", "3")
        // act
        try script.run("p 2")
        // verify
        #expect(script.state.topics["3.6"]?.asked == ["op1", "op2"])
        #expect(throws: (any Error).self) { try script.run("p 9") }
    }

    @Test func endingWithARequiredStageUntouchedNeedsConfirmationAndIsRecorded() throws {
        // setup
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "3")
        // act
        let asked = try script.run("e")
        let stillOpen = script.state.isFinished
        try script.run("y")
        // verify
        #expect(asked.first?.message?.en == "required stage 5 never started — end anyway? y/n")
        #expect(asked.first?.message?.zh == "必选阶段 5 从未开始——仍然结束面试吗？y/n")
        #expect(!stillOpen)
        #expect(script.state.isFinished)
        #expect(script.state.confirmedIncomplete == ["5"])
        #expect(script.events.last?.kind == .interviewFinished(confirmedIncomplete: ["5"]))
    }

    @Test func walkingThroughEveryStageEndsTheInterviewOnItsOwn() throws {
        // setup
        var script = try SessionTestScript()
        // act: three talk stages, four topics of stage 3, stages 4 and 5
        try script.run("f", "f", "f", "f", "f", "f", "f", "f", "f")
        // verify
        #expect(script.state.isFinished)
        #expect(script.state.confirmedIncomplete.isEmpty)
    }
}

/// The candidate's version named the questions behind a "no" "not reached" and counted them 0, while its
/// method said questions never reached count neither way (a panel probe): they are named as they count.
@Suite("Candidate version: questions behind a no")
struct CandidateVersionWordingTests {
    @Test func theQuestionsBehindANoAreSaidToCountZero() throws {
        // setup: TCP rated on its basics, then "no" at its gate
        var script = try SessionTestScript()
        try script.run("f", "f", "f", "j tcp", "3", "3", "n")
        // act
        let report = InterviewReport.make(guide: script.driver.guide, state: script.state, audience: .candidate)
        let labels = ReportLabels.labels(report.language)
        let text = MarkdownReport.render(report)
        // verify
        let said = labels.statusLabel(.notDemonstrated, .candidate)
        #expect(said == "not gone into: 0 points" || said == "未深入：计 0 分")
        #expect(text.contains(said))
        #expect(!text.contains("never reached") && !text.contains("未到达的问题"))
    }

    /// Advanced questions the interview never came to (no gate answered) count neither way, and the
    /// sentence said they counted 0 (a recruiter's probe): it says so only after a "no".
    @Test func advancedQuestionsNeverComeToAreNotSaidToCountZero() throws {
        // setup: TCP's first question rated, and the interview moved on before its gate; another card said no
        var moved = try SessionTestScript()
        try moved.run("f", "f", "f", "j tcp", "3")
        var no = try SessionTestScript()
        try no.run("f", "f", "f", "j tcp", "3", "3", "n")
        // act
        let movedOn = InterviewReport.make(guide: moved.driver.guide, state: moved.state, audience: .candidate)
        let saidNo = InterviewReport.make(guide: no.driver.guide, state: no.state, audience: .candidate)
        // verify
        let labels = ReportLabels.labels(movedOn.language)
        let tcp = { (report: InterviewReport) in report.feedback.first { $0.hasPrefix("3.5.1") } ?? "" }
        #expect(tcp(movedOn).contains(labels.deeperNotReached) && !tcp(movedOn).contains(labels.notDeeper))
        #expect(tcp(saidNo).contains(labels.notDeeper))
    }
}
