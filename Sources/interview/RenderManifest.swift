import Foundation

/// What `render` wrote into an output folder last time, so that rendering a guide again removes the
/// drawings of charts it no longer has (a renamed heading, a deleted topic): before, they stayed beside
/// the new ones and a folder served as the guide's pictures showed charts that no longer existed.
/// Only files this list names are ever removed, never anything else in the folder.
struct RenderManifest {
    static let fileName = ".interview-render"

    let folder: String

    /// The names recorded by the last render; a name that is not a plain file name of the kind render
    /// writes is ignored, so an edited list cannot remove anything outside the folder or of the user's.
    func previous() -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter(Self.isRenderedName)
    }

    /// Removes the drawings of the same kind (`.svg` or `.json`) that the last render wrote and this one
    /// did not, then records this one's files beside those of the other kind: rendering SVG and then
    /// layout JSON into one folder keeps both.
    func replace(with written: [String], kind: String) {
        let now = Set(written)
        var kept: [String] = []
        for name in previous() where !now.contains(name) {
            guard name.hasSuffix(kind) else {
                kept.append(name)
                continue
            }
            let file = (folder as NSString).appendingPathComponent(name)
            // A link or a folder under that name is not a drawing we wrote: left alone.
            let type = (try? FileManager.default.attributesOfItem(atPath: file))?[.type] as? FileAttributeType
            if type == .typeRegular { try? FileManager.default.removeItem(atPath: file) }
        }
        OutputFile.write((kept + written).joined(separator: "\n") + "\n", to: path)
    }

    private var path: String { (folder as NSString).appendingPathComponent(Self.fileName) }

    static func isRenderedName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\\") else { return false }
        return name == "index.html" || name.hasSuffix(".svg") || name.hasSuffix(".json")
    }
}
