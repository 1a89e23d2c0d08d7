/// A language the user reads InterviewFlow in. Every user-facing text exists in both.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, zh

    /// The language the locale variables ask for, read in POSIX precedence: the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set decides; Chinese when it starts with "zh".
    public static func preferred(from environment: [String: String]) -> Language {
        named(in: environment) ?? .en
    }

    /// The language the locale names, or nil when it names none: unset, or the C/POSIX locale that
    /// containers and CI run under (`C.UTF-8`). Then a command may follow what it reads instead.
    public static func named(in environment: [String: String]) -> Language? {
        guard let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            return nil
        }
        let name = locale.lowercased()
        if name == "c" || name == "posix" || name.hasPrefix("c.") { return nil }
        return name.hasPrefix("zh") ? .zh : .en
    }
}

/// One text in English and Chinese. The interpolated parts (keys, line numbers, code) are the same
/// in both; only the prose around them is translated.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// Both languages joined, for messages built from pieces ("no topic 'x'" + "did you mean 'y'?").
    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(en: lhs.en + rhs.en, zh: lhs.zh + rhs.zh)
    }
}
