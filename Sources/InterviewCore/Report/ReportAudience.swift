import Flowchart

/// Who reads a report. The candidate's version leaves out interviewers' private notes, reference
/// answers, raw weights, flowcharts (their labels carry the expected answers) and the recommendation,
/// and words the feedback for the candidate.
public enum ReportAudience: String, Hashable, Sendable, Codable, CaseIterable {
    case interviewer, candidate
}

/// The two languages a report's fixed texts exist in; a report follows its guide's language.
public enum ReportLanguage: String, Hashable, Sendable, Codable {
    case zh, en

    public init(guideLanguage: String?) {
        self = guideLanguage?.lowercased().hasPrefix("zh") == true ? .zh : .en
    }

    /// The guide's declared language; a guide that declares none (the seed) is read as Chinese when
    /// its title is written in Chinese characters.
    public init(guide: Guide) {
        self.init(declared: guide.language, title: guide.title)
    }

    /// The same rule for a guide known by its declared language and title alone (the library's record).
    public init(declared: String?, title: String) {
        if let declared {
            self.init(guideLanguage: declared)
        } else {
            self = ChineseText.appears(in: title) ? .zh : .en
        }
    }
}
