import Fluent

/// Guides and positions get an owner: editing someone else's guide, or a position's retention
/// period, is for its owner and admins only. Existing rows are given the owner they most likely
/// have — a guide the author of its first version (bundled guides have none: admins keep them), a
/// position one of its hiring managers — and nil where there is none, which leaves them to admins.
struct M014_AddOwners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GuideRecord.schema).field("owner_id", .uuid, .references(User.schema, "id")).update()
        try await database.schema(Position.schema).field("owner_id", .uuid, .references(User.schema, "id")).update()
        // Only the columns that exist at this point are read (later migrations add more to these
        // models), and rows are changed with targeted updates rather than saving whole models.
        for guide in try await GuideRecord.query(on: database).field(\.$id).all() {
            let first = try await GuideVersion.query(on: database).filter(\.$guide.$id == guide.requireID())
                .field(\.$id).field(\.$author.$id).field(\.$createdAt).sort(\.$createdAt).first()
            guard let author = first?.$author.id else { continue }
            try await GuideRecord.query(on: database).filter(\.$id == guide.requireID()).set(\.$owner.$id, to: author).update()
        }
        for member in try await PositionMember.query(on: database).field(\.$position.$id).field(\.$user.$id).all() {
            guard let user = try await User.query(on: database).filter(\.$id == member.$user.id).field(\.$id).field(\.$role).first(),
                  user.role == .hiringManager else { continue }
            try await Position.query(on: database).filter(\.$id == member.$position.id).filter(\.$owner.$id == nil)
                .set(\.$owner.$id, to: user.id).update()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuideRecord.schema).deleteField("owner_id").update()
        try await database.schema(Position.schema).deleteField("owner_id").update()
    }
}
