/// The report's stylesheet: readable in light and dark mode, printable, no web fonts.
public enum HTMLReportStyle {
    static let css = """
    :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
    body { max-width: 76rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
    h1 { font-size: 1.6rem; margin-bottom: .4rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
    .facts dt { opacity: .7; } .facts dd { margin: 0; }
    .cards { display: flex; flex-wrap: wrap; gap: .8rem; }
    .card { border: 1px solid #9aa5b1; border-radius: .5rem; padding: .5rem 1rem; min-width: 8rem; }
    .card span { display: block; font-size: .85rem; opacity: .75; } .card strong { font-size: 1.5rem; }
    table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
    th, td { border-bottom: 1px solid #cbd2d9; padding: .35rem .5rem; text-align: left; vertical-align: top; }
    thead th { white-space: nowrap; }   /* a Chinese header broke a character a line in narrow columns */
    .formula { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: .85rem; }
    .derivation th { width: 8rem; } .derivation .value { width: 5rem; font-weight: bold; }
    .muted { opacity: .7; } .alert { color: #c92a2a; font-weight: bold; } .over { color: #c92a2a; }
    /* Shaded, not faded: faded rows put the reference answer under 4.5:1 (an accessibility audit). */
    tr.notDemonstrated td, tr.notAsked td { background: rgba(127, 127, 127, .1); }
    details summary { cursor: pointer; font-size: .85rem; opacity: .8; min-height: 24px; line-height: 24px; } details p { margin: .3rem 0; font-size: .88rem; }
    td ul { margin: 0; padding-left: 1.1rem; }
    .answer { white-space: nowrap; }   /* a panel's "3/4" kept whole */
    tr { break-inside: avoid; }        /* a question's row printed on one page */
    figure { margin: .6rem 0; overflow-x: auto; } figcaption { font-size: .8rem; opacity: .7; }
    .score-chart text { font-size: 12px; fill: #1f2933; }
    .score-chart .track { fill: #e4e7eb; } .score-chart .bar { fill: #1971c2; }
    .score-chart .accuracy { stroke: #e8590c; stroke-width: 3; } .score-chart .band { stroke: #7b8794; stroke-dasharray: 4 3; }
    .score-chart .band-label { fill: #52606d; font-size: 10px; }
    @media (prefers-color-scheme: dark) {
      .score-chart text { fill: #e4e7eb; } .score-chart .track { fill: #323f4b; } .score-chart .bar { fill: #4dabf7; }
      .score-chart .band-label { fill: #9aa5b1; } th, td { border-color: #3e4c59; } .alert, .over { color: #ff8787; }
    }
    @media (max-width: 760px) { table { display: block; overflow-x: auto; } }
    /* The score chart in two layouts: titles beside the bars, or above them on a phone (and never both). */
    .score-chart.narrow { display: none; }
    @media screen and (max-width: 600px) { .score-chart.wide { display: none; } .score-chart.narrow { display: block; max-width: 100%; height: auto; } }
    .app-bar button, .app-bar a, .app-preamble a { min-height: 2rem; display: inline-flex; align-items: center; }
    @media print { details { display: block; } details > p { display: block; } .app-bar { display: none; } }
    .skip-link { position: absolute; left: .5rem; top: -3rem; background: #fff; color: #1d2433; padding: .4rem .8rem; border: 2px solid #1d2433; } .skip-link:focus { top: .5rem; }
    .app-bar, .app-preamble { border-bottom: 1px solid #9aa5b1; padding-bottom: .8rem; margin-bottom: 1rem; } .app-bar nav { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
    """
}

extension HTMLReportStyle {
    /// The text inside the report's `<style>` element, exactly: the app allows it by its hash in the
    /// Content-Security-Policy of the report page, rather than any inline style.
    public static var elementText: String { "\n" + css + "\n" }
}
