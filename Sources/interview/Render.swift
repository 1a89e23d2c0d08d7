import ArgumentParser
import Flowchart
import Foundation
import InterviewCore

extension Interview {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.pick("Draw every flowchart of a guide to SVG (or its layout to JSON).", "把指南的每个流程图画成 SVG（或把布局写成 JSON）。"),
            discussion: CommandLineLanguage.pick("""
            Writes one file per flowchart into the output directory. With the SVG format it also writes \
            index.html showing the charts under their headings. Files an earlier render wrote there for charts \
            the guide no longer has are removed (listed in .interview-render); nothing else is touched.
            """, """
            每个流程图在输出文件夹中写成一个文件。SVG 格式还会写出 index.html，把
            各个流程图放在各自的标题下展示。之前的 render 为指南中已不存在的流程图
            写出的文件会被删除（记录在 .interview-render 中）；其他文件一概不动。
            """)
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case svg, json
        }

        @Argument(help: ArgumentHelp(CommandLineLanguage.pick("A Markdown guide or a flowchart file.", "Markdown 指南或流程图文件。")))
        var file: String

        @Option(name: .shortAndLong, help: ArgumentHelp(CommandLineLanguage.pick("Directory to write into (created if missing).", "写入的文件夹（不存在则创建）。")))
        var output: String

        @Option(help: ArgumentHelp(CommandLineLanguage.pick("svg: drawings and index.html; json: node boxes and edge polylines per flowchart.", "svg：图形和 index.html；json：每个流程图的节点框和连线折线。")))
        var format: Format = .svg

        func run() throws {
            let text = InputFile.read(file, bundled: true)
            let document = FlowchartDocument(text: text, path: file)
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                let why = FileErrorText.reason(error, path: output)
                UsageError("cannot create \(output): \(why.en)", "无法创建 \(output)：\(why.zh)").report()
            }
            let names = RenderedFileNames.names(for: document.charts.map(\.name))
            var pages: [IndexPage.Entry] = []
            var written: [String] = []
            for (chart, name) in zip(document.charts, names) {
                let layout = FlowchartLayout.layout(chart.parsed.graph)
                switch format {
                case .json:
                    try write(layout.jsonData(), to: name + ".json")
                    written.append(name + ".json")
                case .svg:
                    var options = SVGOptions()
                    options.title = chart.name
                    let svg = SVGRenderer.render(chart.parsed.graph, layout: layout, options: options)
                    try write(Data(svg.utf8), to: name + ".svg")
                    written.append(name + ".svg")
                    pages.append(IndexPage.Entry(chart: chart, svg: svg, fileName: name + ".svg"))
                }
            }
            let title = MarkdownFlowReader.headings(in: text).first?.text ?? (file as NSString).lastPathComponent
            // The page and the messages speak the user's language (LANG), or under a locale that names
            // none the guide's, as lint does; the guide's own text is marked as the guide's language.
            let guideLanguage: Language = ChineseText.appears(in: document.charts.map(\.name).joined() + title)
                || ReportLanguage(guide: GuideImporter.importMarkdown(text, path: file).guide) == .zh ? .zh : .en
            let pageLanguage = Language.named(in: ProcessInfo.processInfo.environment) ?? guideLanguage
            if format == .svg {
                try write(Data(IndexPage.html(title: title, entries: pages, language: pageLanguage,
                                              contentLanguage: guideLanguage).utf8), to: "index.html")
                written.append("index.html")
            }
            RenderManifest(folder: output).replace(with: written, kind: "." + format.rawValue)
            let count = document.charts.count, plural = count == 1 ? "" : "s"
            let zh = pageLanguage == .zh
            print(format == .svg
                  ? (zh ? "已把 \(count) 个 SVG 文件和 index.html 写入 \(output)" : "wrote \(count) SVG file\(plural) and index.html to \(output)")
                  : (zh ? "已把 \(count) 个布局 JSON 文件写入 \(output)" : "wrote \(count) layout JSON file\(plural) to \(output)"))
            // The drawings show the charts as repaired (a link to an undefined node left out): said here, as
            // guide show, run and convert say it; only index.html listed the findings (the terminal probe).
            GuideArgument.warn(errors: document.allDiagnostics.filter { $0.severity == .error }.count, file: file, drawn: true,
                                language: pageLanguage)
        }

        private func write(_ data: Data, to name: String) throws {
            let path = (output as NSString).appendingPathComponent(name)
            OutputFile.write(data, to: path, inputs: [file])
        }
    }
}
