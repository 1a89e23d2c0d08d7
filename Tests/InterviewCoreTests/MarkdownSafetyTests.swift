import Foundation
import Testing
@testable import InterviewCore

/// Guide prose is user text: whatever Markdown a guide author writes, the HTML holds only the allowed
/// elements and attributes, links and images only to allowed schemes, and every text escaped.
@Suite("Markdown: XSS payloads stay text")
struct MarkdownSafetyTests {
    static let payloads: [String] = [
        // Raw HTML, block and inline, and the ways parsers have been tricked into passing it through.
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "Inline <b onmouseover=alert(1)>bold</b> & more",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg/onload=alert(1)//",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=javascript:alert(1)>x</a>",
        "<!-- --><script>alert(1)</script>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<!DOCTYPE html><html><body onload=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<div>\n\n<script>alert(1)</script>\n\n</div>",
        "[<img src=x onerror=alert(1)>](https://example.com)",
        "# <script>alert(1)</script>\n> <svg/onload=alert(1)>",
        "| <script> | b |\n|---|---|\n| <img src=x onerror=alert(1)> | c |",
        "`<script>alert(1)</script>` and &lt;script&gt;alert(1)&lt;/script&gt;",
        // Inline links with unsafe schemes, plain and obfuscated.
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](<JaVa\tScRiPt:alert(1)>)",
        "[x](java&#x09;script:alert(1))",
        "[x](java&Tab;script:alert(1))",
        "[x](jav&NewLine;ascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](  javascript:alert(1)  \"t\")",
        "[x](<\u{1}javascript:alert(1)>)",
        "[x](<\u{7F}javascript:alert(1)>)",
        "[x](java\u{0}script:alert(1))",
        "[x](\\javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        // Images.
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](<data:text/html,<script>alert(1)</script>>)",
        // Reference-style links and definitions.
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[r]\n\n[r]: JAVASCRIPT:alert(1) \"t\"",
        "![x][r]\n\n[r]: data:text/html,alert(1)",
        "[r][]\n\n[r]: <vbscript:msgbox(1)>",
        "[r]\n\n[r]: java&#x09;script:alert(1)",
        // Autolinks.
        "<javascript:alert(1)>",
        "<JaVaScRiPt:alert(1)>",
        "<data:text/html,alert(1)>",
        "<vbscript:msgbox(1)>",
        "<javascript&#58;alert(1)>",
        // Quotes trying to leave href, src, alt, title and class.
        "[x](https://a.com/\"onmouseover=\"alert(1))",
        "[x](https://a.com \"t\\\" onmouseover=\\\"alert(1)\")",
        "[x](https://a.com 't&quot; onmouseover=&quot;alert(1)')",
        "![a\" onerror=\"alert(1)](x.png)",
        "![a](x.png \"t' onerror='alert(1)\")",
        "[x][r]\n\n[r]: https://a.com/'onfocus='alert(1) \"a\\\"b\"",
        "```\"><script>alert(1)</script>\ncode\n```",
        "``` js onmouseover=alert(1)\ncode\n```",
        "```js\"onclick=\"alert(1)\nx\n```",
        "~~~ <img src=x onerror=alert(1)>\nx\n~~~",
    ]

    @Test(arguments: payloads) func payloadCannotRun(_ markdown: String) throws {
        // act
        let html = GuidanceHTML.render(markdown)
        // verify
        #expect(!html.lowercased().contains("<script"))
        let tags = try #require(HTMLTags(html).tags, "output is not well-formed: \(html)")
        for tag in tags {
            #expect(Self.elements.contains(tag.name), "element <\(tag.name)> is not allowed: \(html)")
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on"), "event handler \(name) in \(html)")
                #expect(Self.attributeAllowed(element: tag.name, name: name, value: value), "\(tag.name) \(name)=\"\(value)\" in \(html)")
                #expect(!Self.squeezed(value).contains("javascript:"), "javascript: in an attribute: \(html)")
            }
        }
    }

    /// Random Markdown from the characters that make syntax: whatever the mix, the output is
    /// well-formed and holds to the allow-list (and the reader's assertions hold).
    @Test func randomMarkdownKeepsToTheAllowList() throws {
        // setup: a fixed-seed generator, so a failure repeats
        let alphabet = Array("[]()<>!*_~`\\&#;:\"' \t\n\n>-+1.)|=javascript:x中".unicodeScalars)
        var state: UInt64 = 0x2545F4914F6CDD1D
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(state % 64) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // act
            let html = GuidanceHTML.render(text)
            // verify
            let tags = try #require(HTMLTags(html).tags, "not well-formed for \(text.debugDescription): \(html)")
            for tag in tags {
                #expect(Self.elements.contains(tag.name), "\(text.debugDescription)")
                #expect(tag.attributes.allSatisfy { Self.attributeAllowed(element: tag.name, name: $0.0, value: $0.1) }, "\(text.debugDescription)")
            }
        }
    }

    @Test func unsafeTargetsAreShownAsText() {
        // act
        let link = GuidanceHTML.render("[click](javascript:alert(1))")
        let image = GuidanceHTML.render("![pic](data:image/png;base64,AAAA)")
        let autolink = GuidanceHTML.render("<javascript:alert(1)>")
        // verify
        #expect(link == "<p>[click](javascript:alert(1))</p>\n")
        #expect(image == "<p>![pic](data:image/png;base64,AAAA)</p>\n")
        #expect(autolink == "<p>&lt;javascript:alert(1)&gt;</p>\n")
    }

    @Test func safeURLAllowsOnlyWebMailAndRelativeTargets() {
        let allowed = ["http://a", "HTTPS://a/b?c#d", "mailto:x@y", "#frag", "/path", "path/x:y", "?q=a:b", "", " https://a "]
        let refused = ["javascript:alert(1)", "JAVASCRIPT:x", "java\tscript:x", "java\nscript:x", " \u{1}javascript:x",
                       "data:text/html,x", "vbscript:x", "file:///etc/passwd", "ftp://a", "1:x", "java\u{7F}script:x"]
        for url in allowed { #expect(SafeURL(Array(url.utf8)) != nil, "\(url)") }
        for url in refused { #expect(SafeURL(Array(url.utf8)) == nil, "\(url)") }
    }

    @Test func aBackslashThatBrowsersReadAsASlashIsWrittenAsOne() {
        // act: `/\evil.example` is `//evil.example` to a browser, another site that looks like a path here
        let html = GuidanceHTML.render("[a](/\\evil.example) [b](https://x.example\\y?q=\\z) [c](mailto:a\\b@x)")
        // verify: the slashes a browser reads, up to the query; a query and a mail address keep theirs
        #expect(html.contains("href=\"//evil.example\""))
        #expect(html.contains("href=\"https://x.example/y?q=\\z\""))
        #expect(html.contains("href=\"mailto:a\\b@x\""))
    }

    @Test func codeLanguageKeepsOnlyPlainNames() {
        #expect(CodeLanguage(info: Array("c++ rest".utf8))?.name == "c++")
        #expect(CodeLanguage(info: Array("objective_c-2".utf8))?.name == "objective_c-2")
        for info in ["\"><script>", "js\"x", "a.b", "x'y", "lang&amp;", ""] {
            #expect(CodeLanguage(info: Array(info.utf8)) == nil, "\(info)")
        }
    }

    // MARK: - The allow-list, as the test reads it

    static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li",
        "a", "img", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div",
    ]

    static func attributeAllowed(element: String, name: String, value: String) -> Bool {
        switch (element, name) {
        case ("a", "href"), ("img", "src"): return schemeAllowed(value)
        case ("a", "title"), ("img", "alt"), ("img", "title"): return true
        case ("a", "rel"): return value == "noopener noreferrer nofollow"
        case ("code", "class"):
            return value.hasPrefix("language-") && value.dropFirst(9).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_+-".contains($0)) }
        case ("ol", "start"): return value.allSatisfy(\.isNumber)
        case ("th", "align"), ("td", "align"): return ["left", "center", "right"].contains(value)
        case ("div", "class"): return value == "scroll"
        default: return false
        }
    }

    /// How a browser reads the URL: tabs and newlines dropped, controls and spaces trimmed, lowercase.
    static func squeezed(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
    }

    static func schemeAllowed(_ value: String) -> Bool {
        let url = squeezed(value)
        guard let end = url.firstIndex(where: { ":/?#".contains($0) }), url[end] == ":" else { return true }
        return ["http", "https", "mailto"].contains(String(url[..<end]))
    }
}

