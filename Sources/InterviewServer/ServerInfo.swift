import InterviewCore

/// The server target grows Vapor, Fluent and Leaf with the web-foundation issue; until then it holds
/// only what the command line needs to say about it.
public enum ServerInfo {
    /// The rating scale new interviews use unless their guide sets one.
    public static let defaultScale = RatingScale.standard
}
