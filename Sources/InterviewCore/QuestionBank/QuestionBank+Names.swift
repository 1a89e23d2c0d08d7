/// Names for tables that show questions of several guides at once (`interview calibrate` and `stats`
/// over sessions of more than one guide), where `3.1/op1` of one guide is not `3.1/op1` of another.
extension QuestionBank {
    /// A readable name per identity, unique over the bank: the author's id for a named question; for a
    /// question in one guide, that guide's id and the question's key (`python-backend-senior.en/3.1/op1`),
    /// or the key alone when the bank holds one guide; otherwise (shared by wording) the identity itself.
    public func shortNames() -> [String: String] {
        let guides = Set(entries.flatMap(\.guides))
        var names: [String: String] = [:]
        for entry in entries {
            let last = entry.appearances.last!
            if entry.isNamed {
                names[entry.id] = entry.id
            } else if entry.guides.count == 1 {
                names[entry.id] = guides.count == 1 ? last.key : "\(last.guide)/\(last.key)"
            } else {
                names[entry.id] = entry.id
            }
        }
        // A key reused for another question between versions would name two identities alike.
        let counts = Dictionary(names.values.map { ($0, 1) }, uniquingKeysWith: +)
        for (id, name) in names where counts[name, default: 0] > 1 && name != id { names[id] = "\(name) [\(id)]" }
        return names
    }
}

extension ScorecardRatings {
    /// The same ratings with each question renamed by `names` (a name not there stays).
    public func renamingQuestions(_ names: [String: String]) -> ScorecardRatings {
        var card = self
        for i in card.ratings.indices { card.ratings[i].question = names[card.ratings[i].question] ?? card.ratings[i].question }
        for i in card.weighted.indices { card.weighted[i].question = names[card.weighted[i].question] ?? card.weighted[i].question }
        return card
    }
}
