import Foundation
import Testing
@testable import InterviewCore

/// The seed guide in ../shared, when this checkout has it beside it.
enum SeedGuide {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seed/000_7502da119ff097aa.txt")
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: url.path) }
    static var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
    static let skipMessage: Comment = "../shared/seed is absent: the seed guide is not beside this checkout"
    static func imported() -> ImportedGuide { GuideImporter.importMarkdown(text, path: url.path) }
}

enum GuideFixture {
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

extension ImportedGuide {
    /// "line:column code" for each finding, easy to compare in one expectation.
    var located: [String] {
        diagnostics.map { "\($0.diagnostic.position.line):\($0.diagnostic.position.column) \($0.diagnostic.code.rawValue)" }
    }
}
