import Flowchart

/// The three ways the benchmark times: generated diagrams, one file, a corpus of files.
enum Measure {
    static func generated(sizes: [Int], only: String?) {
        for size in sizes {
            let text = GeneratedDiagram.text(nodes: size)
            if only != "render" {
                let parse = Stopwatch.median { _ = FlowchartParser.parse(text) }
                print("parse \(size): \(Stopwatch.format(parse)) ms")
            }
            guard only != "parse" else { continue }
            let graph = FlowchartParser.parse(text).graph
            let render = Stopwatch.median {
                let layout = FlowchartLayout.layout(graph)
                _ = SVGRenderer.render(graph, layout: layout)
            }
            print("render \(size): \(Stopwatch.format(render)) ms")
        }
    }

    /// `parse` is the document path: Markdown scan, flow blocks, parse, checks.
    static func file(_ path: String, _ text: String, only: String?) {
        let document = FlowchartDocument(text: text, path: path)
        let nodes = document.charts.reduce(0) { $0 + $1.parsed.graph.nodes.count }
        var line = "\(path): \(nodes) nodes in \(document.charts.count) flowcharts"
        if only != "render" {
            let parse = Stopwatch.median { _ = FlowchartDocument(text: text, path: path) }
            line += ", parse \(Stopwatch.format(parse)) ms"
        }
        if only != "parse" {
            let render = Stopwatch.median {
                for chart in document.charts {
                    let layout = FlowchartLayout.layout(chart.parsed.graph)
                    _ = SVGRenderer.render(chart.parsed.graph, layout: layout)
                }
            }
            line += ", render \(Stopwatch.format(render)) ms"
        }
        print(line)
    }

    static func corpus(name: String, files: [(path: String, text: String)]) {
        var nodes = 0, charts = 0
        for file in files {
            let document = FlowchartDocument(text: file.text, path: file.path)
            charts += document.charts.count
            nodes += document.charts.reduce(0) { $0 + $1.parsed.graph.nodes.count }
        }
        let parse = Stopwatch.median {
            for file in files { _ = FlowchartDocument(text: file.text, path: file.path) }
        }
        print("\(name): \(nodes) nodes in \(charts) flowcharts, parse \(Stopwatch.format(parse)) ms")
    }

    /// The graph floor (GraphFloor) over all files as one sample each way, as `corpus` times the
    /// document path: the line split, the labels, and both.
    static func floor(files: [(path: String, text: String)]) {
        var texts = files.map(\.text)
        let labels = texts.map(GraphFloor.labels(of:))
        let count = labels.reduce(0) { $0 + $1.count }
        let lines = Stopwatch.median {
            for i in texts.indices { _ = GraphFloor.splitLines(&texts[i]) }
        }
        let strings = Stopwatch.median {
            for i in texts.indices { _ = GraphFloor.makeLabels(&texts[i], labels[i]) }
        }
        let both = Stopwatch.median {
            for i in texts.indices {
                _ = GraphFloor.splitLines(&texts[i])
                _ = GraphFloor.makeLabels(&texts[i], labels[i])
            }
        }
        print("floor: \(count) labels, lines \(Stopwatch.format(lines)) ms, labels \(Stopwatch.format(strings)) ms, both \(Stopwatch.format(both)) ms")
    }
}
