import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `-o` writes, for every command that has it. Found by a helper's audit (stop 23):
/// - a report written with `-o` over its own session log replaced the recorded interview, and `guide
///   export`/`convert` overwrote their guide: an output that is one of the command's inputs (by path,
///   through a link, or the same file by another name) is refused;
/// - the write went to a temporary file renamed over the path, which replaced a symbolic link with a
///   file (its target unchanged) and, run as root, a device such as /dev/full (so no error either): a link
///   is followed, and anything that is not a regular file (a FIFO, /dev/stdout) is written into as it is.
///   A regular file is still written whole or not at all.
enum OutputFile {
    static func write(_ text: String, to path: String, inputs: [String] = []) {
        write(Data(text.utf8), to: path, inputs: inputs)
    }

    static func write(_ data: Data, to path: String, inputs: [String] = []) {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if let input = inputs.first(where: { sameFile($0, path) }) {
            let what = input == path ? "\(path) is" : "\(path) is the same file as \(input),"
            let whatZh = input == path ? "\(path) 是" : "\(path) 与 \(input) 是同一个文件，是"
            UsageError("\(what) an input of this command, and writing there would lose it; name another file",
                       "\(whatZh)此命令的输入，写到那里会丢失它；请换一个文件").report()
        }
        var info = stat()
        let exists = stat(resolved, &info) == 0
        if exists, (info.st_mode & S_IFMT) == S_IFDIR {
            UsageError("cannot write \(path): it is a folder; name a file", "无法写入 \(path)：它是文件夹；请给出文件").report()
        }
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: resolved) else {
                UsageError("cannot write \(path): \(String(cString: strerror(errno)))", "无法写入 \(path)：\(String(cString: strerror(errno)))").report()
            }
            do {
                try handle.write(contentsOf: data)
                try handle.close()
            } catch {
                UsageError("cannot write \(path): \(FileErrorText.reason(error).en)", "无法写入 \(path)：\(FileErrorText.reason(error).zh)").report()
            }
            return
        }
        let folder = (resolved as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            UsageError("cannot write \(path): there is no folder \(folder)", "无法写入 \(path)：没有文件夹 \(folder)").report()
        }
        do {
            try data.write(to: URL(fileURLWithPath: resolved), options: .atomic)
        } catch {
            UsageError("cannot write \(path): \(FileErrorText.reason(error).en)", "无法写入 \(path)：\(FileErrorText.reason(error).zh)").report()
        }
    }

    /// The same file: the same path once links are followed, or the same device and inode.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
        let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
        if ra == rb { return true }
        var sa = stat(), sb = stat()
        guard stat(ra, &sa) == 0, stat(rb, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
