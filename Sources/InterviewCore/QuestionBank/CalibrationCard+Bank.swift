/// Calibration and question statistics read a card's questions by their bank identity, so a question
/// reworded in a later version, or shared with another guide, is one question to the model and the
/// statistics, and a key reused for a different question is not.
extension CalibrationCard {
    /// The card with each question key (`QuestionKey.of`) replaced by its identity in `identities`
    /// (`QuestionBank.identities(version:)` of the card's guide version); a key not there stays.
    public func identified(by identities: [String: String]) -> CalibrationCard {
        guard !identities.isEmpty else { return self }
        var card = self
        card.ratings = ratings.renamingQuestions(identities)
        for i in card.questions.indices { card.questions[i].question = identities[card.questions[i].question] ?? card.questions[i].question }
        return card
    }
}
