/// A guide without bands of its own gets the default ones, whose labels hold both languages ("推荐 Hire"):
/// nothing in such a guide says which language its readers want. Those labels are part of every such
/// guide's version hash and are stored with scorecards, so they stay as they are; each page shows the
/// reader's half instead (a Chinese page "推荐", an English one "Hire"). "No decision" is shown the same
/// way. A label the author wrote is the author's text and is shown as written.
extension RecommendationBand {
    /// The label as a reader of `language` should see it.
    public func label(in language: ReportLanguage) -> String { Self.shown(label, in: language) }

    /// `label` (a band's, or one stored with a scorecard) as a reader of `language` should see it.
    public static func shown(_ label: String, in language: ReportLanguage) -> String {
        guard let pair = defaultPairs[label] else { return label }
        return language == .zh ? pair.zh : pair.en
    }

    /// The default labels, and "no decision" in either language, by what is stored.
    private static let defaultPairs: [String: (en: String, zh: String)] = {
        let pairs: [(stored: String, en: String, zh: String)] = [
            ("强烈推荐 Strong hire", "Strong hire", "强烈推荐"),
            ("推荐 Hire", "Hire", "推荐"),
            // "待定" (undecided) said less than the band means: below hire, not yet a no.
            ("待定 Lean no", "Lean no", "倾向不录用"),
            ("不推荐 No hire", "No hire", "不推荐"),
        ]
        var table = Dictionary(uniqueKeysWithValues: pairs.map { ($0.stored, (en: $0.en, zh: $0.zh)) })
        for label in ["No decision", "不作推荐"] { table[label] = (en: "No decision", zh: "不作推荐") }
        // A guide's own label in one language, when it is one of the usual words (the bundled guides
        // write "推荐" and "Hire"): said in the reader's. An English page showed a Chinese guide's "推荐".
        // Any other label is the author's and is shown as written.
        let usual: [(en: String, zh: String)] = [("Strong hire", "强烈推荐"), ("Hire", "推荐"), ("Undecided", "待定"),
                                                 ("Lean no", "倾向不录用"), ("No hire", "不推荐")]
        for pair in usual {
            table[pair.en] = table[pair.en] ?? pair
            table[pair.zh] = table[pair.zh] ?? pair
        }
        return table
    }()
}
