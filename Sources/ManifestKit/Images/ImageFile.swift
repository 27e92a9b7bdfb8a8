#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is found at an image's local path: nothing, something that cannot be read as a file, or a file
/// with its size and header (or the defect that stops its header being read).
public enum ImageFile: Sendable, Equatable {
    /// No file at the path.
    case missing
    /// The path names something that is not a readable regular file; the reason in a few words.
    case unreadable(String)
    /// A regular file of `size` bytes and its header.
    case image(size: Int, header: ImageHeader)
    /// A regular file of `size` bytes whose header is cut short or malformed.
    case defective(size: Int, ImageDefect)

    /// The bytes read at the start of a file in one call; most headers are within them.
    static let firstRead = 1 << 16

    /// Looks at the file at `path`, reading only its header (and, for PNG and JPEG, its last bytes).
    ///
    /// Never opens anything but a regular file, so a FIFO or a device cannot block the check.
    public static func inspect(path: String) -> ImageFile {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let error = errno
            if error == ENOENT || error == ENOTDIR { return .missing }
            return .unreadable(String(cString: strerror(error)).lowercased())
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unreadable("it is a directory")
        default: return .unreadable("it is not a regular file")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(String(cString: strerror(errno)).lowercased()) }
        defer { close(descriptor) }
        let size = Int(status.st_size)
        var first: [UInt8] = []
        let reader = ImageHeaderReader(size: size) { (offset: Int, count: Int) throws(ImageDefect) -> [UInt8] in
            if first.isEmpty, size > 0 { first = try Self.readBytes(descriptor, 0, min(size, firstRead)) }
            if offset + count <= first.count { return Array(first[offset..<offset + count]) }
            return try Self.readBytes(descriptor, offset, max(0, min(count, size - offset)))
        }
        do {
            return .image(size: size, header: try reader.header())
        } catch {
            return .defective(size: size, error)
        }
    }

    private static func readBytes(_ descriptor: Int32, _ offset: Int, _ count: Int) throws(ImageDefect) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let result = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(descriptor, base + got, count - got, off_t(offset + got))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ImageDefect("reading the file failed: \(String(cString: strerror(errno)).lowercased())")
            }
            if result == 0 { break }
            got += result
        }
        return Array(bytes[..<got])
    }
}
