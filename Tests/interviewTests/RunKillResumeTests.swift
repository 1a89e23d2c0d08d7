import Foundation
import Testing

/// Issue 4's evidence: kill -9 the runner in the middle of an interview; `--resume` must hold every
/// event the runner had shown as recorded, each at the position and of the type it showed.
@Suite("interview run survives SIGKILL")
struct RunKillResumeTests {
    /// Through the bundled guide's stages 0–2, into 3.1, a jump to Redis and its gate.
    static let commands = ["f", "m 表达清晰", "f", "f", "3", "3", "3", "4", "2", "y", "3", "j 3.2.1",
                           "4", "3", "4", "3", "y", "M 跳表讲得清楚", "2", "s 没做过集群", "1", "3"]

    @Test func resumeHasEveryAcknowledgedEvent() throws {
        // setup
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("killed.jsonl").path
        let runner = Process()
        runner.executableURL = CommandRunner.executable
        runner.arguments = ["run", "--session", log, "--candidate", "C-3", "--language", "en"]
        let stdin = Pipe(), stdout = Pipe()
        (runner.standardInput, runner.standardOutput, runner.standardError) = (stdin, stdout, FileHandle.nullDevice)
        let seen = RunOutputBuffer()
        stdout.fileHandleForReading.readabilityHandler = { seen.append($0.availableData) }
        try runner.run()
        // act: each command once the previous one was acknowledged; the last one is sent and the
        // process killed at once, while it is still working on it
        for (index, command) in Self.commands.enumerated() {
            let before = seen.acknowledged.count
            stdin.fileHandleForWriting.write(Data((command + "\n").utf8))
            if index == Self.commands.count - 1 { break }
            #expect(seen.wait { $0.acknowledged.count > before }, "no acknowledgement for '\(command)'")
        }
        kill(runner.processIdentifier, SIGKILL)
        runner.waitUntilExit()
        stdout.fileHandleForReading.readabilityHandler = nil
        seen.append(stdout.fileHandleForReading.readDataToEndOfFile())
        // The log as the kill left it; a line cut off mid-write has no newline and is not an event.
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let resumed = try RunProcess.run(["run", "--session", log, "--resume", "--language", "en"], input: ["q"])
        // verify
        #expect(runner.terminationReason == .uncaughtSignal && runner.terminationStatus == SIGKILL)
        let acknowledged = seen.acknowledged
        #expect(acknowledged.count >= 30)
        for (number, type) in acknowledged {
            let event = try #require(number <= lines.count ? lines[number - 1] : nil, "event #\(number) lost")
            let object = try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [String: Any]
            #expect(object?["type"] as? String == type, "event #\(number)")
        }
        #expect(resumed.status == 0)
        #expect(resumed.stdout.hasPrefix("resumed \(lines.count) events\n"))
        #expect(lines.count >= acknowledged.map(\.number).max() ?? 0)
    }
}

/// The runner's standard output as it arrives, from the pipe's reading thread.
final class RunOutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    /// "recorded #12 rated 3.2.1/op1 3" → (12, "rated"), for every complete line so far.
    var acknowledged: [(number: Int, type: String)] {
        lock.lock()
        let text = String(decoding: data, as: UTF8.self)
        lock.unlock()
        // Only whole lines: a line cut off by the kill was never fully shown.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return lines.compactMap { line in
            let words = line.split(separator: " ")
            guard words.count >= 3, words[0] == "recorded", let n = Int(words[1].dropFirst()) else { return nil }
            return (n, String(words[2]))
        }
    }

    /// Polls until the condition holds, for up to ten seconds.
    func wait(until condition: (RunOutputBuffer) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if condition(self) { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }
}
