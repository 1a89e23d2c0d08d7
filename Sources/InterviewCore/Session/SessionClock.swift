import Foundation

/// Where "now" comes from. The engine never reads the wall clock itself: events carry their times, and
/// the few questions about the present (how long has this stage run?) take a clock, so tests fix it.
public protocol SessionClock: Sendable {
    func now() -> Date
}

public struct SystemClock: SessionClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// Always the same instant: for tests and for reproducible scripted sessions.
public struct FixedClock: SessionClock {
    public var date: Date

    public init(_ date: Date) { self.date = date }

    public func now() -> Date { date }
}
