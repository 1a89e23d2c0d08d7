import Foundation
import Vapor

/// Serves the files of `Public` (the console's script, the style sheet) and passes everything else on.
///
/// Vapor's `FileMiddleware` asks the file system about every request's path before passing it on: an
/// async middleware (a hop to the concurrency pool and back) that stats the path on NIO's file thread
/// pool — for every API call and page, not only for files. The public files are fixed when the server
/// is built, so they are listed once at startup and any other request goes on without leaving its
/// event loop.
struct PublicFiles: Middleware {
    private let directory: String
    /// Request paths of the files, such as "/console.js".
    let paths: Set<String>

    /// `Public` in the server's resource bundle (the bundle root, not `resourceURL`: Foundation on Linux
    /// takes a `Resources` folder inside as that).
    static var bundledDirectory: String { Bundle.module.bundleURL.appendingPathComponent("Public").path }

    init(directory: String = bundledDirectory) {
        self.directory = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var paths: Set<String> = []
        let files = FileManager.default.enumerator(atPath: self.directory)
        while let file = files?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: self.directory + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.insert("/" + file)
            }
        }
        self.paths = paths
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .GET || request.method == .HEAD else { return next.respond(to: request) }
        let path = request.url.path
        guard paths.contains(path) else { return next.respond(to: request) }
        let file = directory + path
        return request.eventLoop.makeFutureWithTask { try await request.fileio.asyncStreamFile(at: file) }
    }
}
