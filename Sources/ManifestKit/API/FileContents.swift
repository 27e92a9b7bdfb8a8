#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole small file (a configuration, baseline, schema, seed or parameter file) with POSIX calls, so
/// that what goes wrong is said in a plain sentence rather than as a Foundation error.
///
/// ```swift
/// let text = try FileContents.text("ci.yml", limit: 8 << 20)   // FileContents.Failure: "no such file"
/// ```
public enum FileContents {
    /// Why a file could not be read, in words that complete "cannot read 'FILE': …".
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path as given.
        public var path: String
        /// Lowercase, no final period: "no such file or directory", "it is a directory", "not UTF-8 text".
        public var reason: String

        /// Creates a failure.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        /// `cannot read 'PATH': REASON`.
        public var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// The bytes of the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - limit: the largest size accepted, in bytes; larger files are refused before reading.
    /// - Returns: the file's bytes.
    /// - Throws: ``Failure`` saying why the file cannot be read.
    public static func bytes(_ path: String, limit: Int? = nil) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, reason: systemReason()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(path: path, reason: systemReason()) }
        if status.st_mode & S_IFMT == S_IFDIR { throw Failure(path: path, reason: "it is a directory, not a file") }
        if let limit, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > limit {
            throw Failure(
                path: path,
                reason:
                    "it is \(Count.bytes(Int(status.st_size))), over the \(Count.bytes(limit)) accepted for such a file"
            )
        }
        var result: [UInt8] = []
        // A regular file is read in one allocation of its size (a file that grows meanwhile reads on).
        if status.st_mode & S_IFMT == S_IFREG { result.reserveCapacity(Int(status.st_size) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: systemReason())
            }
            if got == 0 { return result }
            result += chunk.prefix(got)
            if let limit, result.count > limit {
                throw Failure(path: path, reason: "it is over the \(Count.bytes(limit)) accepted for such a file")
            }
        }
    }

    /// The text of the UTF-8 file at `path` (a byte order mark is dropped).
    public static func text(_ path: String, limit: Int? = nil) throws(Failure) -> String {
        var bytes = try bytes(path, limit: limit)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(path: path, reason: "it is not UTF-8 text")
        }
        return text
    }

    /// The current `errno` as a lowercase phrase: "no such file or directory", "permission denied".
    public static func systemReason() -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
