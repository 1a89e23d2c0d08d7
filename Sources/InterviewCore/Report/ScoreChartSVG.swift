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

    static let width = 780.0, labelWidth = 230.0, barWidth = 420.0, rowHeight = 28.0, top = 42.0

    static func render(_ rows: [Row], bands: [(minimum: Double, label: String)], title: String, accuracyLabel: String) -> String {
        let height = top + Double(rows.count) * rowHeight + 30
        let x = { (value: Double) in labelWidth + barWidth * min(100, max(0, value)) / 100 }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"score-chart\" width=\"\(n(width))\" height=\"\(n(height))\""
        out += " viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\"><title>\(XMLText.escape(title))</title>\n"
        // Band labels alternate between two heights so neighbouring thresholds (70, 85) never overlap.
        for (i, band) in bands.filter({ $0.minimum > 0 }).sorted(by: { $0.minimum < $1.minimum }).enumerated() {
            let labelY = top - (i % 2 == 0 ? 10 : 24)
            out += "<line class=\"band\" x1=\"\(n(x(band.minimum)))\" y1=\"\(n(labelY + 3))\" x2=\"\(n(x(band.minimum)))\" y2=\"\(n(height - 24))\"/>"
            out += "<text class=\"band-label\" x=\"\(n(x(band.minimum)))\" y=\"\(n(labelY))\" text-anchor=\"middle\">\(XMLText.escape(band.label)) ≥ \(n(band.minimum))</text>\n"
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            out += "<g class=\"row\"><text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 17))\" text-anchor=\"end\">\(XMLText.escape(clip(row.label)))</text>"
            out += "<rect class=\"track\" x=\"\(n(labelWidth))\" y=\"\(n(y + 5))\" width=\"\(n(barWidth))\" height=\"16\"/>"
            if let score = row.score {
                out += "<rect class=\"bar\" x=\"\(n(labelWidth))\" y=\"\(n(y + 5))\" width=\"\(n(x(score) - labelWidth))\" height=\"16\"/>"
            }
            if let accuracy = row.accuracy {
                out += "<line class=\"accuracy\" x1=\"\(n(x(accuracy)))\" y1=\"\(n(y + 2))\" x2=\"\(n(x(accuracy)))\" y2=\"\(n(y + 24))\"/>"
            }
            out += "<text class=\"value\" x=\"\(n(labelWidth + barWidth + 8))\" y=\"\(n(y + 17))\">\(XMLText.escape(row.note))</text></g>\n"
        }
        let legendY = height - 8
        out += "<line class=\"accuracy\" x1=\"\(n(labelWidth))\" y1=\"\(n(legendY - 10))\" x2=\"\(n(labelWidth))\" y2=\"\(n(legendY + 2))\"/>"
        out += "<text class=\"legend\" x=\"\(n(labelWidth + 6))\" y=\"\(n(legendY))\">\(XMLText.escape(accuracyLabel))</text>\n</svg>\n"
        return out
    }

    /// Long topic titles are cut so the label column never runs into the bars.
    static func clip(_ label: String) -> String {
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
