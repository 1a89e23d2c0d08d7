import Foundation
import InterviewCore
import Testing

/// Two runners on one log appended in turn, and the log no longer replayed (a probe): a log has one writer.
@Suite("One writer per session log")
struct SessionLogLockTests {
    @Test func aSecondWriterIsRefusedUntilTheFirstEnds() throws {
        // setup
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first: SessionLogFile? = try SessionLogFile(path: path)
        // act + verify: refused while the first is open, with what to do
        do {
            _ = try SessionLogFile(path: path, validLength: 0)
            Issue.record("a second writer was let in")
        } catch {
            #expect(error.text.en == "\(path) is open in another runner; quit that one (q) first, then resume here with --resume")
            #expect(error.text.zh.contains("另一个运行中的面试"))
        }
        #expect(first != nil)
        // the first one ends: the log is free again
        first = nil
        #expect(throws: Never.self) { _ = try SessionLogFile(path: path, validLength: 0) }
    }
}
