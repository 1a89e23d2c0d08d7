@testable import InterviewServer
import Testing

@Suite("Console actions: client ids")
struct ConsoleActionTests {
    @Test(arguments: ["abcdefgh", "A1-b2_C3", "t1x1764130000-12345", String(repeating: "z", count: 64)])
    func saneIDsAreAccepted(_ id: String) {
        #expect(ConsoleAction(clientID: id, type: .rate).hasValidClientID)
    }

    @Test(arguments: ["short", "", String(repeating: "z", count: 65), "has space1", "ünïcödé1", "quote\"123", "数字一二三四五六七八"])
    func othersAreRefused(_ id: String) {
        #expect(!ConsoleAction(clientID: id, type: .rate).hasValidClientID)
    }
}
