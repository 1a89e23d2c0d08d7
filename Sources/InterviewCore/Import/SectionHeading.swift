/// A heading read as a guide reads it: "3.2.1 redis的问题", "1.请面试者做基本介绍(必选)",
/// "5. Candidate's questions (required)".
struct SectionHeading: Hashable {
    var number: String?
    var title: String
    var requirement: Requirement

    init(_ text: String) {
        var rest = Substring(text)
        // A leading section number: digits separated by dots, an optional closing dot or 、.
        var digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        while digits.hasSuffix(".") { digits = digits.dropLast() }
        if let first = digits.first, first.isNumber, !digits.contains("..") {
            number = String(digits)
            rest = rest.dropFirst(digits.count)
            if let c = rest.first, c == "." || c == "、" || c == "．" { rest = rest.dropFirst() }
        }
        (title, requirement) = Self.splitRequirement(String(rest).trimmingCharacters(in: .whitespaces))
    }

    /// A trailing (必选)/（可选）/(required)/(optional) marks whether the stage may be left out.
    static func splitRequirement(_ text: String) -> (String, Requirement) {
        let markers: [(String, Requirement)] = [("必选", .required), ("必须", .required), ("必问", .required),
                                                ("可选", .optional), ("选做", .optional),
                                                ("required", .required), ("optional", .optional)]
        // The marker ends the heading, so only its last characters are compared: a search of the whole
        // text (case-insensitive, backwards, 28 times) made a 2.6 MB heading take seconds (a probe).
        var end = text.endIndex
        while end > text.startIndex, let scalar = text[text.index(before: end)].unicodeScalars.first,
              CharacterSet.whitespaces.contains(scalar) {
            end = text.index(before: end)
        }
        let trimmed = text[..<end]
        let tail = String(trimmed.suffix(16)).lowercased()
        for (word, requirement) in markers {
            for (open, close) in [("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")] {
                let suffix = open + word + close
                if tail.hasSuffix(suffix) {
                    return (String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces), requirement)
                }
            }
        }
        return (text, .unspecified)
    }

    /// How the marker is written back, in the guide's language.
    static func marker(_ requirement: Requirement, chinese: Bool) -> String {
        switch requirement {
        case .required: chinese ? "（必选）" : " (required)"
        case .optional: chinese ? "（可选）" : " (optional)"
        case .unspecified: ""
        }
    }

    /// Whether the number has one part ("3"), as stage numbers do.
    var isStageNumber: Bool { number.map { !$0.contains(".") } ?? false }
}

import Foundation
