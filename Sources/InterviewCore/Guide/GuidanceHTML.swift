/// The guide's prose as HTML, for the console, the guide library and reports. A guide is user text, so
/// it goes through our own Markdown renderer (`MarkdownRenderer`): raw HTML in the guide is shown as
/// text, links and images keep only http, https, mailto and relative targets, every text and attribute
/// is escaped, and any Markdown renders in time linear in its size. Tables come inside a scrolling
/// `<div class="scroll">`, as every table of the pages does.
public enum GuidanceHTML {
    /// `headingShift`: levels added to each heading, for a page with an h1 of its own (the guide page
    /// shows the guide's `# Title` as an h2 under its own h1).
    public static func render(_ markdown: String, headingShift: Int = 0) -> String {
        MarkdownRenderer.html(markdown, headingShift: headingShift, wrapsTables: true)
    }
}
