import Foundation
import InterviewCore

/// A clock that moves one minute each time it is read, so every event of a scripted session lands
/// at a known time: event n (0-based) at t0 + n minutes.
final class SessionSteppingClock: SessionClock, @unchecked Sendable {
    private let lock = NSLock()
    private var next: Date
    private let step: TimeInterval

    init(start: Date = SessionTestGuide.t0, step: TimeInterval = 60) {
        next = start
        self.step = step
    }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let date = next
        next += step
        return date
    }
}

/// Drives a session with the runner's script commands ("3", "y", "m text", "j 3.2.1", …) through the
/// same `SessionDriver` the terminal runner uses.
struct SessionTestScript {
    var driver: SessionDriver

    init(guide: Guide = SessionTestGuide.guide(), clock: any SessionClock = SessionSteppingClock()) throws {
        driver = SessionDriver(engine: SessionEngine(guide: guide), clock: clock)
        _ = try driver.record(.started(SessionStart(guideID: guide.id, guideHash: SessionTestGuide.hash, guideTitle: guide.title,
                                                   candidate: "C-017")))
        _ = try driver.advance()
    }

    var state: SessionState { driver.state }
    var events: [SessionEvent] { driver.engine.events }
    var agenda: Agenda { driver.state.agenda(driver.guide) }

    /// Runs each line as the runner would; any refusal fails the test with the line that caused it.
    @discardableResult
    mutating func run(_ lines: String...) throws -> [SessionDriver.Outcome] {
        try lines.map { line in
            guard case .success(let command)? = SessionCommand.parse(line) else { throw CommandError("unparsable: \(line)", "无法解析：\(line)") }
            do { return try driver.perform(command) } catch { throw CommandError("'\(line)': \(error)", "'\(line)'：\(error)") }
        }
    }
}
