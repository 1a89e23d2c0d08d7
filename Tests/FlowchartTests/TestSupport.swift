import Foundation
@testable import Flowchart

/// The seed guide in ../shared, when this checkout has it beside it.
enum Seed {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seed/000_7502da119ff097aa.txt")
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: url.path) }
    static var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
    static let skipMessage: Comment = "../shared/seed is absent: the seed guide is not beside this checkout"
}

enum Fixture {
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

extension ParsedFlowchart {
    var codes: [DiagnosticCode] { diagnostics.map(\.code) }

    func first(_ code: DiagnosticCode) -> Diagnostic? { diagnostics.first { $0.code == code } }

    /// Edges as `from-branch->to` strings, easy to compare in one expectation.
    var edgeList: [String] {
        graph.edges.map { "\($0.from)-\($0.branch.rawValue)->\($0.to)" }
    }
}

import Testing
