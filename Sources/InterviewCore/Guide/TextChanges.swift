/// The lines one version of a guide's Markdown changed from another: what the question-level diff
/// (`GuideDiff`) does not show — prose, guidance, comments. A colleague's edit to the guidance read "no
/// changes to questions" on the page an author was sent to before saving over it (a probe).
public enum TextChanges {
    public struct Line: Hashable, Sendable {
        /// "+" for a line the later version added, "−" for one it removed.
        public var mark: String
        /// The line's number in the version it belongs to (the later one for "+", the earlier for "−").
        public var number: Int
        public var text: String
    }

    /// The changed lines in order, or nil when the changed stretch is longer than `span` lines on either side
    /// (then comparing both files whole is the way; the diff's work grows with the stretch's square).
    public static func lines(from old: String, to new: String, span: Int = 2_000) -> [Line]? {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        // The common start and end first: an edit is usually a few lines in the middle of a long guide.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let oldMiddle = a[head..<(a.count - tail)], newMiddle = b[head..<(b.count - tail)]
        guard oldMiddle.count <= span, newMiddle.count <= span else { return nil }
        var removed: [Line] = [], inserted: [Line] = []
        for change in Array(newMiddle).difference(from: Array(oldMiddle)) {
            switch change {
            case .remove(let offset, let text, _): removed.append(Line(mark: "−", number: head + offset + 1, text: String(text)))
            case .insert(let offset, let text, _): inserted.append(Line(mark: "+", number: head + offset + 1, text: String(text)))
            }
        }
        // Each removal before the insertions at its place: read top to bottom as "was … now …".
        return (removed + inserted).sorted { ($0.number, $0.mark == "+" ? 1 : 0) < ($1.number, $1.mark == "+" ? 1 : 0) }
    }
}
