// swift-tools-version:6.0
import PackageDescription

// Swift 6 language mode everywhere; `any` must be spelled out so existentials stay visible in review.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "InterviewFlow",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "interview", targets: ["interview"]),
        .executable(name: "flowchart-benchmark", targets: ["flowchart-benchmark"]),
        .executable(name: "console-load", targets: ["console-load"]),
        .library(name: "Flowchart", targets: ["Flowchart"]),
        .library(name: "InterviewCore", targets: ["InterviewCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The flowchart.js language: parser with diagnostics, graph, layout, SVG. No dependencies.
        .target(name: "Flowchart", swiftSettings: swiftSettings),
        // Guides, the interview engine, scoring and reports: value types over Flowchart.
        .target(
            name: "InterviewCore",
            dependencies: [
                "Flowchart",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Guides")],
            swiftSettings: swiftSettings
        ),
        // The web application: Vapor + Fluent (SQLite by default, PostgreSQL at scale) + Leaf views.
        .target(
            name: "InterviewServer",
            dependencies: [
                "Flowchart", "InterviewCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources"), .copy("Public")],
            swiftSettings: swiftSettings
        ),
        // The one command users run.
        .executableTarget(
            name: "interview",
            dependencies: [
                "Flowchart", "InterviewCore", "InterviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Measured performance, run with `swift run -c release flowchart-benchmark`.
        .executableTarget(name: "flowchart-benchmark", dependencies: ["Flowchart"], swiftSettings: swiftSettings),
        // Rater calibration on the size (10,000 interviews × 30 ratings), `swift run -c release calibration-benchmark`.
        .executableTarget(name: "calibration-benchmark", dependencies: ["InterviewCore"], swiftSettings: swiftSettings),
        // Does the severity adjustment rank candidates better? Interviews walked through the engine, 20 seeds (Benchmarks/calibration).
        .executableTarget(name: "calibration-simulation", dependencies: ["InterviewCore"], swiftSettings: swiftSettings),
        // libFuzzer targets for the code that reads user text, run by `Fuzz/run.sh TARGET SECONDS` (built with
        // -sanitize=fuzzer,address -DFUZZING); a plain build makes them replay Fuzz/corpus/* instead. `Extern`
        // declares libFuzzer's C entry point (`@_extern(c)`), see Fuzz/README.md.
        // The fuzz targets' plain mode: replaying files through the function under test.
        .target(name: "FuzzReplay", swiftSettings: swiftSettings),
        .executableTarget(name: "fuzz-flowchart", dependencies: ["FuzzReplay", "Flowchart"],
                          swiftSettings: swiftSettings + [.enableExperimentalFeature("Extern")]),
        .executableTarget(name: "fuzz-guide", dependencies: ["FuzzReplay", "InterviewCore"],
                          swiftSettings: swiftSettings + [.enableExperimentalFeature("Extern")]),
        .executableTarget(name: "fuzz-markdown", dependencies: ["FuzzReplay", "InterviewCore"],
                          swiftSettings: swiftSettings + [.enableExperimentalFeature("Extern")]),
        // The console socket's load client, run by Benchmarks/console_load.py (wrk does the HTTP half); on
        // SwiftNIO's WebSocket codec, which comes with Vapor.
        .executableTarget(name: "console-load", dependencies: [.product(name: "Vapor", package: "vapor")], swiftSettings: swiftSettings),

        .testTarget(name: "FlowchartTests", dependencies: ["Flowchart"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "InterviewCoreTests", dependencies: ["InterviewCore"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "InterviewServerTests",
            dependencies: [
                "InterviewServer", "InterviewCore",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "interviewTests", dependencies: ["interview"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
    ]
)
