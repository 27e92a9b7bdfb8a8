import Foundation
import ManifestKit

/// A file the user named, as a local path for code that reads files: the file itself, or, for
/// `s3://BUCKET/KEY`, the object downloaded into a private temporary folder under its own file name (so
/// that formats told by extension are still told), removed by ``remove()``.
struct LocalCopy {
    /// The local path to read.
    let path: String
    /// The name the user gave, for messages.
    let name: String
    private let folder: String?

    /// `name` itself when it is not an S3 path; else the object, read through `input`.
    init(of name: String, input: ManifestInput) throws {
        self.name = name
        guard ManifestInput.isS3(name) else {
            path = name
            folder = nil
            return
        }
        if name.hasSuffix("/") {
            throw CommandFailure(
                message: "'\(name)' names an S3 prefix, not an object; copy folders first (aws s3 sync \(name) DIR)")
        }
        let bytes: [UInt8]
        do {
            bytes = try input.bytes(of: name)
        } catch {
            throw CommandFailure(message: error.description)
        }
        let made = FileManager.default.temporaryDirectory.appendingPathComponent("clmanifest-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: false)
        } catch {
            throw CommandFailure(
                message: "cannot make a temporary folder for \(name) in \(made.deletingLastPathComponent().path)")
        }
        folder = made.path
        let fileName = name.split(separator: "/").last.map(String.init) ?? "object"
        path = PathName.joined(made.path, fileName)
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: made.path)
            throw CommandFailure(message: "cannot keep a copy of \(name) in \(made.path): \(error.reason)")
        }
    }

    /// `text` with the copy's path replaced by the name the user gave.
    func naming(_ text: String) -> String {
        folder == nil ? text : text.replacingOccurrences(of: path, with: name)
    }

    /// Removes the downloaded copy, if any.
    func remove() {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}
