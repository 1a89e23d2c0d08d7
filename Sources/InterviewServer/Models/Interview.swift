import Fluent
import Vapor

/// A scheduled interview. It pins the guide version at scheduling, so later edits to the guide never
/// change what this interview asks or how it is scored; the live console (a later issue) attaches here.
final class Interview: Model, @unchecked Sendable {
    static let schema = "interviews"

    enum Status: String, Codable, CaseIterable, Sendable {
        case scheduled, inProgress = "in_progress", completed, cancelled

        /// A change of status as the security trail writes it ("scheduled -> cancelled"), and reads it back
        /// (`PanelCards.openWhileCancelled`).
        static func trailDetail(from: Status, to: Status) -> String { "\(from.rawValue) -> \(to.rawValue)" }

        static func change(inTrail detail: String) -> (from: Status, to: Status)? {
            let parts = detail.components(separatedBy: " -> ")
            guard parts.count == 2, let from = Status(rawValue: parts[0]), let to = Status(rawValue: parts[1]) else { return nil }
            return (from, to)
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "candidate_id") var candidate: Candidate
    @Parent(key: "guide_version_id") var guideVersion: GuideVersion
    @Field(key: "scheduled_at") var scheduledAt: Date
    @Field(key: "status") var status: Status
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Siblings(through: InterviewInterviewer.self, from: \.$interview, to: \.$user) var interviewers: [User]

    init() {}

    init(candidateID: UUID, guideVersionID: UUID, scheduledAt: Date) {
        self.$candidate.id = candidateID
        self.$guideVersion.id = guideVersionID
        self.scheduledAt = scheduledAt
        self.status = .scheduled
    }
}

final class InterviewInterviewer: Model, @unchecked Sendable {
    static let schema = "interview_interviewers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "interview_id") var interview: Interview
    @Parent(key: "user_id") var user: User

    init() {}
}
