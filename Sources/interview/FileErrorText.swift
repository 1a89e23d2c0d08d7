import Foundation

/// Why a file could not be read or written, in both languages: the system's error number where the error
/// carries one (Foundation's own words were "The operation could not be completed. (NSCocoaErrorDomain
/// error 512.)", in English whatever the language), else Foundation's description.
enum FileErrorText {
    /// `path`, when given, is what was being created: Foundation reports a file in the way of a folder to
    /// create as an unknown write error (512) with no system error number, so the path is looked at.
    static func reason(_ error: any Error, path: String? = nil) -> (en: String, zh: String) {
        guard let code = posixCode(error) ?? path.flatMap(fileInTheWay) else {
            return (error.localizedDescription, error.localizedDescription)
        }
        let english = String(cString: strerror(code))
        return (english, chinese[code] ?? english)
    }

    private static func posixCode(_ error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileWriteFileExists: return EEXIST
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        default: return nil
        }
    }

    /// ENOTDIR when a part of `path` (itself included) exists and is not a folder.
    private static func fileInTheWay(_ path: String) -> Int32? {
        var prefix = URL(fileURLWithPath: path).standardizedFileURL
        while prefix.path != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix.path, isDirectory: &isFolder) {
                return isFolder.boolValue ? nil : (prefix.path == URL(fileURLWithPath: path).standardizedFileURL.path ? EEXIST : ENOTDIR)
            }
            prefix.deleteLastPathComponent()
        }
        return nil
    }

    private static let chinese: [Int32: String] = [
        EACCES: "权限不足", EPERM: "不允许此操作", EEXIST: "已存在同名文件", ENOENT: "没有这个文件或文件夹",
        ENOTDIR: "路径中有一项不是文件夹", EISDIR: "这是一个文件夹", ENOSPC: "磁盘空间不足", EROFS: "文件系统是只读的",
        ENAMETOOLONG: "文件名太长", ELOOP: "符号链接层数太多", EBUSY: "设备或资源忙",
    ]
}
