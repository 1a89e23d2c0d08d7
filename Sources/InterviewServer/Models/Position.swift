import Fluent
import Vapor

/// An opening the team interviews for: which guide it uses, who works on it, how long candidates'
/// personal data is kept.
final class Position: Model, @unchecked Sendable {
    static let schema = "positions"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Parent(key: "guide_id") var guide: GuideRecord
    /// Days after a candidate is added until their personal data is erased; nil keeps it until erased by hand.
    @OptionalField(key: "retention_days") var retentionDays: Int?
    /// Hours after an interview until its unsubmitted scorecards show as overdue; nil: 24.
    @OptionalField(key: "overdue_hours") var overdueHours: Int?
    /// Who opened it: besides admins, the only one who changes its retention period.
    @OptionalParent(key: "owner_id") var owner: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Siblings(through: PositionMember.self, from: \.$position, to: \.$user) var members: [User]
    @Children(for: \.$position) var candidates: [Candidate]

    init() {}

    init(title: String, guideID: UUID, retentionDays: Int?) {
        self.title = title
        self.$guide.id = guideID
        self.retentionDays = retentionDays
    }

    /// The period that governs, under the server's ceiling (`ServerSettings.maxRetentionDays`): the
    /// position's own, or the ceiling when it is longer or keeps data until erased by hand.
    func retention(limit: Int?) -> Int? {
        guard let limit else { return retentionDays }
        return min(retentionDays ?? limit, limit)
    }

    /// The server's ceiling shortens what the position itself says.
    func isRetentionLimited(by limit: Int?) -> Bool {
        retention(limit: limit) != retentionDays
    }
}

/// Membership of a user in a position: what decides who may see its candidates.
final class PositionMember: Model, @unchecked Sendable {
    static let schema = "position_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "position_id") var position: Position
    @Parent(key: "user_id") var user: User

    init() {}
}
