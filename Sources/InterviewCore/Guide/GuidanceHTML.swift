import Flowchart
import Ink

/// The guide's prose as HTML, for the console, the guide library and reports. Ink renders the
/// Markdown; raw HTML in the guide is shown as text and links keep only safe schemes, because a guide
/// is user text and user text is always escaped.
public enum GuidanceHTML {
    public static func render(_ markdown: String) -> String {
        let parser = MarkdownParser(modifiers: [
            Modifier(target: .html) { input in "<p>" + XMLText.escape(String(input.markdown)) + "</p>" },
            Modifier(target: .links) { input in isSafe(link(in: input.markdown)) ? input.html : XMLText.escape(String(input.markdown)) },
            Modifier(target: .images) { input in isSafe(link(in: input.markdown)) ? input.html : XMLText.escape(String(input.markdown)) },
        ])
        return parser.html(from: markdown)
    }

    /// The target of `[text](target)` or `![alt](target)`.
    static func link(in markdown: Substring) -> String {
        guard let open = markdown.range(of: "](", options: .backwards) else { return "" }
        var target = markdown[open.upperBound...]
        if target.hasSuffix(")") { target = target.dropLast() }
        return target.trimmingCharacters(in: .whitespaces)
    }

    /// Web and mail links, and links within the page or site; never `javascript:` or `data:`.
    static func isSafe(_ target: String) -> Bool {
        let lower = target.lowercased().filter { !$0.isWhitespace && !$0.isNewline && $0 != "\0" }
        guard let colon = lower.firstIndex(of: ":") else { return true }
        // A colon after a slash, '?' or '#' is part of a path, not a scheme.
        if let slash = lower.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), slash < colon { return true }
        return ["http", "https", "mailto"].contains(String(lower[..<colon]))
    }
}

import Foundation
