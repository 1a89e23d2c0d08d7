import Foundation

/// The guides InterviewFlow ships, written by us: mid/senior Python backend and new-graduate
/// backend, each in Chinese and English.
public enum BundledGuides {
    public static let seniorPythonID = "python-backend-senior"
    public static let newGraduateID = "backend-new-graduate"
    public static let ids = [seniorPythonID, newGraduateID]
    public static let languages = ["zh", "en"]

    /// File names as shipped: `<id>.<language>.md`.
    public static var all: [(id: String, language: String)] {
        ids.flatMap { id in languages.map { (id, $0) } }
    }

    public static func url(id: String, language: String) -> URL? {
        Bundle.module.url(forResource: "\(id).\(language)", withExtension: "md", subdirectory: "Guides")
    }

    public static func markdown(id: String, language: String) -> String? {
        url(id: id, language: language).flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// A bundled guide named as the command line names it: `python-backend-senior.en`, or the id alone
    /// for the Chinese one.
    public static func named(_ name: String) -> (id: String, language: String)? {
        let parts = name.split(separator: ".").map(String.init)
        guard let id = parts.first, ids.contains(id) else { return nil }
        return (id, parts.count > 1 ? parts[1] : "zh")
    }

    public static func guide(id: String, language: String) -> ImportedGuide? {
        markdown(id: id, language: language).map { GuideImporter.importMarkdown($0, path: "\(id).\(language).md") }
    }
}
