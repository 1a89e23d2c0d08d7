import Foundation
@testable import InterviewServer
import Testing
import Vapor
import Yams

@Suite("docs/openapi.yaml matches the routes")
struct OpenAPITests {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.yaml")

    @Test func everyDocumentedOperationIsRouted() async throws {
        try await withApp { app in
            // setup
            let yaml = try String(contentsOf: Self.document, encoding: .utf8)
            let root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
            let paths = try #require(root["paths"] as? [String: Any])
            let routed = Set(app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            // act
            var documented: [String] = []
            for (path, item) in paths {
                for method in ((item as? [String: Any]) ?? [:]).keys {
                    // `{id}`, `{user}`: the route's `:id`, `:user`.
                    let pattern = path.replacing(#/\{(\w+)\}/#) { ":" + $0.1 }
                    documented.append("\(method.uppercased()) \(pattern)")
                }
            }
            // verify
            #expect(documented.count >= 20)
            for operation in documented {
                #expect(routed.contains(operation), "\(operation) is documented but not routed")
            }
        }
    }

    @Test func everyAPIRouteIsDocumented() async throws {
        try await withApp { app in
            // setup
            let yaml = try String(contentsOf: Self.document, encoding: .utf8)
            let paths = try #require((try Yams.load(yaml: yaml) as? [String: Any])?["paths"] as? [String: Any])
            // act
            let apiRoutes = app.routes.all.filter { $0.path.first?.description == "api" }
            // verify
            for route in apiRoutes {
                let path = "/" + route.path.map(\.description).joined(separator: "/").replacing(#/:(\w+)/#) { "{" + $0.1 + "}" }
                let item = paths[path] as? [String: Any]
                #expect(item?[route.method.rawValue.lowercased()] != nil, "\(route.method.rawValue) \(path) is routed but not documented")
            }
        }
    }
}
