import Flowchart
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import Vapor

/// One SQLite file, one server process. The server keeps sessions, users and scorecard engines in memory
/// because it is the file's only writer (`SingleWriterCaches`); a second process on the same file would
/// serve stale copies and overwrite the first's work. An exclusive `flock` on a file beside the database
/// says who owns it: the kernel drops it when the process ends, however it ends (a `kill -9` leaves no
/// stale lock to clean up by hand).
final class DataFolderLock: Sendable {
    struct InUse: Error, CustomStringConvertible {
        var databasePath: String
        /// Whoever started the server's (`ServerSettings.operatorLanguage`), as the rest of the command line speaks.
        var language: Flowchart.Language
        var description: String {
            language == .zh
                ? "\(databasePath) 所在的数据文件夹正被另一个 InterviewFlow 服务器使用。一个 SQLite 文件只属于一个服务器进程："
                    + "请停止另一个，给这个换一个 --data 文件夹，或在 PostgreSQL（DATABASE_URL）上运行多个实例。"
                : "The data folder of \(databasePath) is in use by another InterviewFlow server. An SQLite file belongs "
                    + "to one server process: stop the other one, give this one another --data folder, or run several "
                    + "instances on PostgreSQL (DATABASE_URL)."
        }
    }

    private let descriptor = Mutex<Int32>(-1)

    /// Takes the lock beside `databasePath`, or throws `InUse` (worded in `language`) at once (never waits).
    init(databasePath: String, language: Flowchart.Language = .en) throws {
        let path = Self.resolved(databasePath) + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Abort(.internalServerError, reason: "cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw InUse(databasePath: databasePath, language: language)
        }
        descriptor.withLock { $0 = fd }
    }

    /// The database's own path, symbolic links followed (in the folder's path or as the file itself): a
    /// folder holding a link to a database in use took a lock of its own beside the link, and a second
    /// server ran on the file. (A hard link is not followed: an operator makes one on purpose or not at all.)
    static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // A link to a file not there yet: followed by hand (realpath fails on it), so the lock is beside the
        // file it will be, not beside the link (the review: a server on the target's folder took another).
        var path = path, hops = 0
        while hops < 40, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            path = target.hasPrefix("/") ? target : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(target).path
            hops += 1
        }
        // Not there yet (a first start): the folder's real path, and the file's name in it.
        let url = URL(fileURLWithPath: path)
        guard let folder = realpath(url.deletingLastPathComponent().path, nil) else { return path }
        defer { free(folder) }
        return String(cString: folder) + "/" + url.lastPathComponent
    }

    /// Lets go of the folder: at shutdown, so a server started next in the same process (the tests)
    /// can take it.
    func release() {
        descriptor.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    deinit { release() }
}

/// Releases the data folder's lock when the application shuts down.
struct DataFolderLockRelease: LifecycleHandler {
    let lock: DataFolderLock

    func shutdown(_ application: Application) { lock.release() }
}

extension Application {
    private struct LockKey: StorageKey { typealias Value = DataFolderLock }

    /// Held for as long as the application lives; released with it (or by the kernel at exit).
    var dataFolderLock: DataFolderLock? {
        get { storage[LockKey.self] }
        set { storage[LockKey.self] = newValue }
    }
}
