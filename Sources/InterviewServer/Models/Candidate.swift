import Fluent
import Vapor

/// A person interviewed for a position. Everything personal is optional because retention and erasure
/// null it while the interviews (and their anonymous scores) stay.
final class Candidate: Model, @unchecked Sendable {
    static let schema = "candidates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "position_id") var position: Position
    @OptionalField(key: "name") var name: String?
    @OptionalField(key: "contact") var contact: String?
    @OptionalField(key: "resume_text") var resumeText: String?
    /// The uploaded resume, in the database so every instance serves the same file.
    @OptionalField(key: "resume_pdf") var resumePDF: Data?
    @OptionalField(key: "notes") var notes: String?
    @OptionalField(key: "erased_at") var erasedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Children(for: \.$candidate) var interviews: [Interview]

    init() {}

    init(positionID: UUID, name: String, contact: String, resumeText: String?, resumePDF: Data?, notes: String?) {
        self.$position.id = positionID
        self.name = name
        self.contact = contact
        self.resumeText = resumeText
        self.resumePDF = resumePDF
        self.notes = notes
    }

    /// Drops every personal field; the row stays so interviews keep their candidate.
    func erasePersonalData(at date: Date) {
        name = nil
        contact = nil
        resumeText = nil
        resumePDF = nil
        notes = nil
        erasedAt = date
    }
}
