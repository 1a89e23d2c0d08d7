import Testing
@testable import Flowchart

/// The byte scan reads every document exactly as the Character scan it replaced did.
@Suite("Markdown: the byte scan agrees with the Character scan", .timeLimit(.minutes(2)))
struct MarkdownScanTests {
    @Test func everyGeneratedDocumentScansAsBefore() {
        var rng = TestRandom(seed: 0x5CA9)
        for _ in 0..<4_000 {
            // setup
            let markdown = MarkdownSoup.document(&rng)
            // act
            let (blocks, headings) = MarkdownFlowReader.scan(markdown)
            let reference = ReferenceMarkdownScan.scan(markdown)
            // verify
            let scanned = blocks.map {
                ReferenceMarkdownScan.Block(info: $0.info, headingPath: $0.headingPath, fenceLine: $0.fenceLine,
                                            text: $0.text, isUnclosed: $0.isUnclosed, closingLine: $0.closingLine)
            }
            #expect(scanned == reference.blocks, "\(markdown.debugDescription)")
            #expect(headings == reference.headings, "\(markdown.debugDescription)")
            #expect(blocks.allSatisfy { $0.firstLine == $0.fenceLine + 1 })
        }
    }

    @Test func documentPathParsesEachFlowBlockAsItsTextWouldParse() {
        var rng = TestRandom(seed: 0xD0C5)
        for _ in 0..<2_000 {
            // setup
            let markdown = MarkdownSoup.document(&rng)
            // act
            let document = FlowchartDocument(text: markdown, path: "guide.md")
            let blocks = MarkdownFlowReader.flowBlocks(in: LineEndings.unix(markdown))
            // verify: each chart is what its block's own text parses to, in its syntax (the document path
            // reads "\r\n" as "\n" first).
            #expect(document.charts.count == blocks.count)
            for (chart, block) in zip(document.charts, blocks) {
                let parsed = block.syntax.parse(block.text, firstLine: block.firstLine)
                #expect(chart.parsed.graph == parsed.graph && chart.parsed.diagnostics == parsed.diagnostics,
                        "\(markdown.debugDescription)")
                #expect(chart.name == block.name && chart.firstLine == block.firstLine && chart.headingPath == block.headingPath)
            }
            #expect(document.diagnostics.count == blocks.filter(\.isUnclosed).count)
        }
    }

    @Test func crlfIsOneCharacterToTheScanSoTheDocumentPathReadsItAsALineFeedFirst() {
        // setup: the Character scan never split at "\r\n", and the byte scan keeps that; a guide saved on
        // Windows was therefore one long heading with no charts until the document path made its line
        // ends "\n" before scanning.
        let markdown = "# T\r\n```flow\r\nst=>start\r\n```\r\n"
        // act
        let (blocks, headings) = MarkdownFlowReader.scan(markdown)
        let document = FlowchartDocument(text: markdown, path: "g.md")
        // verify
        #expect(blocks.isEmpty)
        #expect(headings.map(\.text) == ["T\r\n```flow\r\nst=>start\r\n```\r\n"])
        #expect(headings == ReferenceMarkdownScan.scan(markdown).headings)
        #expect(document.charts.map(\.name) == ["T"])
        #expect(document.charts.first?.parsed.graph.nodes.map(\.id) == ["st"])
        #expect(LineEndings.unix(markdown) == "# T\n```flow\nst=>start\n```\n")
        #expect(LineEndings.windows(LineEndings.unix(markdown)) == markdown)
    }

    /// A file saved with classic Mac line ends ("\r" alone) was one line, its "\r"s removed as control
    /// characters: no chart, the whole file its title. A lone "\r" ends a line, as CommonMark reads it,
    /// mixed with the other two kinds too; every line keeps its number and columns.
    @Test func aLoneCarriageReturnEndsALine() {
        // setup
        let markdown = "# T\r```flow\rst=>start\r\nop1=>operation: Q\ne=>end\rst->op1->e\r```\r"
        // act
        let document = FlowchartDocument(text: markdown, path: "g.md")
        // verify
        #expect(LineEndings.unix(markdown) == "# T\n```flow\nst=>start\nop1=>operation: Q\ne=>end\nst->op1->e\n```\n")
        #expect(document.charts.map(\.name) == ["T"])
        #expect(document.charts.first?.parsed.graph.nodes.map(\.id) == ["st", "op1", "e"])
        #expect(document.charts.first?.parsed.diagnostics.isEmpty == true)
        #expect(LineEndings.unix("plain") == "plain" && LineEndings.unix("a\r") == "a\n" && LineEndings.unix("\r\r\n") == "\n\n")
    }
}
