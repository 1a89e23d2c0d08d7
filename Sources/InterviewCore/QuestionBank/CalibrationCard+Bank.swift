/// Calibration and question statistics read a card's questions by their bank identity, so a question
/// reworded in a later version, or shared with another guide, is one question to the model and the
/// statistics, and a key reused for a different question is not.
extension CalibrationCard {
    /// The card with each question key (`QuestionKey.of`) replaced by its identity in `identities`
    /// (`QuestionBank.identities(version:)` of the card's guide version); a key not there stays.
    public func identified(by identities: [String: String]) -> CalibrationCard {
        guard !identities.isEmpty else { return self }
        var card = self
        for i in card.ratings.ratings.indices { card.ratings.ratings[i].question = identities[card.ratings.ratings[i].question] ?? card.ratings.ratings[i].question }
        for i in card.ratings.weighted.indices { card.ratings.weighted[i].question = identities[card.ratings.weighted[i].question] ?? card.ratings.weighted[i].question }
        for i in card.questions.indices { card.questions[i].question = identities[card.questions[i].question] ?? card.questions[i].question }
        return card
    }
}
