/// The guide's prose as HTML, for the console, the guide library and reports. A guide is user text, so
/// it goes through our own Markdown renderer (`MarkdownRenderer`): raw HTML in the guide is shown as
/// text, links and images keep only http, https, mailto and relative targets, every text and attribute
/// is escaped, and any Markdown renders in time linear in its size.
public enum GuidanceHTML {
    public static func render(_ markdown: String) -> String {
        MarkdownRenderer.html(markdown)
    }
}
