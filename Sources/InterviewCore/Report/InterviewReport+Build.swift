import Foundation

extension InterviewReport {
    /// Builds the report of a session for one audience. The numbers are `Scoring.score`'s; the report
    /// adds the words, and removes what the audience must not see. The words are in `language`, by
    /// default the guide's (the candidate's report is in the language the interview was held in; the web
    /// app shows its own readers the report in theirs).
    public static func make(guide: Guide, state: SessionState, audience: ReportAudience,
                            language: ReportLanguage? = nil) -> InterviewReport {
        let card = Scoring.score(guide, state)
        let language = language ?? ReportLanguage(guide: guide)
        let labels = ReportLabels.labels(language)
        let forCandidate = audience == .candidate
        let notes = state.notes.filter { !forCandidate || $0.note.isShared }.map(NoteReport.init)
        let end = state.finishedAt ?? state.lastEventAt ?? Date(timeIntervalSince1970: 0)
        let topics = zip(guide.topics, card.topics).map { topic, score in
            TopicReport.make(topic, score, state.topics[topic.key], guide: guide, notes: notes, audience: audience, labels: labels,
                             language: language)
        }
        var report = InterviewReport(
            audience: audience, language: language, title: guide.title,
            guide: GuideInfo(id: guide.id, title: guide.title, hash: state.start?.guideHash ?? ""),
            candidate: state.start?.candidate,
            interviewer: forCandidate ? nil : state.start?.interviewer.flatMap { $0.isEmpty ? nil : $0 },
            startedAt: state.startedAt.map(SessionTimestamp.format), finishedAt: state.finishedAt.map(SessionTimestamp.format),
            // How the interviewer ended the interview is theirs, not the candidate's to read.
            minutes: state.totalElapsed(at: end) / 60, confirmedIncomplete: forCandidate ? [] : state.confirmedIncomplete,
            scaleMaximum: card.scaleMaximum, overall: card.overall,
            overallFormula: card.overallDerivation.formula(showWeights: !forCandidate),
            accuracy: card.accuracy, accuracyFormula: card.accuracyDerivation.formula(showWeights: !forCandidate),
            coverage: card.coverage, coverageFormula: card.coverageDerivation.formula(showWeights: !forCandidate),
            band: forCandidate ? nil : card.band?.label(in: language),
            knockouts: forCandidate ? [] : card.knockouts, knockoutsNotAssessed: forCandidate ? [] : card.knockoutsNotAssessed,
            topics: topics,
            dimensions: card.dimensions.map { DimensionReport(name: $0.name, score: $0.score, formula: $0.derivation.formula(showWeights: !forCandidate)) },
            stages: guide.stages.map { stage in
                StageReport(key: stage.key, title: stage.title, requirement: stage.requirement, budgetMinutes: stage.minutes,
                            elapsedMinutes: state.elapsed(stage: stage.key, at: end) / 60, visited: state.stages[stage.key] != nil)
            },
            notes: notes.filter { $0.question == nil },
            feedback: forCandidate ? CandidateFeedback.sentences(topics, labels: labels) : [])
        // What a candidate's copy rests on, dated: a card revised later reads differently (a recruiter's probe).
        if forCandidate { report.asOf = (state.revisions.last?.at ?? state.submittedAt).map(SessionTimestamp.format) }
        if !forCandidate, !card.knockouts.isEmpty, let band = card.band,
           let byOverall = Recommendation.band(guide.bands, overall: card.overall, knockedOut: false), byOverall != band {
            report.knockoutEffect = labels.knockoutEffect(band: band.label(in: language), byOverall: byOverall.label(in: language))
        }
        return report
    }
}

extension NoteReport {
    init(_ timed: TimedNote) {
        self.init(at: SessionTimestamp.format(timed.at), text: timed.note.text, isShared: timed.note.isShared,
                  topic: timed.note.topic, question: timed.note.question)
    }
}

extension TopicReport {
    static func make(_ topic: Topic, _ score: TopicScore, _ progress: TopicProgress?, guide: Guide, notes: [NoteReport],
                     audience: ReportAudience, labels: ReportLabels, language: ReportLanguage) -> TopicReport {
        let forCandidate = audience == .candidate
        let questions = zip(topic.questions, score.questions).map { question, scored in
            let rating = scored.rating
            return QuestionReport(
                id: question.id, text: question.text, level: question.level, weight: forCandidate ? nil : question.weight,
                status: scored.status, statusLabel: labels.statusLabel(scored.status, audience), rating: rating,
                ratingMeaning: rating.flatMap { forCandidate ? guide.scale.anchors[$0] : question.rubric[$0] ?? guide.scale.anchors[$0] },
                // The reason a question was skipped is the interviewer's words, like a private note: the
                // candidate's copy says only that it was left out (a security review found it shown).
                reference: forCandidate ? nil : question.reference, skipReason: forCandidate ? nil : scored.skipReason.map { SkipReason.shown($0, in: language) },
                notes: notes.filter { $0.topic == topic.key && $0.question == question.id })
        }
        let show = !forCandidate
        return TopicReport(
            key: topic.key, title: topic.title, entered: score.entered, weight: show ? topic.weight : nil,
            knockout: show ? topic.knockout : nil, isKnockedOut: show && score.isKnockedOut,
            score: score.score, accuracy: score.accuracy, coverage: score.coverage,
            depthAvailable: score.depth.available, depthReached: score.depth.reached, deeperShare: score.depth.deeperShare,
            formulas: Formulas(score: score.scoreDerivation.formula(showWeights: show),
                               accuracy: score.accuracyDerivation.formula(showWeights: show),
                               // A topic never entered has no coverage; its formula said "= 0.0" (a probe).
                               coverage: score.coverage == nil ? "–" : score.coverageDerivation.formula(showWeights: show),
                               deeperShare: score.entered ? score.depth.derivation.formula(showWeights: show) : "–"),
            questions: questions,
            gates: topic.gates.map { gate in
                let answer = progress?.gateAnswers[gate.id]
                return GateReport(id: gate.id, text: gate.text, kind: gate.kind, answer: answer,
                                  leftUnanswered: answer == nil && progress?.position == gate.id ? true : nil)
            },
            path: progress.map { p in topic.steps.map(\.id).filter(p.visitedNodes.contains) } ?? [],
            moves: progress?.trail ?? [])
    }
}
