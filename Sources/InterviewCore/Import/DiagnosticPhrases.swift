import Flowchart

/// Pieces several guide diagnostics share, so each is translated once.
extension LocalizedText {
    /// Text that reads the same in both languages: a YAML key path such as `topics.1.1`.
    static func verbatim(_ text: String) -> LocalizedText {
        LocalizedText(en: text, zh: text)
    }

    /// " — did you mean 'x'?", appended to a message that names something unknown.
    static func didYouMean(_ guess: String) -> LocalizedText {
        LocalizedText(en: " — did you mean '\(guess)'?", zh: "——是不是想写 '\(guess)'？")
    }

    /// "; known keys are a, b, c", appended when there is no close guess.
    static func knownKeys(_ keys: [String]) -> LocalizedText {
        LocalizedText(en: "; known keys are \(keys.joined(separator: ", "))", zh: "；可用的键有 \(keys.joined(separator: ", "))")
    }
}
