/// What an account may do. Admins see and manage everything; hiring managers own positions; interviewers
/// see the positions they are members of.
public enum Role: String, Codable, CaseIterable, Sendable {
    case admin
    case hiringManager = "hiring_manager"
    case interviewer

    /// Hiring managers and admins open positions and decide who works on them.
    var managesPositions: Bool { self != .interviewer }
}
