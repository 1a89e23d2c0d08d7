import Foundation

/// The database a restore replaced (`interviewflow.sqlite.before-restore`) is kept so that a restore of
/// the wrong backup can be undone; but it holds everyone erased since, by request or by retention, and
/// nothing removed it (an operations probe found erased people in it months on). It is removed a week
/// after the restore, by the hourly sweep: long enough to notice the wrong backup, short of any
/// retention period a team promises.
enum KeptBeforeRestore {
    static let keptFor: TimeInterval = 7 * 24 * 3600

    /// Removes the kept database of `dataFolder` once it is older than `keptFor`; returns whether it did.
    @discardableResult
    static func sweep(dataFolder: String, now: Date) -> Bool {
        let kept = SQLiteBackup.databasePath(inDataFolder: dataFolder) + SQLiteBackup.keptSuffix
        guard let modified = (try? FileManager.default.attributesOfItem(atPath: kept))?[.modificationDate] as? Date,
              now.timeIntervalSince(modified) > keptFor else { return false }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: kept + suffix) }
        return !FileManager.default.fileExists(atPath: kept)
    }
}
