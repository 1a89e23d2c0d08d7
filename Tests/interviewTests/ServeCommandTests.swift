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

    @Test(arguments: [
        (["--public-url", "notaurl"], "--public-url takes the address people open"),
        (["--public-url", "ftp://x.example"], "--public-url takes the address people open"),
        (["--trusted-proxy", "notanaddr"], "--trusted-proxy takes the proxy's IP address"),
        (["--trusted-proxy", "10.0.0.0/8"], "--trusted-proxy takes the proxy's IP address"),
    ])
    func aMistypedAddressIsAUsageError(arguments: [String], message: String) throws {
        // act: refused before anything starts, where it used to be taken and silently never matched
        let result = try CommandRunner.run(["serve"] + arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
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
