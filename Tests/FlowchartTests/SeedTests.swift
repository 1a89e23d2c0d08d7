import Testing
@testable import Flowchart

/// The seed guide is the real document our first users work from: every real defect must come out
/// at its line, and nothing else.
@Suite("The seed guide", .enabled(if: Seed.isAvailable, Seed.skipMessage))
struct SeedTests {
    @Test func reportsEachRealDefectAtItsLineAndNothingElse() {
        // act
        let document = FlowchartDocument(text: Seed.text, path: Seed.url.path)
        let found = document.allDiagnostics.map { "\($0.position.line):\($0.position.column) \($0.severity.rawValue) \($0.code.rawValue)" }
        // verify
        #expect(found == [
            "20:6 error unknown-type",        // op3=>opeartion in 3.1
            "25:30 error broken-arrow",        // op6-op7 in 3.1
            "25:34 error undefined-node",      // op7 is never defined
            "84:1 warning unlinked-node",      // op9 in 3.3
            "168:1 warning unlinked-node",     // sub1 in the open questions
        ])
    }

    @Test func everyTopicBecomesAChartNamedByItsHeading() {
        let document = FlowchartDocument(text: Seed.text, path: Seed.url.path)
        #expect(document.charts.count == 10)
        #expect(document.charts.map(\.name).first == "3.1一般python web 框架和python app部署问题")
        #expect(document.charts.map(\.name).last == "3.6 一些开放式技术问题")
    }

    @Test func theBrokenChartStillHasItsWholeChain() {
        let chart = FlowchartDocument(text: Seed.text, path: Seed.url.path).charts[0].parsed
        #expect(chart.edgeList == ["st-next->op1", "op1-next->op2", "op2-next->op3", "op3-next->op4",
                                   "op4-next->op5", "op5-next->op6", "op6-next->e"])
        #expect(chart.graph.node("op3")?.type == .operation)
    }

    @Test func gatesAndReferenceTextArePreserved() {
        let redis = FlowchartDocument(text: Seed.text, path: Seed.url.path).charts[1].parsed
        #expect(redis.graph.node("op4")?.text == "redis的有序集合的底层实现(跳表skiplist)")
        #expect(redis.graph.edge(from: "cond1", branch: .yes)?.to == "op4")
        #expect(redis.graph.edge(from: "cond1", branch: .no)?.to == "e")
    }
}
