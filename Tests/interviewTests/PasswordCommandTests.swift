import Foundation
import Testing

/// `interview password`: the way back for the only admin who cannot sign in (an operations probe found
/// none short of editing the database).
@Suite("interview password")
struct PasswordCommandTests {
    @Test func anAdminsPasswordIsSetFromTheCommandLineAndAWeakOneOrAnUnknownEmailIsRefused() throws {
        // setup: a demo folder, its server stopped
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        let demo = try CommandRunner.run(["demo", "--data", data, "--interviews", "1"])
        // act
        let weak = try RunProcess.run(["password", "ada@demo.example", "--data", data], input: ["aaaaaaaaaaaa"])
        let unknown = try RunProcess.run(["password", "nobody@demo.example", "--data", data], input: ["a long enough new phrase"])
        let set = try RunProcess.run(["password", "ADA@demo.example", "--data", data], input: ["a long enough new phrase"])
        let nowhere = try RunProcess.run(["password", "ada@demo.example", "--data", dir.appendingPathComponent("none").path], input: ["a long enough new phrase"])
        // verify
        #expect(demo.status == 0)
        #expect(weak.status == 2 && weak.stderr.contains("too easy to guess"))
        #expect(unknown.status == 2 && unknown.stderr.contains("no account has the email nobody@demo.example"))
        // the account's address as stored, not as typed
        #expect(set.status == 0 && set.stdout.contains("password set for ada@demo.example (admin)"))
        #expect(nowhere.status == 2 && nowhere.stderr.contains("no database at"))
    }
}
