/// Every user-facing string of the web UI, in English and Chinese. The switch in `pair` is exhaustive,
/// so a string cannot be added in one language only; templates read them as `#(t.<case>)`.
enum Text: String, CaseIterable, Sendable {
    // Navigation and common words
    case appName, positions, candidates, interviews, guides, users, audit, logout, login, save, create
    case search, filter, all, title, name, email, password, role, contact, notes, guide, members, actions
    case none, yes, no, open, apply, signedInAs, skipToContent, chooseOne
    // First admin
    case setupTitle, setupIntro, createAdmin, setupTokenInvalid
    // Login
    case signIn, loginFailed, tooManyAttempts, accountDeactivated
    // Positions
    case newPosition, retentionDays, retentionHint, retentionLimitHint, retentionLimited, errRetentionOverLimit, retentionOwnerOnly, noPositions, addMember, candidateCount
    // Candidates
    case newCandidate, resume, resumeText, resumePDF, resumePDFHint, downloadPDF, noCandidates
    case position, erased, exportJSON, erase, eraseHint, personalDataErased
    // Interviews
    case scheduleInterview, interviewScheduled, scheduledAt, interviewers, guideVersion, status, noInterviews, candidate
    case statusScheduled, statusInProgress, statusCompleted, statusCancelled, changeStatus, reschedule, rescheduleTo, errRescheduleNotScheduled, errCandidateVersionNotSubmitted
    case yourInterviews, yourInterviewsHint, agendaEmpty, agendaToCome, agendaTimePassed, agendaCardDue, agendaYourCardStarted, today, tomorrow, allInterviews
    // Guides
    case bandByScore, eraseConfirm, uploadGuide, guideFile, saveWithErrors, slug, markdown, versions, version, diagnostics, noDiagnostics, edit, saveNewVersion
    case findingsShownFirst, findingsShownOf, findingsLintAll, linesLeftOut
    case goToLine, applyFix, applyAllFixes, fixApplied, fixLineChanged
    case line, guidance, flowcharts, current, savedBy
    /// Brackets around a word in running text: full-width in Chinese, as the rest of the punctuation is.
    case parenOpen, spacedParenOpen, parenClose
    case guideSavedAs, guideSavedTail, guideUnchanged, convertToMermaid, convertToFlowchartJS, chartsConverted, convertedNotSaved, nothingToConvert, convertedRepaired, convertedRewritten, sentenceEnd
    case textChanges, noTextChanges, textChangesCut
    case compareWithPrevious, changesFrom, guideChanges, downloadMarkdown, restoreVersion, restoredInEditor, restoredInEditorTail, seeChangesMeanwhile, saveAsNewVersionOf, loadFileIntoEditor, guideTooLargeToSend, exportWithheld, plannedErasure, keptUntilErased
    case checkErrors, checkErrorsHint, seeInEditor
    // Users
    case newUser, roleAdmin, roleHiringManager, roleInterviewer, changeRole, deactivate, reactivate, deactivated, active
    case takeOffPanel, guideLintErrors
    case you, account, changePassword, currentPassword, newPassword, confirmPassword, passwordChanged
    case sessions, signOutEverywhere, signOutEverywhereHint, editDetails, yourName, nameChanged
    case timeZone, timesShownIn, changeTimeZone, followBrowserZone, timeZoneHint, timeZoneSaved
    // Audit
    case when, who, action, system
    case securityEvents, candidateData, address, subject, detail, kind, anyKind, previousPage, nextPage, noEvents
    // Form errors
    case errRequired, errNoInterviewer, errGuideChangedMeanwhile, errDecisionChangedMeanwhile, errTooLong, errEmail, errPasswordShort, errPDFTooLarge, errNotPDF, errUnknownGuide
    case errDate, errTimeSkipped, errEmailTaken, errUnknownUser, errNumber, errSlugTaken, errGuideVersionHasErrors, errEraseConfirm
    case errLastAdmin, errDeactivateSelf, errPasswordWrong, errPasswordMismatch, errNoAccountWithEmail, errGuideHasNothingToAsk, errNotText, errNotUTF8, errSlugCharacters, errPasswordBlank, errPasswordTrivial, errPasswordHasEmail, errPasswordCommon, errPasswordLong, errEmailMixedScripts, errUnknownRole, errRemoveSelf, errMemberOnOpenPanel, removeMember, setPassword, setPasswordHint, errResetOwnPassword
    case signInLockout, signInLockoutHint, liftLockout, errLockoutAddress
    // Console and reports
    case openConsole, report, candidateReport, panelCandidateReport, score, coverage, recommendation, panel, interviewer, submitted
    case notSubmitted, draftTouched, noDecision, revisions, revisionsHint, noScorecards, awaitingOwnCard, awaitingOwnCardDecision, printReport, consoleTitle, notInterviewer
    case reportOfCard, consoleNeedsScript, colon, addedAt, figuresPreparing, adjustedScorePreparing, adjustedScoreForManagers
    // Decisions and the debrief
    case decision, decisionHistory, recordDecision, outcome, rationale, outcomeAdvance, outcomeHire, outcomeReject, outcomeOnHold
    case todo, todoEmpty, overdue, lessThanAnHour, hoursAgo, daysAgo, overdueHours, overdueHoursHint
    case decisionRecorded, noDecisionYet, decisionHint, debrief, otherNotes, summary, mean, agreement, whatTheseMean, byDisagreement, question, depthDiffers, spread, spreadHint, revisedCellHint
    // Calibration
    case calibration, calibrationIntro, calibrationOwnOnly, calibrationNoData, calibrationModel, severity, severityHint
    case pointsDifference, ratingsCount, distribution, theirs, team, deeperRate, followsSuggestion, hoursToSubmit
    case addToPanel, littleData, notLinked, colleaguesAgreement, demoBanner, severityTrend
    case guideHealth, guideHealthIntro, asked, rated, meanPercent, discrimination, difficultyRasch, fitMeanSquares, skipped
    case notDemonstrated, medianTime, flags, noFlags, gates, answered, answeredYes
    // Question bank and the figures in the guide editor
    case notInThisVersion, questionBank, questionBankIntro, questionID, inGuides, namedID, textID, noBankQuestions
    case bankPooledFrom, bankOtherScale, editorFigures, editorFiguresIntro, figuresUpdating
    // Error pages
    case pageNotFound, pageForbidden, pageNotAllowed, pageBadRequest, pageTooLarge, pageTooLargeSignedOut, pageFailed, pageUnavailable, pageDiskFull, backToPositions

    func `in`(_ language: Language) -> String {
        language == .en ? pair.en : pair.zh
    }

    /// The text with the server's retention ceiling in its `{high}`, or nil when there is none.
    func limit(_ days: Int?, _ language: Language) -> String? {
        days.map { self.in(language).replacingOccurrences(of: "{high}", with: String($0)) }
    }

    /// The whole table in one language, for templates.
    static func table(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.in(language)) })
    }
}
