import Testing
@testable import Flowchart

/// Escaping, highlight, determinism and self-containment of the drawing.
@Suite("SVG rendering") struct SVGTests {
    private func sample() -> FlowGraph {
        var graph = LayoutFixture.graph(["st": .start, "c": .condition, "io": .inputoutput, "sub": .subroutine,
                                         "e": .end, "lost": .operation],
                                        links: [("st", "c", .next), ("c", "io", .yes), ("c", "sub", .no),
                                                ("io", "e", .next), ("sub", "e", .next)], start: "st")
        graph.define(LayoutFixture.node("c", .condition, "是否需要深入redis?"))
        return graph
    }

    private func render(_ graph: FlowGraph, _ options: SVGOptions = .init()) -> String {
        SVGRenderer.render(graph, layout: FlowchartLayout.layout(graph), options: options)
    }

    @Test func userTextIsEscaped() {
        // setup
        var graph = FlowGraph()
        graph.define(LayoutFixture.node(#"x"><script>alert(1)</script>"#, .operation, #"<script>alert("x") & 'y'</script>"#))
        graph.start = graph.nodes[0].id
        // act
        let svg = render(graph, SVGOptions(title: "</title><script>"))
        // verify
        #expect(!svg.contains("<script"))
        // The label wraps, so its pieces land in separate <tspan>s.
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;) &amp;"))
        #expect(svg.contains("&#39;y&#39;&lt;/script&gt;"))
        #expect(svg.contains(#"data-node="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#))
        #expect(svg.contains("<title>&lt;/title&gt;&lt;script&gt;</title>"))
    }

    /// Several drawings in one page get ids of their own; the scope is written into id="…" and url(#…),
    /// so only letters, digits, '-' and '_' of it are kept.
    @Test func anIdScopeNamesTheMarkersAndIsKeptToSafeCharacters() {
        // act
        let scoped = render(sample(), SVGOptions(idScope: "c2-"))
        let hostile = render(sample(), SVGOptions(idScope: #"x"><script>/"#))
        // verify
        #expect(scoped.contains(#"<marker id="c2-fc-arrow""#) && scoped.contains("url(#c2-fc-arrow)"))
        #expect(!hostile.contains("<script"))
        #expect(hostile.contains(#"<marker id="xscriptfc-arrow""#))
    }

    @Test func mermaidCircleCrossAndTwoWayEndsAreDrawnAsWritten() {
        // setup: `--o`, `--x` and `<-->` were all drawn as plain arrows
        let graph = MermaidParser.parse("flowchart TD\nA[Q1] --o B[Q2]\nB --x C[Q3]\nC <--> D[Q4]").graph
        // act
        let svg = render(graph)
        // verify: each line names its own marker, and each marker is defined once
        #expect(svg.contains(#"data-from="A" data-to="B" data-branch="next"><path"#))
        for (from, marker) in [("A", "fc-circle"), ("B", "fc-cross"), ("C", "fc-arrow")] {
            // The line's <path …/>: from its group's data-from up to the path's closing "/>".
            let line = svg.components(separatedBy: "data-from=\"\(from)\"").dropFirst().first.map { String($0.prefix { $0 != "/" }) } ?? ""
            #expect(line.contains("marker-end=\"url(#\(marker))\""), "\(from): \(line)")
        }
        #expect(svg.contains(#"marker-start="url(#fc-arrow-start)""#))
        #expect(svg.contains(#"<marker id="fc-circle""#) && svg.contains("<circle"))
        #expect(svg.contains(#"<marker id="fc-arrow-start""#) && svg.contains(#"orient="auto-start-reverse""#))
        #expect(svg.components(separatedBy: #"<marker id="fc-cross""#).count == 2)
    }

    @Test func mermaidShapesAreDrawnAsTheAuthorDrewThemAndSurviveAFlowchartJSRoundTrip() throws {
        // setup: a database cylinder, a hexagon, a circle start and a double-circle end
        let written = "flowchart TD\ns((Begin)) --> A[(Which tables?)]\nA --> B{{Prepare?}}\nB --> C[Plain]\nC --> e(((Done)))"
        let graph = MermaidParser.parse(written).graph
        // act
        let svg = render(graph)
        let flow = FlowchartJSWriter.write(graph)
        let back = MermaidParser.parse(MermaidWriter.write(FlowchartParser.parse(flow).graph)).graph
        // verify: each node's outline is its shape; the plain box stays a rect; nothing is lost on the way
        func node(_ id: String) -> String { svg.components(separatedBy: "data-node=\"\(id)\">").dropFirst().first.map { String($0.prefix(120)) } ?? "" }
        #expect(node("s").hasPrefix("<ellipse") && node("e").hasPrefix("<ellipse") && node("e").contains("class=\"detail\""))
        #expect(node("A").hasPrefix("<path") && node("A").range(of: #"[0-9]A[0-9]"#, options: .regularExpression) != nil)
        #expect(node("B").hasPrefix("<polygon") && node("B").components(separatedBy: ",").count == 7)
        #expect(node("C").hasPrefix("<rect"))
        #expect(flow.contains("A(shape=cyl)=>operation: Which tables?") && flow.contains("C=>operation: Plain"))
        #expect(back.nodes.map(\.parameters) == graph.nodes.map(\.parameters))
        #expect(graph.node("C")?.parameters.isEmpty == true)
    }

    @Test func highlightMarksExactlyTheGivenNodesAndEdges() {
        // setup
        let highlight = Highlight(nodes: ["st", "c"], edges: [EdgeRef(from: "st", branch: .next), EdgeRef(from: "c", branch: .no)])
        // act
        let svg = render(sample(), SVGOptions(highlight: highlight))
        // verify
        let nodeTags = tags(in: svg, with: "data-node=")
        #expect(nodeTags.count == 6)
        #expect(Set(nodeTags.filter { $0.contains("taken") }.map { attribute("data-node", of: $0) }) == ["st", "c"])
        let edgeTags = tags(in: svg, with: "data-from=")
        #expect(edgeTags.count == 5)
        let taken = edgeTags.filter { $0.contains("taken") }.map { attribute("data-from", of: $0) + "." + attribute("data-branch", of: $0) }
        #expect(Set(taken) == ["st.next", "c.no"])
        #expect(!render(sample()).contains("taken\""))
    }

    @Test func outputIsDeterministic() {
        // setup: the same style written in two insertion orders.
        var first = sample(), second = sample()
        first.link(LayoutFixture.edge("io", "e", .next, style: ["stroke": "red", "stroke-width": "3", "font-color": "blue"]))
        second.link(LayoutFixture.edge("io", "e", .next, style: ["font-color": "blue", "stroke-width": "3", "stroke": "red"]))
        // act
        let a = render(first), b = render(second), c = render(first)
        // verify
        #expect(a == b)
        #expect(a == c)
    }

    @Test func isSelfContained() {
        // act
        let svg = render(sample(), SVGOptions(title: "Redis"))
        // verify
        #expect(svg.components(separatedBy: "http").count == 2)
        #expect(svg.contains(#"xmlns="http://www.w3.org/2000/svg""#))
        for forbidden in ["<script", "<image", "@import", "@font-face", "href", "url(http", "url(/"] {
            #expect(!svg.contains(forbidden), "\(forbidden)")
        }
        #expect(svg.contains("<title>Redis</title>"))
        #expect(svg.contains("viewBox=\"0 0 ") && svg.contains(" width=\"") && svg.contains(" height=\""))
        #expect(svg.contains("Noto Sans CJK SC") && svg.contains("sans-serif"))
    }

    @Test func readableOnDarkBackgrounds() {
        // act
        let svg = render(sample())
        // verify
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(svg.contains("<defs><marker"))
        #expect(!svg.contains("<title>"))
    }

    @Test func drawsShapesLabelsAndData() {
        // act
        let svg = render(sample())
        // verify
        #expect(svg.contains("是否需要深入redis?"))
        #expect(svg.contains(#"class="node condition""#) && svg.contains("<polygon"))
        #expect(svg.contains(#"class="node subroutine""#) && svg.contains(#"class="detail""#))
        #expect(svg.contains(#"class="node operation unreachable" data-node="lost""#))
        #expect(svg.contains(#"data-from="c" data-to="sub" data-branch="no""#))
        #expect(svg.contains(">yes</text>") && svg.contains(">no</text>"))
        #expect(svg.contains(#"marker-end="url(#fc-arrow)""#))
    }

    @Test func lineStylesAreFilteredAndApplied() {
        // setup
        var graph = sample()
        graph.link(LayoutFixture.edge("io", "e", .next, label: "done", style: [
            "stroke": "#c00", "stroke-width": "3px", "stroke-dasharray": "- .", "font-color": "blue", "arrow-end": "none",
        ]))
        graph.link(LayoutFixture.edge("sub", "e", .next, style: [
            "stroke": #"red;background:url(http://evil)"#, "onload": "alert(1)", "stroke-width": #"2" onmouseover="x"#,
        ]))
        // act
        let svg = render(graph)
        // verify
        // Attributes, not style="…": pages that inline the drawing forbid inline style.
        #expect(svg.contains(##"stroke="#c00" stroke-width="3" stroke-dasharray="8 6 2 6"/>"##))
        #expect(svg.contains(#"fill="blue">done</text>"#))
        #expect(!svg.contains("style=\""))
        #expect(!svg.contains("evil") && !svg.contains("onload") && !svg.contains("onmouseover"))
        let styled = tags(in: svg, with: #"data-from="io""#)
        #expect(styled.count == 1)
        #expect(EdgeStyleProbe.hasNoMarker(svg, from: "io"))
    }

    @Test func mermaidNodeStylesAreDrawnAsAttributesAndFiltered() {
        // setup: a class with a light fill (no text colour), a node's own style on top of it, a colour
        // function with commas, and hostile values
        let parsed = MermaidParser.parse("""
        flowchart TD
          A[Ask] --> B[Deeper] --> C[Plain] --> D[Bad]
          classDef deep fill:#ffd8a8,stroke:#e8590c,stroke-width:2px
          class B deep
          style A fill:rgb(30, 30, 120),color:#fff,font-weight:bold,stroke-dasharray:5 5
          style D fill:url(http://evil),stroke:red" onload="x,color:expression(alert(1))
        """)
        // act
        let svg = render(parsed.graph)
        let b = tags(in: svg, with: #"data-node="B""#), c = tags(in: svg, with: #"data-node="C""#)
        // verify: B keeps the default stroke class only for what the class left unset (nothing here);
        // its text is dark, chosen for the light fill
        #expect(b.count == 1 && c.count == 1)
        #expect(svg.contains(##"<rect class="shape-own" fill="#ffd8a8" stroke="#e8590c" stroke-width="2""##))
        #expect(svg.contains(##"<text text-anchor="middle" fill="#1f2933">"##))
        // A: the colour function whole, the author's white text, bold, dashes; no fill class, default stroke classes
        #expect(svg.contains(#"class="shape-own line weight" fill="rgb(30, 30, 120)" stroke-dasharray="5 5""#))
        #expect(svg.contains(##"fill="#fff" font-weight="bold">"##))
        // C: untouched
        #expect(svg.contains(##"<rect class="shape" x="##))
        // D: nothing of the hostile values reaches the drawing
        #expect(!svg.contains("evil") && !svg.contains("onload") && !svg.contains("expression"))
        #expect(!svg.contains("style=\""))
    }

    @Test func aColourThatIsNoColourIsDroppedAndTheDefaultsStay() {
        // setup: a misspelt keyword, full-width hex digits, currentColor, and a see-through fill
        let parsed = MermaidParser.parse("""
        flowchart TD
          A[a] --> B[b] --> C[c] --> D[d]
          style A fill:ligthblue
          style B stroke:#ｆｆｆ
          style C fill:currentColor
          style D fill:#000,fill-opacity:0.1
        """)
        // act
        let svg = render(parsed.graph)
        // verify: A–C keep the stylesheet's paint (class "shape"); D's text keeps the page's ink
        #expect(svg.components(separatedBy: #"<rect class="shape" "#).count - 1 == 3)
        #expect(!svg.contains("ligthblue") && !svg.contains("ｆ") && !svg.contains("currentColor"))
        #expect(svg.contains(##"fill="#000" fill-opacity="0.1""##) && !svg.contains(##"fill="#ffffff">"##))
    }

    @Test func theInkOnAnAuthorsFillIsChosenByItsLuminance() {
        #expect(SVGColorContrast.text(on: "#ffffff") == SVGColorContrast.darkInk)
        #expect(SVGColorContrast.text(on: "#000") == SVGColorContrast.lightInk)
        #expect(SVGColorContrast.text(on: "#f9f") == SVGColorContrast.darkInk)
        #expect(SVGColorContrast.text(on: "navy") == SVGColorContrast.lightInk)
        #expect(SVGColorContrast.text(on: "rgb(255, 255, 0)") == SVGColorContrast.darkInk)
        #expect(SVGColorContrast.text(on: "rgba(10%, 10%, 10%, 0.5)") == SVGColorContrast.lightInk)
        // #767676 is the grey with 4.5:1 against white (luminance 0.18): white ink on it, dark ink just above
        #expect(SVGColorContrast.text(on: "#757575") == SVGColorContrast.lightInk)
        #expect(SVGColorContrast.text(on: "#7a7a7a") == SVGColorContrast.darkInk)
        #expect(SVGColorContrast.text(on: "hsl(220, 80%, 15%)") == SVGColorContrast.lightInk)
        #expect(SVGColorContrast.text(on: "hsl(120deg, 100%, 50%)") == SVGColorContrast.darkInk)
        #expect(SVGColorContrast.text(on: "rebeccapurple") == SVGColorContrast.lightInk)
        #expect(SVGColorContrast.text(on: "darkslategray") == SVGColorContrast.lightInk)
        // Mostly see-through: the page shows, so the page's own ink reads, not one chosen for the colour.
        #expect(SVGColorContrast.text(on: "rgba(0,0,0,0.05)") == nil && SVGColorContrast.text(on: "#0000") == nil)
        #expect(SVGColorContrast.text(on: "#00000080") == SVGColorContrast.lightInk)
    }

    @Test func theStylesheetLeavesAnAuthorsColoursAlone() {
        // Presentation attributes lose to any stylesheet rule, so no rule may set fill or stroke on an
        // outline or a label that carries the author's: only `shape`, `paint`, `line`, `weight`, `ink` do.
        let rules = SVGStyleSheet.css.split(separator: "\n").filter { $0.contains("{") && !$0.hasPrefix("@media") }
        for rule in rules {
            let selectors = rule.prefix { $0 != "{" }, body = rule.drop { $0 != "{" }
            let paints = body.contains("fill:") || body.contains("stroke:") || body.contains("stroke-width:")
            guard paints else { continue }
            let scoped = selectors.split(separator: ",").allSatisfy { selector in
                ["shape", "paint", "line", "weight", "ink", "detail", "arrowhead", "edge-label rect", "taken", "unreachable", "edge path", "frame", "title-backing"]
                    .contains { selector.contains($0) }
            }
            #expect(scoped, "\(rule)")
            #expect(!selectors.contains("text{") && !(selectors.hasSuffix(" text") && !selectors.contains("taken")), "\(rule)")
        }
    }

    @Test func labelsStayInsideTheDrawing() {
        // setup: a yes line forced to leave leftwards from a node at the left edge.
        var graph = LayoutFixture.graph(["c": .condition, "a": .operation], links: [], start: "c")
        graph.link(LayoutFixture.edge("c", "a", .yes, .left, label: "a long label to the left"))
        // act
        let svg = render(graph)
        // verify
        #expect(!svg.contains(#"<text x="-"#))
    }

    @Test func malformedDecodedLayoutsDoNotTrap() {
        // setup
        let graph = sample()
        var layout = FlowchartLayout.layout(graph)
        layout.edges[0].points = [[1], []]
        layout.edges[1].points = []
        // act
        let svg = SVGRenderer.render(graph, layout: layout)
        // verify
        #expect(svg.hasSuffix("</svg>\n"))
    }

    // MARK: helpers

    private func tags(in svg: String, with marker: String) -> [String] {
        svg.components(separatedBy: "<g ").dropFirst().map { String($0.prefix { $0 != ">" }) }.filter { $0.contains(marker) }
    }

    private func attribute(_ name: String, of tag: String) -> String {
        guard let range = tag.range(of: name + "=\"") else { return "" }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }
}

private enum EdgeStyleProbe {
    /// The edge group of `from` draws its path without an arrowhead.
    static func hasNoMarker(_ svg: String, from: String) -> Bool {
        guard let start = svg.range(of: #"data-from="\#(from)""#) else { return false }
        let group = svg[start.upperBound...].prefix { $0 != "\n" }
        return !group.contains("marker-end")
    }
}
