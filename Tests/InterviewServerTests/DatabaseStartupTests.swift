import Foundation
@testable import InterviewServer
import NIOCore
import Testing

@Suite("Starting on PostgreSQL: what the operator is told, never the password")
struct DatabaseStartupTests {
    /// A password with an unencoded '/' made the URL unreadable, and the whole URL was printed.
    @Test func anUnreadableURLIsSaidWithoutItsPassword() throws {
        for url in ["postgres://interviewflow:S3cret/PW@127.0.0.1:5432/probe", "mysql://x:hunter22@h/db",
                    "postgres://app:pa:ss@db.internal:54x2/interviews"] {
            // act
            let error = #expect(throws: DatabaseStartup.Problem.self) { try DatabaseStartup.configuration(url: url) }
            // verify
            let said = String(describing: error)
            #expect(!said.contains("S3cret") && !said.contains("hunter22") && !said.contains("pa:ss"))
            #expect(said.contains(":***@") && said.contains("percent-encoded") && said.contains("百分号编码"))
        }
        #expect(DatabaseStartup.masked("postgres://app:secret@db:5432/x") == "postgres://app:***@db:5432/x")
        #expect(DatabaseStartup.masked("postgres://app@db/x") == "postgres://app@db/x")
        #expect(DatabaseStartup.place("postgres://app:secret@db.internal:5433/interviews") == "db.internal:5433/interviews")
        // a password with '@' and '/', or one in the query, is never part of what is said
        #expect(DatabaseStartup.place("postgres://app:Pa@ss/w0rd@db:5432/x?sslmode=disable") == "db:5432/x")
        #expect(DatabaseStartup.masked("postgres://db:5432/x?user=app&password=hunter22") == "postgres://db:5432/x?…")
        #expect(!String(describing: DatabaseStartup.Problem.unreadableURL(masked: DatabaseStartup.masked("postgres://h/x?password=hunter22")))
            .contains("hunter22"))
    }

    @Test func aRefusedConnectionIsWaitedForAndSaidInWords() {
        // act
        let refused = DatabaseStartup.explain(IOError(errnoCode: ECONNREFUSED, reason: "connect"), place: "db:5432/x")
        let timedOut = DatabaseStartup.explain(ChannelError.connectTimeout(.seconds(10)), place: "db:5432/x")
        // verify
        #expect(refused.wait && refused.en.contains("connection refused"))
        #expect(String(describing: refused.problem).contains("PostgreSQL（db:5432/x）：该地址没有服务在监听"))
        #expect(timedOut.wait && timedOut.en.contains("timed out"))
    }
}
