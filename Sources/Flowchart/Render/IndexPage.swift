/// `index.html` of `interview render`: every drawing of a guide under its heading, with the lint
/// findings of each chart beneath it. One self-contained file: the SVGs are inlined.
public enum IndexPage {
    public struct Entry: Sendable {
        public var chart: FlowchartDocument.Chart
        public var svg: String
        public var fileName: String

        public init(chart: FlowchartDocument.Chart, svg: String, fileName: String) {
            self.chart = chart
            self.svg = svg
            self.fileName = fileName
        }
    }

    /// In `language`: the one `render` speaks, as its summary line does. The guide's headings and
    /// drawings are marked as `contentLanguage`, the guide's own (a Chinese guide's page said `lang="en"`
    /// throughout, and screen readers read its Chinese as English).
    public static func html(title: String, entries: [Entry], language: Language = .en, contentLanguage: Language? = nil) -> String {
        let zh = language == .zh
        let content = contentLanguage ?? language
        let contentLang = content == language ? "" : " lang=\"\(content.rawValue)\""
        let pageLang = content == language ? "" : " lang=\"\(language.rawValue)\""
        var body = ""
        for entry in entries {
            let path = entry.chart.headingPath.dropLast().map(\.text).joined(separator: " › ")
            body += "<section\(contentLang)>\n"
            if !path.isEmpty { body += "<p class=\"path\">\(XMLText.escape(path))</p>\n" }
            body += "<h2>\(XMLText.escape(entry.chart.name))</h2>\n"
            body += "<figure>\(entry.svg)<figcaption><a href=\"\(XMLText.escape(entry.fileName))\">\(XMLText.escape(entry.fileName))</a></figcaption></figure>\n"
            let findings = entry.chart.parsed.diagnostics
            if !findings.isEmpty {
                body += "<ul class=\"findings\"\(pageLang)>\n"
                for d in findings {
                    let message = XMLText.escape(d.text.text(language))
                    let severity = d.severity == .error ? (zh ? "错误" : "error") : (zh ? "警告" : "warning")
                    body += "<li class=\"\(d.severity.rawValue)\"><span>\(d.position.line):\(d.position.column)</span> \(severity)\(zh ? "：" : ": ")\(message)</li>\n"
                }
                body += "</ul>\n"
            }
            body += "</section>\n"
        }
        if entries.isEmpty { body = zh ? "<p>此文件中没有流程图。</p>\n" : "<p>No flowcharts in this file.</p>\n" }
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escape(title))</title>
        <style>
        :root { color-scheme: light dark; font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
        body { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
        section { margin: 2.5rem 0; }
        h2 { margin: .2rem 0 .8rem; font-size: 1.2rem; }
        .path { margin: 0; opacity: .7; font-size: .9rem; }
        figure { margin: 0; overflow-x: auto; }
        figcaption { font-size: .8rem; opacity: .7; }
        .findings { font-size: .9rem; }
        .findings .error span, .findings .warning span { font-family: ui-monospace, monospace; }
        .findings .error { color: #c62828; }
        .findings .warning { color: #a15c00; }
        @media (prefers-color-scheme: dark) { .findings .error { color: #ff8a80; } .findings .warning { color: #ffcc80; } }
        </style>
        </head>
        <body>
        <h1\(contentLang)>\(XMLText.escape(title))</h1>
        \(body)<footer><p class="path">\(zh ? "由 InterviewFlow 绘制" : "Drawn by InterviewFlow")</p></footer>
        </body>
        </html>

        """
    }
}

/// Escaping for text and attribute values in HTML and SVG: user text never becomes markup.
public enum XMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0; drop them rather than emit an invalid file.
                if c.value < 0x20 && c != "\n" && c != "\t" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
