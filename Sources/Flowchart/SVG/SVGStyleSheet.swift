/// The embedded stylesheet. Colours are chosen to read on both light and dark pages: nodes get an
/// opaque fill of their own (so their text never sits on the page), lines a mid grey, and the
/// highlight an orange that stands out on either. Selectors are scoped to `.flowchart` so the SVG can
/// be inlined into a page without restyling it. Plain rules rather than CSS variables, because
/// non-browser renderers (rsvg, resvg) ignore variables.
public enum SVGStyleSheet {
    static let fontFamily = #"system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif"#

    /// An author's own colours (Mermaid `style`/`classDef`, flowchart.js `@>` line styles) are drawn as
    /// presentation attributes, which any stylesheet rule overrides; so the defaults hang on classes a
    /// styled element leaves out for what its author set: `paint` (fill), `line` (stroke colour) and
    /// `weight` (stroke width) for outlines and lines, `ink` for text. An unstyled outline keeps `shape`,
    /// all three at once. Attributes rather than `style="…"`, because pages that inline a drawing forbid
    /// inline style (Content-Security-Policy) and the colours would be lost there.
    static let css = """
    .flowchart text{font-family:\(fontFamily)}
    .flowchart .ink{fill:#1f2933}
    .flowchart .shape,.flowchart .node .paint{fill:#ffffff}
    .flowchart .shape,.flowchart .node .line{stroke:#3e4c59}
    .flowchart .shape,.flowchart .node .weight{stroke-width:1.5}
    .flowchart .detail{fill:none;stroke:#3e4c59;stroke-width:1.5}
    .flowchart .start .shape,.flowchart .end .shape,.flowchart .start .paint,.flowchart .end .paint{fill:#e6f6ff}
    .flowchart .condition .shape,.flowchart .condition .paint{fill:#fffbea}
    .flowchart .note .shape,.flowchart .note .paint{fill:none}
    .flowchart .junction .shape,.flowchart .junction .paint{fill:#3e4c59}
    .flowchart .edge path{fill:none}
    .flowchart .edge .line{stroke:#7b8794}
    .flowchart .edge .weight{stroke-width:1.5}
    .flowchart .arrowhead{fill:#7b8794;stroke:none}
    .flowchart .arrowhead.open{fill:none;stroke:#7b8794;stroke-width:1.5}
    .flowchart .arrowhead-own{stroke:none}
    .flowchart .arrowhead-own.open{fill:none;stroke-width:1.5}
    .flowchart .edge-label .ink{fill:#3e4c59}
    .flowchart .edge-label rect{fill:#ffffff;fill-opacity:0.9}
    .flowchart .frame,.flowchart .group .paint{fill:#9aa5b1;fill-opacity:0.12}
    .flowchart .frame,.flowchart .group .line{stroke:#9aa5b1}
    .flowchart .frame,.flowchart .group .weight{stroke-width:1}
    .flowchart .frame-title{font-weight:600}
    .flowchart .title-backing{fill:#ffffff;fill-opacity:0.9}
    .flowchart .node.unreachable{opacity:0.6}
    .flowchart .node.unreachable .shape,.flowchart .node.unreachable .shape-own,.flowchart .edge.unreachable path{stroke-dasharray:6 4}
    .flowchart .node.taken .shape,.flowchart .node.taken .shape-own,.flowchart .edge.taken path{stroke:#e8590c!important;stroke-width:3!important}
    .flowchart .arrowhead.taken{fill:#e8590c}
    .flowchart .arrowhead.open.taken{fill:none;stroke:#e8590c}
    .flowchart .edge.taken .edge-label text{fill:#d9480f;font-weight:bold}
    @media (prefers-color-scheme: dark){
    .flowchart .ink{fill:#e4e7eb}
    .flowchart .shape,.flowchart .node .paint{fill:#1f2933}
    .flowchart .shape,.flowchart .node .line{stroke:#cbd2d9}
    .flowchart .detail{stroke:#cbd2d9}
    .flowchart .start .shape,.flowchart .end .shape,.flowchart .start .paint,.flowchart .end .paint{fill:#0b3954}
    .flowchart .condition .shape,.flowchart .condition .paint{fill:#3d3420}
    .flowchart .note .shape,.flowchart .note .paint{fill:none}
    .flowchart .junction .shape,.flowchart .junction .paint{fill:#cbd2d9}
    .flowchart .edge .line{stroke:#9aa5b1}
    .flowchart .arrowhead{fill:#9aa5b1}
    .flowchart .arrowhead.open{fill:none;stroke:#9aa5b1}
    .flowchart .edge-label .ink{fill:#e4e7eb}
    .flowchart .edge-label rect,.flowchart .title-backing{fill:#1f2933}
    .flowchart .node.taken .shape,.flowchart .node.taken .shape-own,.flowchart .edge.taken path{stroke:#ff922b!important}
    .flowchart .arrowhead.taken{fill:#ff922b}
    .flowchart .arrowhead.open.taken{fill:none;stroke:#ff922b}
    .flowchart .edge.taken .edge-label text{fill:#ffa94d}
    }
    """
}

extension SVGStyleSheet {
    /// The text inside the drawing's `<style>` element, exactly. Pages that inline a drawing allow
    /// this one stylesheet by its hash in their Content-Security-Policy, rather than any inline style.
    public static var elementText: String { "\n" + css + "\n" }
}
