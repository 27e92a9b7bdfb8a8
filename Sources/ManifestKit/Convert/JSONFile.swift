/// A JSON file read whole for a converter (COCO, LabelMe, Label Studio), with errors at their line and
/// column.
enum JSONFile {
    /// Calls `body` with the parsed document of the file at `path`.
    static func read<Result>(_ path: String, _ body: (JSONDocument) throws(ConversionError) -> Result)
        throws(ConversionError) -> Result
    {
        let bytes = try InputFile.bytes(of: path)
        let parser = JSONParser(maxDepth: 64)
        return try bytes.withUnsafeBufferPointer { buffer throws(ConversionError) -> Result in
            switch parse(buffer, with: parser) {
            case .success(let document):
                return try body(document)
            case .failure(let error):
                let (line, column) = position(of: error.offset, in: buffer)
                throw ConversionError(file: path, line: line, column: column, message: error.message)
            }
        }
    }

    /// An error about `node` of `document`, at its line and column.
    static func failure(_ message: String, at node: Int, in document: JSONDocument, file: String) -> ConversionError {
        let (line, column) = position(of: Int(document[node].start), in: document.bytes)
        return ConversionError(file: file, line: line, column: column, message: message)
    }

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, with parser: JSONParser)
        -> Swift.Result<
            JSONDocument, JSONSyntaxError
        >
    {
        do {
            return .success(try parser.parse(buffer))
        } catch {
            return .failure(error)
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = UTF8Validation.scalarCount(
            UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), upTo: end - lineStart)
        return (line, column + 1)
    }
}
