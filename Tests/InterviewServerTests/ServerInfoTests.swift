import InterviewServer
import Testing

@Suite("Server defaults")
struct ServerInfoTests {
    @Test func newInterviewsUseTheStandardScale() {
        #expect(ServerInfo.defaultScale.levels == 0...4)
    }
}