/// A tiny scanner for the renderer's own output: every `<` there starts a tag (text escapes its `<`),
/// and every attribute is `name="value"` with the value escaped. Nil when the output is not of that
/// shape — which would itself be a failure.
struct HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    let tags: [Tag]?

    init(_ html: String) {
        var tags: [Tag] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.first == "/" { rest = rest.dropFirst() }
            let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            guard !name.isEmpty else { self.tags = nil; return }
            rest = rest.dropFirst(name.count)
            var attributes: [(String, String)] = []
            while rest.first == " " {
                rest = rest.dropFirst()
                let attribute = rest.prefix { $0 != "=" && $0 != ">" && $0 != " " }
                rest = rest.dropFirst(attribute.count)
                guard rest.hasPrefix("=\"") else { self.tags = nil; return }
                rest = rest.dropFirst(2)
                let value = rest.prefix { $0 != "\"" }
                guard !value.contains(where: { "<>'".contains($0) }) else { self.tags = nil; return }
                rest = rest.dropFirst(value.count + 1)
                attributes.append((String(attribute), Self.decoded(String(value))))
            }
            guard rest.first == ">" else { self.tags = nil; return }
            tags.append(Tag(name: String(name), attributes: attributes))
        }
        self.tags = tags
    }

    /// The writer uses only these five references.
    static func decoded(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
