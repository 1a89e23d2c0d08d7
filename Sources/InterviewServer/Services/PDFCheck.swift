import Foundation

/// Whether uploaded bytes are really a PDF: the `%PDF-1.x` header at the start and an `%%EOF` marker near
/// the end, as every conforming writer produces. A renamed HTML or executable fails both.
enum PDFCheck {
    static let maxBytes = 5 * 1024 * 1024

    enum Problem: Error, Equatable { case tooLarge, notPDF }

    static func check(_ data: Data) throws(Problem) {
        if data.count > maxBytes { throw .tooLarge }
        let header = Array(data.prefix(8))
        guard header.count == 8, header.starts(with: Array("%PDF-".utf8)),
              header[5] >= UInt8(ascii: "1"), header[5] <= UInt8(ascii: "2"), header[6] == UInt8(ascii: ".") else {
            throw .notPDF
        }
        let tail = String(decoding: data.suffix(1024), as: UTF8.self)
        guard tail.contains("%%EOF") else { throw .notPDF }
    }
}
