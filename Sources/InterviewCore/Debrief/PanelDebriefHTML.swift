import Flowchart
import Foundation

/// The panel's debrief as one self-contained, printable HTML file: the Markdown debrief (in which every
/// interviewer's text is already escaped as text) drawn by our own Markdown renderer, under the
/// report's stylesheet. One path from data to page, so the file and the Markdown never disagree.
public enum PanelDebriefHTML {
    public static func render(_ doc: PanelDebriefDocument, candidate: String?) -> String {
        let title = (doc.language == .zh ? "面试讨论" : "Debrief") + (candidate.map { " — " + $0 } ?? "")
        return """
        <!DOCTYPE html>
        <html lang="\(doc.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escape(title))</title>
        <style>\(HTMLReportStyle.elementText)</style>
        </head>
        <body>
        \(GuidanceHTML.render(PanelDebriefMarkdown.render(doc, candidate: candidate)))</body>
        </html>

        """
    }
}
