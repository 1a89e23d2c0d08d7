/// A Markdown interview guide around one diagram, as `interview lint`, `render`, guide import and the
/// server read it: a title, stages and topics with prose, lists, a code sample that is not a chart,
/// the diagram in its fence, and notes after it. The prose is the same whatever the diagram's size.
enum GeneratedGuide {
    /// - Parameter fence: the fence's info string, `flow` or `mermaid`.
    static func markdown(diagram: String, fence: String) -> String {
        var lines = ["# Backend interview guide", "", "A structured interview: every candidate gets the same questions,",
                     "in the same order, and is rated against the same reference answers.", ""]
        for stage in 1...3 {
            lines += ["## Stage \(stage): warm-up and background", "",
                      "Ask the candidate to walk through a recent project. Note **what they owned**, what they",
                      "delegated, and how they measured success. 追问项目中的职责与难点。", "",
                      "- Time box: 10 minutes", "- Rating: 1–4, see the scorecard", "- Follow-up: one level deeper", ""]
            for topic in 1...2 {
                lines += ["### \(stage).\(topic) Topic \(topic) ###", "",
                          "Reference answer: the candidate names the trade-off and a measurement that shows it.", ""]
            }
        }
        lines += ["```python", "# not a heading: a code sample shown to the candidate", "def find(items, key):",
                  "    return next((i for i in items if i.key == key), None)", "```", "",
                  "## Stage 4: the technical deep-dive", "", "### 4.1 The question flow", "",
                  "Follow the chart: a gate asks whether to go deeper; *no* skips the deeper question.", "",
                  "```\(fence)", diagram, "```", "",
                  "## Wrap-up", "", "> Leave five minutes for the candidate's questions.", "",
                  "1. Thank the candidate", "2. Explain the next steps", "3. Fill in the scorecard the same day", ""]
        return lines.joined(separator: "\n")
    }
}
