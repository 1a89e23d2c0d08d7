import Logging
import NIOConcurrencyHelpers

/// A log handler that keeps the messages, to check what reaches the log.
final class LogRecorder: LogHandler, @unchecked Sendable {
    private let storage = NIOLockedValueBox<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var lines: [String] { storage.withLockedValue { $0 } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        storage.withLockedValue { $0.append("\(level) \(message) \(metadata ?? [:])") }
    }
}
