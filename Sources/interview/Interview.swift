import ArgumentParser
import Foundation
import Flowchart
import InterviewCore

@main
struct Interview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "InterviewFlow: structured interviews from Markdown + flowchart.js guides.",
        subcommands: [Serve.self, Run.self, Report.self, Calibrate.self, Stats.self, Demo.self, Lint.self, Render.self, GuideCommand.self, Backup.self, Restore.self]
    )

    /// Usage mistakes exit with 2 (the lint contract: 0 clean, 1 errors found, 2 usage),
    /// where ArgumentParser would use 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A problem with what the user asked for (a missing file, an unwritable directory): exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

extension UsageError {
    /// Prints the message the way ArgumentParser prints validation errors.
    func report() -> Never {
        FileHandle.standardError.write(Data("Error: \(description)\n".utf8))
        Foundation.exit(2)
    }
}

enum InputFile {
    /// Reads a guide or flowchart as UTF-8; invalid bytes become U+FFFD rather than failing the whole file.
    /// `bundled`: a name that is no file but a bundled guide (`python-backend-senior.en`) reads that guide's
    /// Markdown, as the README says every GUIDE argument may be.
    static func read(_ path: String, bundled: Bool = false) -> String {
        let (text, invalid) = readNoting(path, bundled: bundled)
        if let invalid {
            let words = InvalidUTF8.diagnostic(at: invalid).text.text(Language.preferred(from: ProcessInfo.processInfo.environment))
            FileHandle.standardError.write(Data("\(path):\(invalid.line):\(invalid.column): warning: \(words)\n".utf8))
        }
        return text
    }

    /// `read`, with where the first byte that is not UTF-8 is instead of a warning printed (lint reports it
    /// among its findings).
    static func readNoting(_ path: String, bundled: Bool = false) -> (text: String, invalidUTF8: SourcePosition?) {
        // A guide exported as JSON read as a chart gave a page of flowchart.js errors (lint) or came back
        // unchanged with success (convert): say what to do with it instead.
        if path.lowercased().hasSuffix(".json") {
            UsageError(description: "\(path) is a guide exported as JSON; this command reads Markdown guides and chart files: "
                       + "use the Markdown it was exported from, or write it as Markdown with 'interview guide export \(path) -o guide.md'").report()
        }
        if bundled, !FileManager.default.fileExists(atPath: path) {
            if let (id, language) = BundledGuides.named(path), let markdown = BundledGuides.markdown(id: id, language: language) {
                return (markdown, nil)
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            UsageError(description: exists && isDirectory.boolValue ? "\(path) is a directory, not a file"
                       : "cannot read \(path): no such file").report()
        }
        return (String(decoding: data, as: UTF8.self), InvalidUTF8.firstPosition(in: data))
    }
}
