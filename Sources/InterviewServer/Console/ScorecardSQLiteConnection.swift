import FluentKit
import Foundation
import VaporCSQLite

extension ScorecardSQLiteLine {
    /// A value bound to a statement's parameter.
    enum Value {
        case null, integer(Int), real(Double), text(String)
    }

    /// The open database and its prepared statements; closed when released.
    final class Connection {
        private let db: OpaquePointer
        let begin, insertEvent, updateCard, commit, rollback: OpaquePointer

        init(path: String) throws {
            var handle: OpaquePointer?
            let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
            let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
            guard let handle else { throw ScorecardLineError(code: opened, message: "cannot open \(path)") }
            guard opened == SQLITE_OK else {
                defer { sqlite_nio_sqlite3_close_v2(handle) }
                throw ScorecardLineError(handle, code: opened)
            }
            db = handle
            var prepared: [OpaquePointer] = []
            do {
                sqlite_nio_sqlite3_busy_handler(db, Self.waitForLock, nil)
                for pragma in DatabaseSetup.sqlitePragmas {
                    let status = sqlite_nio_sqlite3_exec(db, "PRAGMA \(pragma)", nil, nil, nil)
                    guard status == SQLITE_OK else { throw ScorecardLineError(db, code: status) }
                }
                for sql in [
                    // IMMEDIATE takes the write lock at the start, so the transaction cannot fail half-way
                    // because another connection began writing after it had read.
                    "BEGIN IMMEDIATE",
                    "INSERT INTO scorecard_events (id, scorecard_id, seq, client_id, event) VALUES (?1, ?2, ?3, ?4, ?5)",
                    // Every card exists already (its row is created with the seat); a note added ends its draft.
                    """
                    UPDATE scorecards SET event_count = ?1, submitted_at = ?2, overall = ?3, coverage = ?4, band = ?5,
                    updated_at = ?6, draft_note = CASE WHEN ?7 THEN NULL ELSE draft_note END WHERE id = ?8
                    """,
                    "COMMIT", "ROLLBACK",
                ] {
                    var statement: OpaquePointer?
                    let status = sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
                    guard status == SQLITE_OK, let statement else { throw ScorecardLineError(db, code: status) }
                    prepared.append(statement)
                }
            } catch {
                for statement in prepared { sqlite_nio_sqlite3_finalize(statement) }
                sqlite_nio_sqlite3_close_v2(db)
                throw error
            }
            (begin, insertEvent, updateCard, commit, rollback) = (prepared[0], prepared[1], prepared[2], prepared[3], prepared[4])
        }

        deinit {
            for statement in [begin, insertEvent, updateCard, commit, rollback] { sqlite_nio_sqlite3_finalize(statement) }
            sqlite_nio_sqlite3_close_v2(db)
        }

        /// Binds the values, steps the statement to its end and resets it for the next use.
        func run(_ statement: OpaquePointer, _ values: [Value] = []) throws {
            defer {
                sqlite_nio_sqlite3_reset(statement)
                sqlite_nio_sqlite3_clear_bindings(statement)
            }
            for (index, value) in values.enumerated() {
                let parameter = Int32(index + 1)
                let status: Int32
                switch value {
                case .null: status = sqlite_nio_sqlite3_bind_null(statement, parameter)
                case .integer(let number): status = sqlite_nio_sqlite3_bind_int64(statement, parameter, Int64(number))
                case .real(let number): status = sqlite_nio_sqlite3_bind_double(statement, parameter, number)
                case .text(let text):
                    var text = text
                    status = text.withUTF8 {
                        sqlite_nio_sqlite3_bind_text64(statement, parameter, $0.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                                       UInt64($0.count), ScorecardSQLiteLine.copyText, UInt8(SQLITE_UTF8))
                    }
                }
                guard status == SQLITE_OK else { throw ScorecardLineError(db, code: status) }
            }
            var status = sqlite_nio_sqlite3_step(statement)
            while status == SQLITE_ROW { status = sqlite_nio_sqlite3_step(statement) }
            guard status == SQLITE_DONE else { throw ScorecardLineError(db, code: status) }
        }

        /// Another connection of this process holds the write lock (a draft being saved, a login): wait
        /// for it in short sleeps, up to ten seconds, instead of failing the whole group.
        private static let waitForLock: @convention(c) (UnsafeMutableRawPointer?, Int32) -> Int32 = { _, attempts in
            guard attempts < 20_000 else { return 0 }
            usleep(500)
            return 1
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound text, which lives only for the call.
    fileprivate static let copyText = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// An SQLite failure on the writer's line, as Fluent would classify it.
struct ScorecardLineError: Error, DatabaseError, CustomStringConvertible {
    var code: Int32
    var message: String

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    init(_ db: OpaquePointer, code: Int32) {
        self.init(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(db)))
    }

    var description: String { "SQLite error \(code): \(message)" }
    var isSyntaxError: Bool { code & 0xFF == SQLITE_ERROR }
    var isConstraintFailure: Bool { code & 0xFF == SQLITE_CONSTRAINT }
    var isConnectionClosed: Bool { code & 0xFF == SQLITE_MISUSE }
}
