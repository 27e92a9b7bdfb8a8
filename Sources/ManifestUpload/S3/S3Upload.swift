import Foundation
import ManifestKit
import Synchronization

extension S3Client {
    /// Objects above this size are sent in parts (multipart upload).
    public static let multipartThreshold = 64 << 20

    /// Writes `body` as the object `uri`: one PUT up to `threshold` bytes, else a multipart upload of
    /// `partBytes` parts (`concurrency` at once), each with its SHA-256 for S3 to verify, the whole
    /// upload aborted when a part fails (so that no half object or stray parts are left).
    public func upload(
        _ uri: S3URI, body: [UInt8], threshold: Int = S3Client.multipartThreshold, partBytes: Int = 16 << 20,
        concurrency: Int = 4
    ) throws(S3Error) {
        guard body.count > threshold else {
            try put(uri, body: body)
            return
        }
        let created = try send(
            "POST", uri, query: [("uploads", "")], headers: [("x-amz-checksum-algorithm", "SHA256")])
        guard let uploadID = try? XMLElement.parse([UInt8](created.body), file: uri.description).value("UploadId"),
            !uploadID.isEmpty
        else {
            throw .failed(uri, status: created.status, code: "", message: "CreateMultipartUpload gave no UploadId")
        }
        do {
            try sendParts(of: body, to: uri, uploadID: uploadID, partBytes: partBytes, concurrency: concurrency)
        } catch {
            // Aborted, so that S3 keeps no stray parts (and bills none).
            _ = try? send("DELETE", uri, query: [("uploadId", uploadID)], accepting: [200, 204])
            throw error
        }
    }

    /// Sends the parts of `body` for the multipart upload `uploadID`, each with its SHA-256, then completes
    /// it.
    private func sendParts(
        of body: [UInt8], to uri: S3URI, uploadID: String, partBytes: Int, concurrency: Int
    ) throws(S3Error) {
        let parts = stride(from: 0, to: body.count, by: partBytes).map { $0..<min($0 + partBytes, body.count) }
        let etags = Mutex([String?](repeating: nil, count: parts.count))
        let checksums = parts.map { Self.base64SHA256(Array(body[$0])) }
        try S3Parts.run(parts.count, concurrency: concurrency) { index throws(S3Error) in
            let response = try self.send(
                "PUT", uri, query: [("partNumber", String(index + 1)), ("uploadId", uploadID)],
                headers: [("x-amz-checksum-sha256", checksums[index]), ("Content-Type", "application/octet-stream")],
                body: Array(body[parts[index]]))
            etags.withLock { $0[index] = response.headers["etag"] }
        }
        var document = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        for (index, etag) in etags.withLock({ $0 }).enumerated() {
            document += "<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(MarkupText.escaped(etag ?? ""))</ETag>"
            document += "<ChecksumSHA256>\(checksums[index])</ChecksumSHA256></Part>"
        }
        document += "</CompleteMultipartUpload>"
        let completed = try send(
            "POST", uri, query: [("uploadId", uploadID)], headers: [("Content-Type", "application/xml")],
            body: Array(document.utf8))
        // S3 can answer 200 with an error document when completing fails late.
        let (code, message) = Self.errorParts(completed.body)
        if !code.isEmpty { throw .failed(uri, status: completed.status, code: code, message: message) }
    }
}
