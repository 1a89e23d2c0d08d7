import Flowchart
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A session log on disk, opened for appending. `append` returns only once the line is on the disk
/// (write, then fsync), so whatever the caller shows as recorded survives a crash or a kill -9.
public final class SessionLogFile {
    public let path: String
    private var descriptor: Int32

    /// Opens (creating if needed) the log. `validLength` from `SessionLog.decode` cuts off an unfinished
    /// last line first, so the next event starts on a line of its own.
    public init(path: String, validLength: Int? = nil) throws(SessionFileError) {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path)
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SessionFileError(path: path, operation: "open", code: errno) }
        // One writer per log: a second runner resumed on a log still open in another terminal, the two
        // appended in turn, and the log no longer replayed (a probe). Held until this runner ends.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            throw SessionFileError(path: path, operation: "lock", code: code)
        }
        if let validLength {
            guard ftruncate(descriptor, off_t(validLength)) == 0 else {
                throw SessionFileError(path: path, operation: "truncate", code: errno)
            }
            if validLength > 0 && !endsWithNewline(length: validLength) { try write(Array("\n".utf8)) }
        }
        if !existed { syncDirectory() }
    }

    deinit { close(descriptor) }

    public func append(_ event: SessionEvent) throws(SessionFileError) {
        try write(Array(SessionLog.line(for: event).utf8))
        guard fsync(descriptor) == 0 else { throw SessionFileError(path: path, operation: "fsync", code: errno) }
    }

    private func write(_ bytes: [UInt8]) throws(SessionFileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SessionFileError(path: path, operation: "write", code: errno)
            }
            offset += n
        }
    }

    private func endsWithNewline(length: Int) -> Bool {
        let reader = open(path, O_RDONLY | O_CLOEXEC)
        guard reader >= 0 else { return true }
        defer { close(reader) }
        var byte: UInt8 = 0
        return pread(reader, &byte, 1, off_t(length - 1)) == 1 && byte == 0x0A
    }

    /// A new file's directory entry must reach the disk too, or a crash could lose the whole file.
    private func syncDirectory() {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

public struct SessionFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32

    /// The failure in both languages; the system's own reason (strerror) is the same in both.
    public var text: LocalizedText {
        if operation == "lock" && code == EWOULDBLOCK {
            return LocalizedText(en: "\(path) is open in another runner; quit that one (q) first, then resume here with --resume",
                                 zh: "\(path) 正在另一个运行中的面试里打开；请先在那边退出（q），再在这里用 --resume 继续")
        }
        let reason = String(cString: strerror(code))
        let verb = switch operation {
        case "open": "打开"
        case "truncate": "截断"
        case "fsync": "同步写入（fsync）"
        case "write": "写入"
        case "lock": "锁定"
        default: operation
        }
        return LocalizedText(en: "cannot \(operation) \(path): \(reason)", zh: "无法\(verb) \(path)：\(reason)")
    }

    public var description: String { text.en }
}
