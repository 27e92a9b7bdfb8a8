#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's content all at once: written to a temporary file beside it, synced, then renamed over
/// it, so that a reader sees the old content or the new, never half of it, and a failure leaves the old.
///
/// An existing file keeps its permissions; when the path is a symbolic link, the file it points to is
/// replaced and the link kept.
public enum AtomicFile {
    /// Writes `bytes` to `path`.
    ///
    /// - Throws: ``FileContents/Failure`` saying why, in words that complete "cannot write 'PATH': …".
    public static func write(_ bytes: [UInt8], to path: String) throws(FileContents.Failure) {
        let target = resolvingLinks(path)
        var status = stat()
        let mode: mode_t = stat(target, &status) == 0 ? status.st_mode & 0o7777 : 0o644
        if stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw FileContents.Failure(path: path, reason: "it is a directory")
        }
        let temporary = PathName.joined(
            PathName.directory(of: target), ".\(PathName.lastComponent(target)).\(getpid()).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileContents.Failure(path: path, reason: FileContents.systemReason()) }
        var failure: String?
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(
                    descriptor, buffer.baseAddress.unsafelyUnwrapped + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = FileContents.systemReason()
                    return
                }
                written += count
            }
        }
        if failure == nil, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
            failure = FileContents.systemReason()
        }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = FileContents.systemReason() }
        if let failure {
            unlink(temporary)
            throw FileContents.Failure(path: path, reason: failure)
        }
    }

    /// `path` with its symbolic links followed, when it is one (relative targets taken from its directory).
    private static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let target = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : PathName.joined(PathName.directory(of: current), target)
        }
        return current
    }
}
