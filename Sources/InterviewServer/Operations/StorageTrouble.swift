import AsyncKit
import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO
import Vapor

/// A request that failed because the database could not be reached or the disk could not take the
/// write — not because of anything in the request. The person gets a clear answer they can act on
/// (wait and try again) instead of a 500, and nothing was saved: every write commits before it is
/// acknowledged, so a failed commit is never answered as a success.
///
/// - `unavailable` (503 + Retry-After): PostgreSQL stopped, restarting, refusing connections, or the
///   pool could not hand out a connection in time. The console keeps the action queued and resends it
///   with the same client id, so it is applied once when the database is back.
/// - `diskFull` (507 + Retry-After): SQLite (or PostgreSQL) reported a full disk. SQLite rolls the
///   transaction back, so the file stays intact and the service resumes as soon as space returns.
enum StorageTrouble: Equatable {
    case unavailable
    case diskFull

    /// How long a client should wait before trying again; the console backs off on its own as well.
    static let retryAfterSeconds = 5

    init?(_ error: any Error) {
        if let trouble = Self.classify(error, depth: 0) { self = trouble } else { return nil }
    }

    var status: HTTPResponseStatus {
        switch self {
        case .unavailable: .serviceUnavailable
        case .diskFull: .insufficientStorage
        }
    }

    /// English for the JSON API's `reason` (the console shows it); pages use `Text.pageUnavailable`.
    var reason: String {
        switch self {
        case .unavailable: "The database is not answering; nothing was saved. Try again in a few seconds."
        case .diskFull: "The server's disk is full; nothing was saved. Try again once space has been freed."
        }
    }

    var abort: Abort {
        Abort(status, headers: ["Retry-After": String(Self.retryAfterSeconds)], reason: reason)
    }

    /// Logs the failed request (method, path, status, which layer noticed — never the error's text) and
    /// counts it; the error middleware call this once per request.
    func report(_ req: Request, status: HTTPResponseStatus, error: any Error) {
        req.logger.warning("\(req.method.rawValue) \(req.url.path) \(status.code) \(self) \(String(reflecting: type(of: error)))")
        ServerMetrics.storageTrouble(self)
    }

    /// The error as the client should see it: an `AbortError` as it is, storage trouble as its abort.
    static func abort(for error: any Error) -> (any AbortError)? {
        if let decoding = error as? DecodingError { return DecodingErrorText.abort(decoding) }
        if let abort = error as? any AbortError { return abort }
        // A malformed multipart body: MultipartKit's parser throws its own error, a private type (so named
        // by its module, not matched), which answered 500 (schemathesis). The client's fault: 400.
        if String(reflecting: type(of: error)).hasPrefix("MultipartKit.") {
            return Abort(.badRequest, reason: "the multipart body could not be read")
        }
        return StorageTrouble(error)?.abort
    }

    private static func classify(_ error: any Error, depth: Int) -> StorageTrouble? {
        guard depth < 4 else { return nil }
        switch error {
        case let psql as PSQLError:
            return postgres(psql, depth: depth)
        case let sqlite as SQLiteError:
            return sqliteReason(sqlite.reason)
        case let line as ScorecardLineError:
            return sqliteCode(line.code)
        case is ConnectionPoolTimeoutError, is NIOConnectionError, is ScorecardWriter.CommitTimedOut:
            return .unavailable
        case let pool as ConnectionPoolError:
            // The pool shut down: the server is stopping.
            if case .shutdown = pool { return .unavailable }
            return nil
        case let io as IOError:
            return [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH].contains(io.errnoCode) ? .unavailable : nil
        case let channel as ChannelError:
            switch channel {
            case .ioOnClosedChannel, .alreadyClosed, .eof, .connectPending, .connectTimeout: return .unavailable
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func postgres(_ error: PSQLError, depth: Int) -> StorageTrouble? {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return .unavailable
        case .server:
            // SQLSTATE classes: 08 connection exception, 57P01–57P03 shutting down / cannot connect now,
            // 53100 disk full, 53xxx other resources (connections, memory).
            let state = error.serverInfo?[.sqlState] ?? ""
            if state == "53100" { return .diskFull }
            if state.hasPrefix("08") || state.hasPrefix("53") || ["57P01", "57P02", "57P03"].contains(state) { return .unavailable }
            return nil
        default:
            return error.underlying.flatMap { classify($0, depth: depth + 1) }
        }
    }

    static func sqliteReason(_ reason: SQLiteError.Reason) -> StorageTrouble? {
        switch reason {
        case .full: .diskFull
        case .ioError, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync, .ioErrorFailedTruncate,
             .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedSharedMemOpen, .ioErrorFailedSharedMemSize,
             .ioErrorFailedSharedMemMap, .cantOpen:
            .unavailable
        default: nil
        }
    }

    private static func sqliteCode(_ code: Int32) -> StorageTrouble? {
        switch code & 0xFF {
        case 13: .diskFull  // SQLITE_FULL: the disk (or a quota) is full; the transaction was rolled back
        case 10, 14: .unavailable  // SQLITE_IOERR, SQLITE_CANTOPEN: the disk failed the write or the file
        default: nil
        }
    }
}
