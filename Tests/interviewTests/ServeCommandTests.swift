import Foundation
import Testing

@Suite("interview serve: usage")
struct ServeCommandTests {
    @Test func aBadPortIsAUsageError() throws {
        // act
        let result = try CommandRunner.run(["serve", "--port", "0"])
        // verify
        #expect(result.status == 2)
        #expect(result.stderr.contains("--port must be between 1 and 65535"))
    }

    @Test func theHelpNamesTheDatabaseChoice() throws {
        // act
        let result = try CommandRunner.run(["serve", "--help"])
        // verify
        #expect(result.status == 0)
        #expect(result.stdout.contains("DATABASE_URL"))
        #expect(result.stdout.contains("--data"))
    }
}
