/// One line of the diagram: from a node's branch to another node.
public struct Edge: Hashable, Sendable {
    public var from: String
    public var to: String
    public var branch: Branch
    /// The side of `from` the line leaves from, when the author chose one.
    public var direction: Direction?
    /// Where the link is written (the source piece of the link line).
    public var position: SourcePosition
    /// Labels and line styles are rare; boxed so an edge is 64 bytes instead of 88 and a copy retains
    /// two Strings, not four values. Issue 2: a parse writes and frees thousands of edges.
    /// Nil exactly when there is no label and no style, so the synthesized `==` compares contents.
    private var extras: Extras?

    public init(from: String, to: String, branch: Branch, label: String? = nil, direction: Direction? = nil,
                style: [String: String] = [:], position: SourcePosition) {
        self.from = from
        self.to = to
        self.branch = branch
        self.direction = direction
        self.position = position
        extras = Extras.make(label: label, style: style)
    }

    /// An edge without a line style, as the parser makes them: no empty style dictionary to build
    /// and check, once per edge.
    init(from: String, to: String, branch: Branch, label: String?, direction: Direction?, unstyledAt position: SourcePosition) {
        self.from = from
        self.to = to
        self.branch = branch
        self.direction = direction
        self.position = position
        extras = label.map { Extras.make(label: $0, style: [:]) } ?? nil
    }

    /// An `@label` given in the link, shown instead of yes/no.
    public var label: String? {
        get { extras?.label }
        set { extras = Extras.make(label: newValue, style: style) }
    }

    /// `@>` line style: SVG presentation attributes such as `stroke`.
    public var style: [String: String] {
        get { extras?.style ?? [:] }
        set { extras = Extras.make(label: label, style: newValue) }
    }

    /// Immutable, so sharing one between copies of an edge is safe; a change makes a new box.
    private final class Extras: Hashable, Sendable {
        let label: String?
        let style: [String: String]

        private init(label: String?, style: [String: String]) {
            self.label = label
            self.style = style
        }

        static func make(label: String?, style: [String: String]) -> Extras? {
            label == nil && style.isEmpty ? nil : Extras(label: label, style: style)
        }

        static func == (a: Extras, b: Extras) -> Bool { a.label == b.label && a.style == b.style }

        func hash(into hasher: inout Hasher) {
            hasher.combine(label)
            hasher.combine(style)
        }
    }
}
