import Flowchart
import Foundation

// Measures the flowchart pipeline in release mode: `swift run -c release flowchart-benchmark`.
// Without arguments: generated diagrams of 1,000, 10,000 and 50,000 nodes. With files: those files,
// so the same inputs can be timed with other tools (flowchart.js) side by side.

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("-h") || arguments.contains("--help") {
    print("""
    usage: flowchart-benchmark [--only parse|render] [--sizes N,…] [FILE…]
      prints 'parse N: T ms' and 'render N: T ms' (median) for generated diagrams, or one line per FILE.
      --only limits the run to one measurement, for profiling it alone.
      --sizes picks the generated diagram sizes (default 1000,10000,50000), to profile one size alone.
      --untimed N parses each size N times without timing or printing, so instruction counts
        (valgrind --tool=callgrind, perf stat) are the same from run to run.
    """)
    exit(0)
}
var only: String?
if let i = arguments.firstIndex(of: "--only"), i + 1 < arguments.count {
    only = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
}
var sizes = [1_000, 10_000, 50_000]
if let i = arguments.firstIndex(of: "--sizes"), i + 1 < arguments.count {
    sizes = arguments[i + 1].split(separator: ",").compactMap { Int($0) }.filter { $0 >= 3 }
    arguments.removeSubrange(i...(i + 1))
}
var untimed: Int?
if let i = arguments.firstIndex(of: "--untimed"), i + 1 < arguments.count {
    untimed = Int(arguments[i + 1])
    arguments.removeSubrange(i...(i + 1))
}

if let untimed {
    for size in sizes {
        let text = GeneratedDiagram.text(nodes: size)
        for _ in 0..<untimed { _ = FlowchartParser.parse(text) }
    }
} else if arguments.isEmpty {
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
} else {
    for path in arguments {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            exit(2)
        }
        let text = String(decoding: data, as: UTF8.self)
        let parse = Stopwatch.median { _ = FlowchartDocument(text: text, path: path) }
        let document = FlowchartDocument(text: text, path: path)
        let render = Stopwatch.median {
            for chart in document.charts {
                let layout = FlowchartLayout.layout(chart.parsed.graph)
                _ = SVGRenderer.render(chart.parsed.graph, layout: layout)
            }
        }
        let nodes = document.charts.reduce(0) { $0 + $1.parsed.graph.nodes.count }
        print("\(path): \(nodes) nodes in \(document.charts.count) flowcharts, parse \(Stopwatch.format(parse)) ms, render \(Stopwatch.format(render)) ms")
    }
}
