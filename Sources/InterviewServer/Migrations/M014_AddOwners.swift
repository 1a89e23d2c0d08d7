import Fluent

/// Guides and positions get an owner: editing someone else's guide, or a position's retention
/// period, is for its owner and admins only. Existing rows are given the owner they most likely
/// have — a guide the author of its first version (bundled guides have none: admins keep them), a
/// position one of its hiring managers — and nil where there is none, which leaves them to admins.
struct M014_AddOwners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GuideRecord.schema).field("owner_id", .uuid, .references(User.schema, "id")).update()
        try await database.schema(Position.schema).field("owner_id", .uuid, .references(User.schema, "id")).update()
        for guide in try await GuideRecord.query(on: database).all() {
            let first = try await GuideVersion.query(on: database).filter(\.$guide.$id == guide.requireID())
                .sort(\.$createdAt).first()
            guard let author = first?.$author.id else { continue }
            guide.$owner.id = author
            try await guide.save(on: database)
        }
        for position in try await Position.query(on: database).with(\.$members).all() {
            guard let manager = position.members.first(where: { $0.role == .hiringManager }) else { continue }
            position.$owner.id = manager.id
            try await position.save(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuideRecord.schema).deleteField("owner_id").update()
        try await database.schema(Position.schema).deleteField("owner_id").update()
    }
}
