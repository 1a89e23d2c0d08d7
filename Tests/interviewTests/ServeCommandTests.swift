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
        (["--public-url", "https://x.example.com/interviews"], "--public-url takes an address without a path ('/interviews')"),
        (["--connection-idle-timeout", "soon"], "--connection-idle-timeout takes a duration such as 30s, 15m, 12h or 7d, not 'soon'"),
        (["--connection-idle-timeout", "1e16s"], "--connection-idle-timeout takes 1s to 1d, not '1e16s'"),
        (["--connection-idle-timeout", "0.0001s"], "--connection-idle-timeout takes 1s to 1d, not '0.0001s'"),
    ])
    func aMistypedAddressIsAUsageError(arguments: [String], message: String) throws {
        // act: refused before anything starts, where it used to be taken and silently never matched
        let result = try CommandRunner.run(["serve"] + arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A port someone else holds is said before anything starts: no data folder made, no setup link
    /// printed for the other server's port.
    @Test func aPortInUseIsSaidBeforeAnythingStarts() throws {
        // setup: a listener on a free port
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) } }
        _ = listen(holder, 1)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(holder, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("port-\(UUID().uuidString)").path
        // act
        let result = try CommandRunner.run(["serve", "--port", String(port), "--data", folder],
                                           environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        // verify
        #expect(result.status == 2)
        #expect(result.stderr.contains("port \(port) on 127.0.0.1 is already in use"), "\(result.stderr)")
        #expect(!result.stdout.contains("setup?token=") && !FileManager.default.fileExists(atPath: folder))
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
