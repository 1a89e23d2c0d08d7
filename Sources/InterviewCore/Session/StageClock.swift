import Foundation

/// Stage time from event timestamps: elapsed counts every visit to the stage; `now` comes from the
/// caller's clock so the state itself stays a pure fold.
extension SessionState {
    public func elapsed(stage key: String, at now: Date) -> TimeInterval {
        let end = finishedAt.map { min($0, now) } ?? now
        return stages[key]?.elapsed(at: end) ?? 0
    }

    /// Seconds left of the stage's budget (negative when over); nil when the guide gives no budget.
    public func remaining(stage key: String, guide: Guide, at now: Date) -> TimeInterval? {
        guard let minutes = guide.stage(key)?.minutes else { return nil }
        return TimeInterval(minutes * 60) - elapsed(stage: key, at: now)
    }

    /// Time since the interview started, up to its end, less its breaks (see `SessionEvent.Kind.resumed`).
    public func totalElapsed(at now: Date) -> TimeInterval {
        guard let startedAt else { return 0 }
        let end = finishedAt ?? now
        return max(0, end.timeIntervalSince(startedAt) - breakTime(from: startedAt, to: end))
    }

    /// How much of the span from `start` to `end` fell in breaks: a question asked before an interruption
    /// and rated after it took the time around the break, not the night in between.
    public func breakTime(from start: Date, to end: Date) -> TimeInterval {
        breaks.reduce(0) { total, gap in
            total + max(0, min(gap.end, end).timeIntervalSince(max(gap.start, start)))
        }
    }
}
