import Flowchart

/// A horizontal bar chart of topic scores, as inline SVG: one row per topic, the bar the score, a
/// tick the accuracy, dashed lines the recommendation bands. No scripts, fonts or links.
enum ScoreChartSVG {
    struct Row {
        var label: String
        var score: Double?
        var accuracy: Double?
        var note: String
    }

    /// Where a chart's parts go. The wide chart puts each topic's title left of its bar; the narrow one,
    /// for a phone, above it (the wide one, scaled to a phone's 340 px, had 5 px text, and kept at its size
    /// it scrolled sideways). The report carries both and its stylesheet shows one.
    struct Layout {
        var width: Double, labelWidth: Double, barX: Double, barWidth: Double, rowHeight: Double
        var labelAbove: Bool
        var name: String

        static let wide = Layout(width: 780, labelWidth: 230, barX: 230, barWidth: 420, rowHeight: 28, labelAbove: false, name: "wide")
        static let narrow = Layout(width: 340, labelWidth: 340, barX: 0, barWidth: 250, rowHeight: 44, labelAbove: true, name: "narrow")
    }

    static let top = 42.0

    static func render(_ rows: [Row], bands: [(minimum: Double, label: String)], title: String, accuracyLabel: String,
                       layout: Layout = .wide) -> String {
        let (width, barX, barWidth, rowHeight) = (layout.width, layout.barX, layout.barWidth, layout.rowHeight)
        // Above its bar, a title takes the row's first line and the bar its second.
        let barTop = layout.labelAbove ? 20.0 : 5.0
        let height = top + Double(rows.count) * rowHeight + 30
        let x = { (value: Double) in barX + barWidth * min(100, max(0, value)) / 100 }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"score-chart \(layout.name)\" width=\"\(n(width))\" height=\"\(n(height))\""
        out += " viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\"><title>\(XMLText.escape(title))</title>\n"
        // Band labels alternate between two heights so neighbouring thresholds (70, 85) never overlap.
        for (i, band) in bands.filter({ $0.minimum > 0 }).sorted(by: { $0.minimum < $1.minimum }).enumerated() {
            let labelY = top - (i % 2 == 0 ? 10 : 24)
            let bandX = n(x(band.minimum))
            if layout.labelAbove {
                // Through each bar only: a line down the whole chart crossed the titles above the bars.
                out += "<line class=\"band\" x1=\"\(bandX)\" y1=\"\(n(labelY + 3))\" x2=\"\(bandX)\" y2=\"\(n(top - 2))\"/>"
                for row in rows.indices {
                    let y = top + Double(row) * rowHeight + barTop
                    out += "<line class=\"band\" x1=\"\(bandX)\" y1=\"\(n(y - 2))\" x2=\"\(bandX)\" y2=\"\(n(y + 18))\"/>"
                }
            } else {
                out += "<line class=\"band\" x1=\"\(bandX)\" y1=\"\(n(labelY + 3))\" x2=\"\(bandX)\" y2=\"\(n(height - 24))\"/>"
            }
            out += "<text class=\"band-label\" x=\"\(bandX)\" y=\"\(n(labelY))\" text-anchor=\"middle\">\(XMLText.escape(band.label)) ≥ \(n(band.minimum))</text>\n"
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let label = XMLText.escape(clip(row.label, width: layout.labelWidth))
            out += layout.labelAbove
                ? "<g class=\"row\"><text class=\"label\" x=\"0\" y=\"\(n(y + 14))\">\(label)</text>"
                : "<g class=\"row\"><text class=\"label\" x=\"\(n(barX - 8))\" y=\"\(n(y + 17))\" text-anchor=\"end\">\(label)</text>"
            out += "<rect class=\"track\" x=\"\(n(barX))\" y=\"\(n(y + barTop))\" width=\"\(n(barWidth))\" height=\"16\"/>"
            if let score = row.score {
                out += "<rect class=\"bar\" x=\"\(n(barX))\" y=\"\(n(y + barTop))\" width=\"\(n(x(score) - barX))\" height=\"16\"/>"
            }
            if let accuracy = row.accuracy {
                out += "<line class=\"accuracy\" x1=\"\(n(x(accuracy)))\" y1=\"\(n(y + barTop - 3))\" x2=\"\(n(x(accuracy)))\" y2=\"\(n(y + barTop + 19))\"/>"
            }
            out += "<text class=\"value\" x=\"\(n(barX + barWidth + 8))\" y=\"\(n(y + barTop + 12))\">\(XMLText.escape(row.note))</text></g>\n"
        }
        let legendY = height - 8
        out += "<line class=\"accuracy\" x1=\"\(n(barX))\" y1=\"\(n(legendY - 10))\" x2=\"\(n(barX))\" y2=\"\(n(legendY + 2))\"/>"
        out += "<text class=\"legend\" x=\"\(n(barX + 6))\" y=\"\(n(legendY))\">\(XMLText.escape(accuracyLabel))</text>\n</svg>\n"
        return out
    }

    /// Long topic titles are cut so the label never runs into the bars (or, above them, off the chart).
    static func clip(_ label: String, width labelWidth: Double = Layout.wide.labelWidth) -> String {
        var width = 0.0, out = ""
        for c in label {
            width += c.unicodeScalars.first.map { $0.value > 0x2E80 ? 13 : 7.5 } ?? 7.5
            if width > labelWidth - 16 { return out + "…" }
            out.append(c)
        }
        return out
    }

    private static func n(_ value: Double) -> String { ScoreFormat.number(value) }
}
