/// An XML element as the converters read VOC and CVAT files: its name, attributes, text and children,
/// with the line and column where it starts.
///
/// ``XMLElement/parse(_:file:)`` reads a whole document with a small strict reader of its own (no
/// library): elements, attributes in either quote, character and entity references, comments, CDATA,
/// the XML declaration and processing instructions; a DOCTYPE is refused. Errors name the line and column.
public final class XMLElement {
    /// The element's name.
    public let name: String
    /// Its attributes by name.
    public let attributes: [String: String]
    /// Its children, in order.
    public internal(set) var children: [XMLElement] = []
    /// Its text (character data of its own, not its children's), references resolved.
    public internal(set) var text = ""
    /// The 1-based line where it starts.
    public let line: Int
    /// The 1-based column (in characters) where it starts.
    public let column: Int

    init(name: String, attributes: [String: String], line: Int, column: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
        self.column = column
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// The children named `name`.
    public func children(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The text of the first child named `name`, without surrounding white space.
    public func value(_ name: String) -> String? {
        child(name).map { $0.text.trimmedOfWhitespace }
    }

    /// The root element of the XML document `bytes` (from `file`, named in errors).
    public static func parse(_ bytes: [UInt8], file: String) throws(ConversionError) -> XMLElement {
        var reader = XMLReader(bytes: bytes, file: file)
        return try reader.document()
    }
}

/// The reader behind ``XMLElement/parse(_:file:)``.
struct XMLReader {
    let bytes: [UInt8]
    let file: String
    var position = 0
    /// Where ``place()`` counted to, and the line and column there.
    private var counted = (position: 0, line: 1, column: 1)

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func document() throws(ConversionError) -> XMLElement {
        var root: XMLElement?
        var stack: [XMLElement] = []
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let text = try characterData()
                if let top = stack.last {
                    top.text += text
                } else if !text.trimmedOfWhitespace.isEmpty {
                    throw failure("text outside the root element")
                }
                continue
            }
            if starts(with: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts(with: "<![CDATA[") {
                let start = position + 9
                try skip(past: "]]>", what: "CDATA section")
                guard let top = stack.last else { throw failure("CDATA outside the root element") }
                top.text += String(decoding: bytes[start..<(position - 3)], as: UTF8.self)
            } else if starts(with: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts(with: "<!") {
                throw failure("a DOCTYPE or other declaration is not read (no entities are defined here)")
            } else if starts(with: "</") {
                let (line, column) = place()
                position += 2
                let name = try self.name()
                skipSpace()
                try expect(">")
                let open = stack.popLast()
                guard let open, open.name == name else {
                    let expected = open.map { "<\($0.name)>" } ?? "any open element"
                    throw ConversionError(
                        file: file, line: line, column: column,
                        message: "closing tag </\(name)> does not match \(expected)")
                }
            } else {
                let (line, column) = place()
                position += 1
                let name = try self.name()
                var attributes: [String: String] = [:]
                while true {
                    skipSpace()
                    guard position < bytes.count else { throw failure("the document ends inside <\(name)>") }
                    if bytes[position] == UInt8(ascii: ">") || starts(with: "/>") { break }
                    let attribute = try self.name()
                    skipSpace()
                    try expect("=")
                    skipSpace()
                    guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
                        throw failure("expected a quoted value for the attribute '\(attribute)'")
                    }
                    let quote = bytes[position]
                    position += 1
                    guard let end = bytes[position...].firstIndex(of: quote) else {
                        throw failure("the value of '\(attribute)' is not closed")
                    }
                    if attributes[attribute] != nil { throw failure("the attribute '\(attribute)' repeats") }
                    attributes[attribute] = try resolve(bytes[position..<end])
                    position = end + 1
                }
                let element = XMLElement(name: name, attributes: attributes, line: line, column: column)
                if let top = stack.last {
                    top.children.append(element)
                } else if root == nil {
                    root = element
                } else {
                    throw ConversionError(file: file, line: line, column: column, message: "a second root element")
                }
                if starts(with: "/>") {
                    position += 2
                } else {
                    position += 1
                    stack.append(element)
                }
            }
        }
        if let open = stack.last {
            throw ConversionError(
                file: file, line: open.line, column: open.column, message: "<\(open.name)> is not closed")
        }
        guard let root else { throw failure("no root element: the file is not XML") }
        return root
    }

    /// Text up to the next `<`, references resolved.
    private mutating func characterData() throws(ConversionError) -> String {
        let end = bytes[position...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
        let text = try resolve(bytes[position..<end])
        position = end
        return text
    }

    /// `raw` with its character and entity references resolved; the bytes must be UTF-8.
    private mutating func resolve(_ raw: ArraySlice<UInt8>) throws(ConversionError) -> String {
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw failure("text that is not UTF-8")
        }
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else {
                throw failure("an unfinished '&' reference")
            }
            let reference = rest[rest.index(after: ampersand)..<semicolon]
            switch reference {
            case "lt": output += "<"
            case "gt": output += ">"
            case "amp": output += "&"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                let hex = reference.hasPrefix("#x")
                guard reference.hasPrefix("#"),
                    let value = UInt32(reference.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                    let scalar = Unicode.Scalar(value)
                else { throw failure("an unknown reference '&\(reference);'") }
                output.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return output + rest
    }

    private mutating func name() throws(ConversionError) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
            {
                break
            }
            position += 1
        }
        guard position > start else { throw failure("expected a name") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func expect(_ text: String) throws(ConversionError) {
        guard starts(with: text) else { throw failure("expected '\(text)'") }
        position += text.utf8.count
    }

    private func starts(with text: String) -> Bool {
        bytes[position...].starts(with: text.utf8)
    }

    private mutating func skip(past end: String, what: String) throws(ConversionError) {
        let marker = Array(end.utf8)
        var index = position
        while index + marker.count <= bytes.count {
            if bytes[index..<(index + marker.count)].elementsEqual(marker) {
                position = index + marker.count
                return
            }
            index += 1
        }
        throw failure("the \(what) is not closed")
    }

    /// The line and column of the current position, counted on from the last asked for (positions only grow).
    private mutating func place() -> (Int, Int) {
        let end = min(position, bytes.count)
        if end < counted.position { counted = (0, 1, 1) }
        var (line, column) = (counted.line, counted.column)
        for byte in bytes[counted.position..<end] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        counted = (end, line, column)
        return (line, column)
    }

    private mutating func failure(_ message: String) -> ConversionError {
        let (line, column) = place()
        return ConversionError(file: file, line: line, column: column, message: message)
    }
}
