import Testing
@testable import InterviewCore

/// Markdown of any shape renders in time linear in its size (security issue: a run of unmatched `[`
/// made the library we had backtrack for seconds per request). Timings vary from machine to machine,
/// so the tests count the renderer's own unit of work instead: steps stay within a fixed multiple of
/// the input's size, and doubling the input about doubles them. The time limit is only a hang guard.
@Suite("Markdown: pathological input renders in linear work", .serialized, .timeLimit(.minutes(1)))
struct MarkdownBoundedWorkTests {
    /// A pathological shape: `make(n)` is the input with the pattern repeated n times.
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var make: @Sendable (Int) -> String
        var testDescription: String { name }
    }

    /// The input size each shape is grown to, at least.
    static let size = 100_000
    /// Steps per input byte no input may exceed. Prose takes 3–5. The worst shape is `[a](` repeated,
    /// about 37: each `](` may read ahead through up to 32 nested parentheses before it gives up
    /// (`MarkdownLinkSyntax.maxParenDepth`), and no more.
    static let stepsPerByte = 48

    static func repeated(_ unit: String, _ n: Int) -> String { String(repeating: unit, count: n) }

    static let shapes: [Shape] = [
        Shape(name: "100k [") { repeated("[", $0) },
        Shape(name: "[[[[…]]]] nested") { repeated("[", $0) + "a" + repeated("]", $0) },
        Shape(name: "[[[[…]]]] nested then (") { repeated("[", $0) + "a" + repeated("](", $0) },
        Shape(name: "*a **b ***c runs") { n in (0..<n).map { repeated("*", $0 % 7 + 1) + "a " }.joined() },
        Shape(name: "*_ alternating") { repeated("*_", $0) + "x" + repeated("_*", $0) },
        Shape(name: "** a ** openers only") { repeated("**a ", $0) },
        Shape(name: "a** closers only") { repeated("a** ", $0) },
        Shape(name: "50k > on one line") { repeated(">", $0) + " text" },
        Shape(name: "> > > spaced on one line") { repeated("> ", $0) + "text" },
        Shape(name: "> lines") { repeated(">\n", $0) },
        Shape(name: "- - - nested items on one line") { repeated("- ", $0) + "x" },
        Shape(name: "1. 1. nested ordered items") { repeated("1. ", $0) + "x" },
        Shape(name: "nested list indents") { n in (0..<n).map { repeated(" ", ($0 % 400) * 2) + "- x\n" }.joined() },
        Shape(name: "<!-- unclosed in a paragraph") { repeated("a <!-- ", $0) },
        Shape(name: "<!-- lines, never closed") { repeated("<!-- x\n", $0) },
        Shape(name: "deep indent lines") { n in repeated(repeated(" ", 1000) + "x\n", n / 100 + 1) },
        Shape(name: "backtick runs of growing length") { n in (1...n).map { repeated("`", $0 % 300 + 1) + " a " }.joined() },
        Shape(name: "backtick runs, each length once") { n in (1...Int(Double(2 * n).squareRoot())).map { repeated("`", $0) + "a" }.joined() },
        Shape(name: "![[![[…") { repeated("![[", $0) },
        Shape(name: "[a]( × n") { repeated("[a](", $0) },
        Shape(name: "[a](b × n") { repeated("[a](b", $0) },
        Shape(name: "[a](b \" × n") { repeated("[a](b \"", $0) },
        Shape(name: "[a](<b × n") { repeated("[a](<b", $0) },
        Shape(name: "[a](( × n") { repeated("[a]((", $0) },
        Shape(name: "[a][ × n") { repeated("[a][", $0) },
        Shape(name: "[a][b] undefined × n") { repeated("[a][b] ", $0) + "\n\n[c]: /c" },
        Shape(name: "< × 50k") { repeated("<", $0) },
        Shape(name: "<a: × n") { repeated("<a:", $0) },
        Shape(name: "<a@ × n") { repeated("<a@", $0) },
        Shape(name: "&# × 50k") { repeated("&#", $0) },
        Shape(name: "&#x1 × n") { repeated("&#x1", $0) },
        Shape(name: "\\ × n") { repeated("\\", $0) },
        Shape(name: "``` fences") { repeated("```\n", $0) },
        Shape(name: "# headings") { repeated("# x\n", $0) },
        Shape(name: "tabs then -") { repeated("\t", $0) + "- x" },
        Shape(name: "> - alternating nest") { repeated("> - ", $0) + "x" },
        Shape(name: "wide table") { n in repeated("|a", n / 4) + "|\n" + repeated("|-", n / 4) + "|\n" + repeated("|x\n", n / 4) },
        Shape(name: "table rows") { n in "|a|b|\n|-|-|\n" + repeated("|x|y|\n", n) },
        Shape(name: "link definitions") { n in (0..<n).map { "[l\($0)]: /u\($0) \"t\"\n" }.joined() + "[l1] [l2]" },
        Shape(name: "reference used many times") { n in "[r]: /" + repeated("x", 1000) + "\n\n" + repeated("[r] ", n) },
        Shape(name: "single long line") { n in repeated("word *em* [link](https://a.org) `code` &amp; ", n / 8 + 1) },
        Shape(name: "- - - thematic-looking items") { repeated("- ", $0) + "*" },
        Shape(name: "setext underlines") { repeated("a\n=\n", $0) },
        Shape(name: "blank lines in 32 nested items") { repeated("- ", 40) + "x\n" + repeated("\n", $0) },
        Shape(name: "blank lines in code in 32 nested items") { repeated("- ", 40) + "x\n" + repeated("\t", 17) + "code\n" + repeated("\n", $0) },
        Shape(name: "text and blank lines in nested items") { repeated("- ", 40) + "x\n" + repeated("\n" + repeated("\t", 16) + "y\n", $0) },
        Shape(name: "* × n") { repeated("*", $0) },
        Shape(name: "_ × n inside words") { repeated("a_", $0) },
        Shape(name: "~~a ~~b") { repeated("~~a ~~b", $0) },
        Shape(name: "emphasis inside links") { repeated("[*a*](b) [*c](d)* ", $0) },
        Shape(name: "links inside links") { repeated("[a [b](c)](d)", $0) },
        Shape(name: "*a × n") { repeated("*a", $0) },
        Shape(name: "`a × n") { repeated("`a", $0) },
        Shape(name: "<a  × n") { repeated("<a ", $0) },
        Shape(name: "one long entity") { "&#" + repeated("9", $0) + ";" },
    ]

    @Test(arguments: shapes) func workIsLinear(_ shape: Shape) {
        // setup: grow the input to at least `size` bytes, and a second one twice as large
        var n = 1_000
        while shape.make(n).utf8.count < Self.size { n *= 2 }
        let input = shape.make(n), double = shape.make(2 * n)
        // act
        let small = MarkdownRenderer.render(input), large = MarkdownRenderer.render(double)
        // verify
        let bytes = input.utf8.count, doubleBytes = double.utf8.count
        #expect(small.steps <= Self.stepsPerByte * bytes)
        #expect(large.steps <= Self.stepsPerByte * doubleBytes)
        // Twice the input, about twice the work: per byte, at most a quarter more (not twice, as
        // quadratic work would be).
        #expect(Double(large.steps) / Double(doubleBytes) <= 1.25 * Double(small.steps) / Double(bytes))
    }

    @Test func aTenMegabyteLineRenders() {
        // setup
        let unit = "word *em* [link](https://a.org) `code` &amp; 中文 "
        let input = Self.repeated(unit, 10_000_000 / unit.utf8.count + 1)
        // act
        let result = MarkdownRenderer.render(input)
        // verify
        #expect(result.steps <= Self.stepsPerByte * input.utf8.count)
        #expect(result.html.hasPrefix("<p>word <em>em</em> <a href=\"https://a.org\""))
        #expect(result.html.hasSuffix("中文</p>\n"))
    }
}
