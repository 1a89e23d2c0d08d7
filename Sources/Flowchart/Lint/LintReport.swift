import Foundation

/// One diagnostic as `interview lint` reports it: in a file, in a named flowchart.
public struct LintFinding: Hashable, Sendable {
    public var file: String
    public var flowchart: String?
    public var diagnostic: Diagnostic

    public init(file: String, flowchart: String?, diagnostic: Diagnostic) {
        self.file = file
        self.flowchart = flowchart
        self.diagnostic = diagnostic
    }
}

/// The findings over a set of files, printable as compiler-style lines or as JSON.
public struct LintReport: Sendable {
    public private(set) var findings: [LintFinding] = []
    public private(set) var fileCount = 0
    public private(set) var chartCount = 0

    public init() {}

    /// `more`: findings about the file itself, such as bytes that are not UTF-8.
    public mutating func add(_ document: FlowchartDocument, file: String, more: [Diagnostic] = []) {
        var found = (more + document.diagnostics).map { LintFinding(file: file, flowchart: nil, diagnostic: $0) }
        for chart in document.charts {
            let name = document.isMarkdown ? chart.name : nil
            found += chart.parsed.diagnostics.map { LintFinding(file: file, flowchart: name, diagnostic: $0) }
        }
        add(file: file, chartCount: document.charts.count, findings: found)
    }

    /// Findings gathered elsewhere (a guide's checks), for one file with this many flowcharts.
    public mutating func add(file: String, chartCount: Int, findings found: [LintFinding]) {
        fileCount += 1
        self.chartCount += chartCount
        findings += found.sorted { $0.diagnostic.position < $1.diagnostic.position }
    }

    public var errorCount: Int { findings.filter { $0.diagnostic.severity == .error }.count }
    public var warningCount: Int { findings.count - errorCount }

    /// `FILE:LINE:COL: error: message [in heading]`; with `sources`, each followed by the line and a caret.
    /// The severity stays `error`/`warning` in every language: editors and CI match on it.
    public func text(sources: [String: String]? = nil, language: Language = .en) -> String {
        var out = ""
        // Lines as the reader numbered them: "\r\n" is one Character, so splitting a Windows file at "\n"
        // found one line and showed no snippet at all.
        let lines = sources?.mapValues { LineEndings.unix($0).split(separator: "\n", omittingEmptySubsequences: false) }
        for finding in findings {
            let d = finding.diagnostic
            out += "\(finding.file):\(d.position.line):\(d.position.column): \(d.severity.rawValue): \(d.text.text(language))"
            if let chart = finding.flowchart {
                out += language == .zh ? " [位于 \(chart)]" : " [in \(chart)]"
            }
            out += "\n"
            if let fileLines = lines?[finding.file] {
                out += Snippet.render(d, lines: fileLines, language: language)
            }
        }
        out += summary(language: language) + "\n"
        return out
    }

    public func summary(language: Language = .en) -> String {
        switch language {
        case .en:
            let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
            let charts = chartCount == 1 ? "1 flowchart" : "\(chartCount) flowcharts"
            if findings.isEmpty { return "no problems in \(files) (\(charts))" }
            func count(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
            return "\(count(errorCount, "error")) and \(count(warningCount, "warning")) in \(files) (\(charts))"
        case .zh:
            let files = "\(fileCount) 个文件（\(chartCount) 个流程图）"
            if findings.isEmpty { return "没有发现问题，共 \(files)" }
            return "\(errorCount) 个错误和 \(warningCount) 个警告，共 \(files)"
        }
    }

    /// An array of `{file, line, column, severity, message, messages, fix, code, flowchart}`: `message` in
    /// `language`, `messages` as `{en, zh}`; `fix` is null or `{line, column, endLine, endColumn, replacement}`.
    public func json(language: Language = .en) -> String {
        let objects: [[String: Any]] = findings.map { finding in
            let d = finding.diagnostic
            var fix: Any = NSNull()
            if let f = d.fix {
                fix = ["line": f.start.line, "column": f.start.column, "endLine": f.end.line,
                       "endColumn": f.end.column, "replacement": f.replacement] as [String: Any]
            }
            return ["file": finding.file, "line": d.position.line, "column": d.position.column,
                    "severity": d.severity.rawValue, "message": d.text.text(language),
                    "messages": ["en": d.text.en, "zh": d.text.zh], "fix": fix, "code": d.code.rawValue,
                    "flowchart": finding.flowchart.map { $0 as Any } ?? NSNull()]
        }
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
