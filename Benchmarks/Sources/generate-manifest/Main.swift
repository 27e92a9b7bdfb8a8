#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `generate-manifest LINES [--seed N]`: writes a realistic manifest of LINES lines to standard output.
@main
enum Main {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var seed: UInt64 = 42
        if let index = arguments.firstIndex(of: "--seed"), index + 1 < arguments.count,
            let value = UInt64(arguments[index + 1])
        {
            seed = value
            arguments.removeSubrange(index...index + 1)
        }
        guard arguments.count == 1, let lines = Int(arguments[0]), lines >= 0 else {
            writeError("usage: generate-manifest LINES [--seed N]\n")
            exit(2)
        }
        var generator = ManifestGenerator(seed: seed)
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        for index in 0..<lines {
            buffer += generator.line(index)
            buffer += "\n"
            if buffer.utf8.count >= 1 << 20 {
                flush(&buffer)
            }
        }
        flush(&buffer)
    }

    private static func flush(_ buffer: inout String) {
        buffer.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(1, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written <= 0 { exit(1) }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
