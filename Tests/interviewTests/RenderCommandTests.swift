import Foundation
import Testing

@Suite("interview render")
struct RenderCommandTests {
    @Test func writesOneSVGPerChartAndAnIndex() throws {
        // setup
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        // act
        let result = try CommandRunner.run(["render", CommandRunner.fixture("clean.md"), "-o", out.path])
        // verify
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["01-3-1-caching.svg", "index.html"])
        let svg = try String(contentsOf: out.appendingPathComponent("01-3-1-caching.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<h2>3.1 Caching</h2>"))
        #expect(html.contains("<svg"))
    }

    @Test func userTextIsEscapedInTheIndex() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandRunner.run(["render", CommandRunner.fixture("broken.flow"), "-o", out.path])
        #expect(result.status == 0)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func jsonFormatWritesTheLayoutGeometry() throws {
        // setup
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        // act
        let result = try CommandRunner.run(["render", "--format", "json", CommandRunner.fixture("clean.md"), "-o", out.path])
        // verify
        #expect(result.status == 0)
        let data = try Data(contentsOf: out.appendingPathComponent("01-3-1-caching.json"))
        let layout = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(layout["nodes"] as? [[String: Any]])
        let edges = try #require(layout["edges"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["id"] as? String } == ["st", "op1", "cond1", "op2", "e"])
        #expect(edges.count == 5)
        for edge in edges {
            let points = try #require(edge["points"] as? [[Double]])
            #expect(points.count >= 2)
        }
        let yes = try #require(edges.first { $0["branch"] as? String == "yes" })
        #expect(yes["from"] as? String == "cond1")
        #expect(yes["to"] as? String == "op2")
    }

    @Test func missingOutputIsAUsageError() throws {
        #expect(try CommandRunner.run(["render", CommandRunner.fixture("clean.md")]).status == 2)
    }
}
