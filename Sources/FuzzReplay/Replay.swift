import Foundation

/// Runs every file named, and every file inside the directories named, through `body`: the plain (not
/// libFuzzer) mode of every fuzz target, so that the committed corpus doubles as a regression test.
public func replay(_ paths: some Collection<String>, through body: (String) -> Void) -> Int {
    guard !paths.isEmpty else {
        FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE|DIR…\n".utf8))
        exit(2)
    }
    var count = 0
    for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("cannot read \(path): no such file\n".utf8))
            exit(2)
        }
        let files = isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" }
            : [path]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            body(String(decoding: data, as: UTF8.self))
            count += 1
        }
    }
    return count
}
