/// Box sizes per shape, so that the wrapped label fits inside the drawn outline, not just the
/// bounding box (the diamond and the parallelogram lose their corners).
enum NodeSizing {
    struct Size {
        var lines: [String]
        var width: Double
        var height: Double
    }

    static let minimumWidth = 50.0

    static func size(of node: Node, options: LayoutOptions) -> Size {
        if !node.parameters.isEmpty, MermaidDrawnShape.from(parameter: node.parameters["shape"]) == .junction {
            return Size(lines: [], width: junctionSize, height: junctionSize)
        }
        let maxWidth = node.type == .condition ? options.maxLabelWidth * 0.6 : options.maxLabelWidth
        let lines = TextMetrics.wrap(node.text, maxWidth: maxWidth, fontSize: options.fontSize)
        let textWidth = lines.map { TextMetrics.width(of: $0, fontSize: options.fontSize) }.max() ?? 0
        let textHeight = Double(max(lines.count, 1)) * options.lineHeight
        let pad = options.padding
        var height = textHeight + 1.6 * pad
        var width: Double
        switch node.type {
        case .operation, .parallel:
            width = textWidth + 2 * pad
        case .subroutine:
            width = textWidth + 2 * pad + 2 * subroutineInset
        case .start, .end:
            width = textWidth + 2 * pad + pillRadius(height: height)
        case .inputoutput, .input, .output:
            width = textWidth + 2 * pad + 1.5 * skew(height: height)
        case .condition:
            // The text rectangle's corner (tw/2 + p, th/2 + p) must satisfy |x|/(W/2) + |y|/(H/2) <= 1;
            // doubling both sides puts each term at exactly 1/2, the smallest diamond that holds it.
            let inner = pad / 2
            return Size(lines: lines,
                        width: max(2 * (textWidth + 2 * inner), 2 * minimumWidth).rounded(.up),
                        height: max(2 * (textHeight + 2 * inner), 48).rounded(.up))
        }
        // A Mermaid author's own shape (`shape`), drawn inside this box: room for its caps and slants.
        if !node.parameters.isEmpty, let drawn = MermaidDrawnShape.from(parameter: node.parameters["shape"]),
           !drawn.isDrawnAnyway(as: node.type) {
            switch drawn {
            case .plain, .subroutine: break
            case .stadium: width = textWidth + 2 * pad + pillRadius(height: height)
            case .circle, .doubleCircle, .ellipse:
                // The ellipse through the text rectangle's corners is √2 its size.
                width = (textWidth + pad) * 1.42 + (drawn == .doubleCircle ? 8 : 0)
                height = (textHeight + pad) * 1.42 + (drawn == .doubleCircle ? 8 : 0)
            case .cylinder: height += 2 * cylinderCap
            case .hexagon, .trapezoid, .trapezoidTop, .leanLeft, .leanRight, .asymmetric:
                width = textWidth + 2 * pad + 1.5 * skew(height: height)
            case .junction, .textBlock: break
            case .brace, .braceRight: width = textWidth + 2 * pad + braceWidth
            case .braces: width = textWidth + 2 * pad + 2 * braceWidth
            }
        }
        return Size(lines: lines, width: max(width, minimumWidth).rounded(.up), height: height.rounded(.up))
    }

    /// A junction dot's diameter.
    static let junctionSize = 14.0

    /// How far a note's brace reaches into its box.
    static let braceWidth = 10.0

    /// Height of a cylinder's top and bottom ellipses' half.
    static let cylinderCap = 7.0

    /// Horizontal offset of a parallelogram's slanted sides.
    static func skew(height: Double) -> Double {
        min(max(height * 0.3, 8), 24)
    }

    /// Corner radius of a start/end pill; capped so tall multi-line pills keep room for text.
    static func pillRadius(height: Double) -> Double {
        min(height / 2, 18)
    }

    /// Distance of a subroutine's inner vertical lines from its outer sides.
    static let subroutineInset = 8.0
}
