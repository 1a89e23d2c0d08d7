import Fluent
import Vapor

/// The guides a position can use, for select boxes.
struct GuideChoice: Content {
    var id: UUID
    var title: String
    var selected: Bool

    static func all(selected: UUID?, on db: any Database) async throws -> [GuideChoice] {
        try await GuideRecord.query(on: db).sort(\.$slug).all().map {
            let id = try $0.requireID()
            return GuideChoice(id: id, title: "\($0.title) (\($0.slug))", selected: id == selected)
        }
    }
}
