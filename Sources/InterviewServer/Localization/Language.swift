import InterviewCore
import Vapor

/// The UI languages. Chosen by the `lang` cookie (set by the switch link), else by Accept-Language.
enum Language: String, CaseIterable, Codable, Sendable {
    case en, zh

    static let cookieName = "lang"

    static func preferred(by req: Request) -> Language {
        if let chosen = req.cookies[cookieName]?.string, let language = Language(rawValue: chosen) {
            return language
        }
        return fromAcceptLanguage(req.headers.first(name: .acceptLanguage) ?? "")
    }

    /// The supported language with the highest quality in an Accept-Language header; English when none.
    static func fromAcceptLanguage(_ header: String) -> Language {
        var best: (language: Language, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = Language(rawValue: primary) else { continue }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .en
    }

    var other: Language { self == .en ? .zh : .en }

    /// The same language for InterviewCore's texts (reports, band labels).
    var report: ReportLanguage { self == .zh ? .zh : .en }

    /// How the language names itself, for the switch link.
    var ownName: String { self == .en ? "English" : "中文" }
}

extension Request {
    var language: Language { Language.preferred(by: self) }

    func text(_ key: Text) -> String { key.in(language) }
}
