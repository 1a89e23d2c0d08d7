import Flowchart

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

    /// A topic's guidance with that of the groups it sits in before it, each under its heading (the
    /// console's guidance box, inside the group as well as beside it).
    public static func topic(_ topic: Topic, in guide: Guide) -> String {
        guide.enclosingGroups(ofTopic: topic.key).map { group in
            "<div class=\"group-guidance\"><p class=\"group-heading\">\(XMLText.escape(group.heading))</p>\(render(group.guidance))</div>"
        }.joined() + render(topic.guidance)
    }
}
