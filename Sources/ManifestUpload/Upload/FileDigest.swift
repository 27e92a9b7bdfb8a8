import Crypto
import Foundation

/// The SHA-256 of a file, read in chunks (the journal's key for the manifest being uploaded).
public enum FileDigest {
    /// The lower-case hex SHA-256 of the file at `path`, or nil when it cannot be read.
    public static func sha256(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 22)
            } catch {
                return nil
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return SigV4Signer.hex(hasher.finalize())
    }
}
