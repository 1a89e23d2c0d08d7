import Foundation
import Vapor

/// A multipart/form-data body as a browser sends it for a form with a file field.
struct Multipart {
    let boundary = "----interviewflow-test-boundary"
    private var body = Data()

    mutating func field(_ name: String, _ value: String) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }

    mutating func file(_ name: String, filename: String, type: String, _ data: Data) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    var buffer: ByteBuffer {
        var all = body
        all.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(data: all)
    }

    var contentType: HTTPMediaType { HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]) }

    /// A minimal PDF: header, one object, trailer marker.
    static let smallPDF = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
}
