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

    /// Writes `text` to standard error.
    static func standardError(_ text: String) {
        write(text, to: 2)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
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
}
