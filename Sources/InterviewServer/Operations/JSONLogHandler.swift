import Foundation
import Logging
import NIOConcurrencyHelpers

/// `--log-format json`: one JSON object per line on standard output, for log collectors —
/// `{"time":"2026-12-04T21:03:11.402Z","level":"info","logger":"codes.vapor.application","message":"GET /healthz","request-id":"…"}`.
///
/// It writes what it is given and nothing more: what the server logs is already chosen so that no
/// secret and no candidate data is in it (paths without query strings, error types without their
/// descriptions — see docs/security.md), and the tests check the JSON lines of a whole session for
/// the secrets and names that went through it. Written here because swift-log ships only a text handler.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let output: @Sendable (String) -> Void

    public init(label: String, level: Logger.Level, output: @escaping @Sendable (String) -> Void = JSONLogHandler.standardOutput) {
        self.label = label
        self.logLevel = level
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
                    file: String, function: String, line: UInt) {
        var fields: [(String, String)] = [
            ("time", Self.timestamp(Date())), ("level", level.rawValue), ("logger", label), ("message", message.description),
        ]
        let merged = metadata.merging(explicit ?? [:]) { _, new in new }
        for key in merged.keys.sorted() where !["time", "level", "logger", "message"].contains(key) {
            fields.append((key, merged[key]!.description))
        }
        output(Self.line(fields))
    }

    /// One log line: an object of string fields, written by the console's `JSONText`, which escapes quotes,
    /// backslashes and every control character — so a line is always exactly one line and one object
    /// whatever a message holds.
    static func line(_ fields: [(String, String)]) -> String {
        var json = JSONText()
        json.object { o in
            for (key, value) in fields {
                o.key(key)
                o.value(value)
            }
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// ISO 8601 in UTC with milliseconds, computed without a formatter (one per line would be costly).
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int(milliseconds % 1000))
    }

    private static let lock = NIOLock()

    /// Whole lines under a lock, so lines from different threads never interleave.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        lock.withLock {
            var bytes = Array(line.utf8)
            bytes.append(UInt8(ascii: "\n"))
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}
