import Crypto
import Foundation

extension Guide {
    /// Identifies a guide version: the SHA-256 of its canonical JSON. Two imports of the same content
    /// agree; any change to a question, reference, weight or structure gives a new version.
    public var contentHash: String {
        SHA256.hash(data: canonicalJSON()).map { String(format: "%02x", $0) }.joined()
    }

    /// The first 12 hex digits, enough to tell versions apart in lists.
    public var shortHash: String { String(contentHash.prefix(12)) }

    public func canonicalJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
