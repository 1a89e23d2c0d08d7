import Testing
@testable import InterviewCore

@Suite("Guide versions: the Markdown lines one changed")
struct TextChangesTests {
    @Test func aReworkedLineIsRemovedThenAddedAtItsNumbers() throws {
        // act
        let lines = try #require(TextChanges.lines(from: "# G\nintro\nold line\nend", to: "# G\nintro\nnew line\nmore\nend"))
        // verify
        #expect(lines.map { "\($0.mark)\($0.number) \($0.text)" } == ["−3 old line", "+3 new line", "+4 more"])
        #expect(TextChanges.lines(from: "same\ntext", to: "same\ntext") == [])
    }

    @Test func aChangedStretchLongerThanTheSpanIsNotListed() {
        // setup: every line different, past a span of 10
        let old = (1...50).map { "a\($0)" }.joined(separator: "\n"), new = (1...50).map { "b\($0)" }.joined(separator: "\n")
        // verify: too long to list; a small edit in a long text still is (its common start and end cut first)
        #expect(TextChanges.lines(from: old, to: new, span: 10) == nil)
        #expect(TextChanges.lines(from: old, to: old.replacingOccurrences(of: "a25\n", with: "x25\n"), span: 10)?.count == 2)
    }
}
