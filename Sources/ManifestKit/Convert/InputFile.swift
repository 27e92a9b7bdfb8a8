/// An input file of a converter: its bytes, or an error naming it; a manifest's lines.
enum InputFile {
    /// The bytes of the input file at `path`, or the error that names it.
    static func bytes(of path: String) throws(ConversionError) -> [UInt8] {
        do {
            return try FileContents.bytes(path)
        } catch {
            throw ConversionError(file: path, message: "cannot read it: \(error.reason)")
        }
    }

    /// Calls `body` with each line of the manifest `bytes` that is not blank, its number (from 1), and its
    /// content without the line break and, on line 1, a byte order mark.
    static func forEachManifestLine(
        _ bytes: [UInt8], _ body: (_ number: Int, _ content: [UInt8]) throws(ConversionError) -> Void
    ) throws(ConversionError) {
        var number = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var content = Array(line)
            if content.last == 0x0D { content.removeLast() }
            if number == 1, content.starts(with: [0xEF, 0xBB, 0xBF]) { content.removeFirst(3) }
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            try body(number, content)
        }
    }
}
