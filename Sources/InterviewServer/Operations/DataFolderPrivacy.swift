import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The data folder holds every candidate's data, every password hash and every live session id: only
/// the account the server runs as may read it. Under the usual umask (022) SQLite created the database,
/// its `-wal` and `-shm`, and `backup` its copies readable by every local account.
public enum DataFolderPrivacy {
    /// From here on, whatever this process creates is its owner's only. For the commands that write the
    /// data folder or copies of it (`serve`, `demo`, `backup`, `restore`), never for `render` or `guide
    /// convert`, whose files are meant to be shared.
    public static func ownerOnlyFromNowOn() { umask(0o077) }

    /// The files the server keeps in `dataFolder`, made owner-only if an earlier version (or a copy made by
    /// hand) left them readable to others; the folder too, unless it is shared with other files.
    public static func tighten(dataFolder: String) {
        let folder = URL(fileURLWithPath: dataFolder)
        let database = SQLiteBackup.databasePath(inDataFolder: dataFolder)
        let ours = ["", "-wal", "-shm", ".lock", ".before-restore"].map { database + $0 }
            + [ErasureLedger.fileName, ErasureLedger.restoredMarker].map { folder.appendingPathComponent($0).path }
        for path in ours where FileManager.default.fileExists(atPath: path) { chmod(path, 0o600) }
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: dataFolder)) ?? [])
            .filter { name in !ours.contains(folder.appendingPathComponent(name).path) && !name.hasPrefix(".") }
        if others.isEmpty { chmod(dataFolder, 0o700) }
    }
}
