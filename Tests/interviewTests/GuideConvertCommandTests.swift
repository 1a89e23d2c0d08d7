import Foundation
import Testing

@Suite("interview guide convert")
struct GuideConvertCommandTests {
    @Test func aGuideIsNeverConvertedOverItself() throws {
        // setup: a copy of the fixture, and another name for it
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = dir.appendingPathComponent("guide.md").path, alias = dir.appendingPathComponent("alias.md").path
        try FileManager.default.copyItem(atPath: CommandRunner.fixture("run-short-guide.md"), toPath: guide)
        try FileManager.default.linkItem(atPath: guide, toPath: alias)
        let original = try String(contentsOfFile: guide, encoding: .utf8)
        // act
        let same = try CommandRunner.run(["guide", "convert", guide, "--to", "mermaid", "-o", guide])
        let hardLink = try CommandRunner.run(["guide", "convert", guide, "--to", "mermaid", "-o", alias])
        let exported = try CommandRunner.run(["guide", "export", guide, "-o", "./" + (guide as NSString).lastPathComponent], in: dir)
        // verify
        for result in [same, hardLink, exported] {
            #expect(result.status == 2 && result.stderr.contains("an input of this command"), "\(result.stderr)")
        }
        #expect(hardLink.stderr.contains("the same file as"))
        #expect(try String(contentsOfFile: guide, encoding: .utf8) == original)
    }

    /// From a probe: a bare chart file came back unchanged as "0 charts converted", with status 0.
    @Test func aBareChartFileIsConvertedWhole() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = dir.appendingPathComponent("chart.mmd").path, flow = dir.appendingPathComponent("chart.flow").path
        try "flowchart LR\n  s([Start]) --> a[Q1] --> b{ok?}\n  b -->|yes| c[Q2]\n  b -->|no| e([End])\n  c --> e\n"
            .write(toFile: chart, atomically: true, encoding: .utf8)
        // act
        let there = try CommandRunner.run(["guide", "convert", chart, "--to", "flowchartjs", "-o", flow])
        let back = try CommandRunner.run(["guide", "convert", flow, "--to", "mermaid"])
        // verify
        #expect(there.status == 0 && there.stderr.contains("1 chart converted"), "\(there.stderr)")
        let written = try String(contentsOfFile: flow, encoding: .utf8)
        #expect(written.hasPrefix("s=>start: Start\na=>operation: Q1\nb=>condition: ok?\n"), "\(written)")
        #expect(written.contains("b(yes, right)->c") && written.contains("b(no, bottom)->e"))
        #expect(back.status == 0 && back.stdout.hasPrefix("flowchart LR\n") && back.stdout.contains("b -->|no| e"), "\(back.stdout)")
    }

    @Test func aGuideConvertsToMermaidAndBackToTheSameOutline() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let guide = CommandRunner.fixture("run-short-guide.md")
        let mermaid = dir.appendingPathComponent("short.mermaid.md").path
        let back = dir.appendingPathComponent("short.flow.md").path
        // act
        let toMermaid = try CommandRunner.run(["guide", "convert", guide, "--to", "mermaid", "-o", mermaid, "--language", "en"])
        let toFlow = try CommandRunner.run(["guide", "convert", mermaid, "--to", "flowchartjs", "-o", back])
        let lint = try CommandRunner.run(["lint", mermaid])
        let outlines = try [guide, mermaid, back].map { try CommandRunner.run(["guide", "show", $0, "--format", "json"]).stdout }
        // verify
        #expect(toMermaid.status == 0 && toFlow.status == 0)
        #expect(toMermaid.stderr.contains("short.mermaid.md: 2 charts converted"))
        let text = try String(contentsOfFile: mermaid, encoding: .utf8)
        #expect(text.contains("```mermaid\nflowchart TD\n") && !text.contains("```flow"))
        #expect(lint.status == 0)
        // The outline carries the guide's version hash, made from its text; everything else must match.
        let withoutVersion = outlines.map { $0.split(separator: "\n").filter { !$0.contains("\"hash\"") && !$0.contains("\"version\"") } }
        #expect(withoutVersion[1] == withoutVersion[0])
        #expect(withoutVersion[2] == withoutVersion[0])
    }

    @Test func standardOutputWithoutOutputAndAnErrorSetsTheStatus() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.md")
        try "# G\n```mermaid\nflowchart LR\n  a[Ask] --> b{More?}\n  b -->|yes| c[Deeper]\n  b --> d[\n```\n".write(to: file, atomically: true, encoding: .utf8)
        // act
        let result = try CommandRunner.run(["guide", "convert", file.path, "--to", "flowchartjs", "--language", "zh"])
        // verify: converted as repaired, findings in Chinese with file:line:col, status 1
        #expect(result.status == 1)
        #expect(result.stdout.contains("```flow\n") && result.stdout.contains("a=>operation: Ask"))
        #expect(result.stderr.contains("\(file.path):6:"))
        #expect(result.stderr.contains("error"))
    }
}
