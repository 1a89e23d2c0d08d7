import Foundation

/// `--write-inputs DIR`: the inputs the side-by-side benchmark (Benchmarks/flowchartjs/run.sh) times,
/// written here rather than committed (the 50,000-node guide alone is 5 MB).
/// For each size, the guide our document path reads (`.md`) and the bare chart flowchart.js's
/// `parse` reads (`.flow`), flowchart.js and Mermaid alike, plus the pyflowchart-style corpus.
enum InputWriter {
    static let sizes = [1_000, 5_000, 10_000, 50_000]

    static func write(to directory: String) throws {
        let root = URL(fileURLWithPath: directory)
        let corpus = root.appendingPathComponent("pyflowchart")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for size in sizes {
            let flow = GeneratedDiagram.text(nodes: size)
            try write(flow, root.appendingPathComponent("flowjs-\(size).flow"))
            try write(GeneratedGuide.markdown(diagram: flow, fence: "flow"), root.appendingPathComponent("flowjs-\(size).md"))
            let mermaid = GeneratedDiagram.mermaid(nodes: size)
            try write(mermaid, root.appendingPathComponent("mermaid-\(size).mmd"))
            try write(GeneratedGuide.markdown(diagram: mermaid, fence: "mermaid"), root.appendingPathComponent("mermaid-\(size).md"))
        }
        for file in PyflowchartCorpus.files() {
            try write(file.text, corpus.appendingPathComponent(file.name))
        }
    }

    private static func write(_ text: String, _ url: URL) throws {
        try Data(text.utf8).write(to: url)
    }
}
