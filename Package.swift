// swift-tools-version:6.0
import PackageDescription

// Swift 6 language mode everywhere; `any` must be spelled out so existentials stay visible in review.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "InterviewFlow",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "interview", targets: ["interview"]),
        .executable(name: "flowchart-benchmark", targets: ["flowchart-benchmark"]),
        .library(name: "Flowchart", targets: ["Flowchart"]),
        .library(name: "InterviewCore", targets: ["InterviewCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
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
                .product(name: "Ink", package: "Ink"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Guides")],
            swiftSettings: swiftSettings
        ),
        // The web application's edge; grows Vapor and Fluent with the web-foundation issue.
        .target(name: "InterviewServer", dependencies: ["InterviewCore"], swiftSettings: swiftSettings),
        // The one command users run.
        .executableTarget(
            name: "interview",
            dependencies: [
                "Flowchart", "InterviewCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Measured performance, run with `swift run -c release flowchart-benchmark`.
        .executableTarget(name: "flowchart-benchmark", dependencies: ["Flowchart"], swiftSettings: swiftSettings),

        .testTarget(name: "FlowchartTests", dependencies: ["Flowchart"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "InterviewCoreTests", dependencies: ["InterviewCore"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "InterviewServerTests", dependencies: ["InterviewServer"], swiftSettings: swiftSettings),
        .testTarget(name: "interviewTests", dependencies: ["interview"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
    ]
)
