import Logging

/// Below `info`, only our own modules' lines are written. The libraries under the server log what they
/// carry when asked for detail: FluentKit's and SQLKit's `debug` lines hold each query's values (session
/// ids, CSRF tokens, candidates' names, contacts, resumes and notes), Vapor's `trace` the request heads
/// with their cookies. An operator who sets `LOG_LEVEL=debug` to chase a bug must not hand every reader
/// of the log a live session. Their lines at `info` and above pass, without the metadata they attach
/// (the request id and other metadata the logger itself carries stay).
struct DependencyQuietLogHandler: LogHandler {
    private var base: any LogHandler

    /// The modules whose detail is ours to choose (`source` is the calling module's name).
    static let ownModules: Set<String> = ["InterviewServer", "InterviewCore", "Flowchart", "interview"]

    init(_ base: any LogHandler) { self.base = base }

    var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        if Self.ownModules.contains(source) {
            base.log(level: level, message: message, metadata: metadata, source: source, file: file, function: function, line: line)
        } else if level >= .info {
            base.log(level: level, message: message, metadata: nil, source: source, file: file, function: function, line: line)
        }
    }
}
