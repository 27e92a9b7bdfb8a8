/// What a file's first bytes say it is, before it is read line by line: JSON Lines, to be linted, or one of
/// the shapes reported once for the whole file instead of at every line.
enum FileShape: Equatable {
    /// Text to lint line by line.
    case jsonLines
    /// An XML document, such as a Windows application manifest (CL010, skipped).
    case xml
    /// Binary data or UTF-16 text, named (CL011).
    case binary(String)
    /// JSON spread over many lines (CL012).
    case multiLineJSON

    /// How many bytes of a file's start decide its shape.
    static let sampleBytes = 64 << 10
    /// The most of a multi-line JSON file read to describe it.
    static let describedBytes = 64 << 20

    /// The shape of a file that starts with `prefix` (the whole file when `isWhole`).
    static func of(_ prefix: [UInt8], isWhole: Bool) -> FileShape {
        if let kind = BinaryFile.kind(of: prefix) { return .binary(kind) }
        if NotJSONLines.opensXML(prefix) { return .xml }
        if MultiLineJSON.isSpread(prefix, isWhole: isWhole) { return .multiLineJSON }
        return .jsonLines
    }

    /// The whole-file finding for a file of this shape read by `reader` (which has not handed out a line
    /// yet), or nil for JSON Lines.
    func finding(_ reader: JSONLinesReader) throws(ManifestError) -> Diagnostic? {
        let file = reader.name
        switch self {
        case .jsonLines:
            return nil
        case .xml:
            return NotJSONLines.description.diagnostic(
                file: file, line: 1, column: 1, message: "the file is XML, not JSON Lines: skipped")
        case .binary(let kind):
            return BinaryFile.description.diagnostic(
                file: file, line: nil, column: nil, message: BinaryFile.message(kind))
        case .multiLineJSON:
            var bytes: [UInt8] = []
            var lines = 0
            var complete = true
            do {
                try reader.forEachLine { line in
                    lines += 1
                    guard complete else { return }
                    if line.isOversized || bytes.count + line.bytes.count > Self.describedBytes {
                        complete = false
                        return
                    }
                    bytes += line.bytes
                    bytes.append(0x0A)
                }
            } catch let error as ManifestError {
                throw error
            } catch {
                throw ManifestError.readFailed(path: file, reason: String(describing: error))
            }
            return MultiLineJSON.description.diagnostic(
                file: file, line: nil, column: nil,
                message: MultiLineJSON.message(for: complete ? bytes : nil, lines: lines))
        }
    }
}
