/// Walks the top level of a large JSON document without building its whole tree: each member of the root
/// object, and each element of a member's array, is handed over as its own small parsed document.
///
/// A COCO file of hundreds of MB is mostly three arrays of small objects; parsing one element at a time
/// keeps the nodes of one element in memory instead of the file's millions. Every byte is still parsed (each
/// element, and each other member's value, by ``JSONParser``), so a syntax error anywhere is found, at its
/// line and column.
struct JSONStream {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private let parser = JSONParser(maxDepth: 64)

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Calls `member` with each key of the root object and the byte range of its value.
    func forEachMember(_ member: (_ key: String, _ value: Range<Int>) throws(ConversionError) -> Void)
        throws(ConversionError)
    {
        var position = skipSpace(from: 0)
        if bytes[position...].starts(with: [0xEF, 0xBB, 0xBF]) { position = skipSpace(from: position + 3) }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            throw failure("a COCO file is one JSON object with images, annotations and categories", at: position)
        }
        position = skipSpace(from: position + 1)
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            try end(after: position + 1)
            return
        }
        while true {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a string key", at: position)
            }
            let keyEnd = try stringEnd(from: position)
            let key = try document(position..<keyEnd) { document in
                document.stringValue(at: JSONDocument.rootIndex) ?? ""
            }
            position = skipSpace(from: keyEnd)
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key", at: position)
            }
            let valueStart = skipSpace(from: position + 1)
            let valueEnd = try valueEnd(from: valueStart)
            try member(key, valueStart..<valueEnd)
            position = skipSpace(from: valueEnd)
            guard position < bytes.count else { throw failure("the object is not closed", at: position) }
            if bytes[position] == UInt8(ascii: "}") {
                try end(after: position + 1)
                return
            }
            guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or '}'", at: position) }
            position = skipSpace(from: position + 1)
        }
    }

    /// Calls `element` with the byte range of each element of the array at `range`; false when the value
    /// is not an array.
    func forEachElement(in range: Range<Int>, _ element: (Range<Int>) throws(ConversionError) -> Void)
        throws(ConversionError) -> Bool
    {
        guard bytes[range.lowerBound] == UInt8(ascii: "[") else { return false }
        var position = skipSpace(from: range.lowerBound + 1)
        if bytes[position] == UInt8(ascii: "]") { return true }
        while true {
            let end = try valueEnd(from: position)
            try element(position..<end)
            position = skipSpace(from: end)
            guard position < range.upperBound else { throw failure("the list is not closed", at: position) }
            if bytes[position] == UInt8(ascii: "]") { return true }
            guard bytes[position] == UInt8(ascii: ",") else { throw failure("expected ',' or ']'", at: position) }
            position = skipSpace(from: position + 1)
        }
    }

    /// Parses the value at `range` and calls `body` with it; a syntax error is reported at its place in
    /// the file.
    func document<Result>(_ range: Range<Int>, _ body: (JSONDocument) throws(ConversionError) -> Result)
        throws(ConversionError) -> Result
    {
        switch JSONFile.parse(UnsafeBufferPointer(rebasing: bytes[range]), with: parser) {
        case .success(let document): return try body(document)
        case .failure(let error): throw failure(error.message, at: range.lowerBound + error.offset)
        }
    }

    /// An error about the node `node` of the document parsed from `range`.
    func failure(_ message: String, at node: Int, of document: JSONDocument, in range: Range<Int>) -> ConversionError {
        failure(message, at: range.lowerBound + Int(document[node].start))
    }

    /// The end of the value starting at `start`: past its closing bracket, quote, or last character.
    private func valueEnd(from start: Int) throws(ConversionError) -> Int {
        guard start < bytes.count else { throw failure("expected a value", at: start) }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return try stringEnd(from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var position = start
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    position = try stringEnd(from: position)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return position + 1 }
                default:
                    break
                }
                position += 1
            }
            throw failure("the value is not closed", at: start)
        default:
            var position = start
            while position < bytes.count,
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(
                    bytes[position])
            {
                position += 1
            }
            return position
        }
    }

    /// The index past the closing quote of the string that opens at `start`.
    private func stringEnd(from start: Int) throws(ConversionError) -> Int {
        var position = start + 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""): return position + 1
            default: position += 1
            }
        }
        throw failure("unterminated string: no closing '\"'", at: start)
    }

    private func skipSpace(from start: Int) -> Int {
        var position = start
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        return position
    }

    private func end(after position: Int) throws(ConversionError) {
        let rest = skipSpace(from: position)
        guard rest == bytes.count else { throw failure("expected the end of the file after the object", at: rest) }
    }

    /// An error at byte `offset` of the file.
    func failure(at offset: Int, _ message: String) -> ConversionError {
        failure(message, at: offset)
    }

    private func failure(_ message: String, at offset: Int) -> ConversionError {
        let (line, column) = JSONFile.position(of: offset, in: bytes)
        return ConversionError(file: file, line: line, column: column, message: message)
    }
}
