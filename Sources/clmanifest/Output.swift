#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to the standard streams with write(2), so output is never lost in a buffer at exit.
enum Output {
    /// Writes `text` to standard output.
    static func standardOutput(_ text: String) {
        write(text, to: 1)
    }

    /// Writes bytes as they are (a manifest, a diff) to standard output.
    static func standardOutput(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0, to: 1) }
    }

    /// Writes `text` to standard error.
    static func standardError(_ text: String) {
        write(text, to: 2)
    }

    /// A file that could not be written, and why.
    struct WriteError: Error {
        var reason: String
    }

    /// Writes `text` to the file at `path`, replacing it.
    static func write(_ text: String, toFile path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        write(text, to: descriptor)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write($0, to: descriptor) }
    }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard var next = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return  // A closed pipe (e.g. `| head`) ends the output quietly.
            }
            next += written
            remaining -= written
        }
    }
}
