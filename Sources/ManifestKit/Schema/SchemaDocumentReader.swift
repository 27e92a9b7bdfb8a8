import Yams

/// Reads a schema document written in YAML or JSON into a ``SchemaValue``.
///
/// YAML plain scalars are resolved as JSON would read them: only `true`/`false` are booleans (not
/// `yes`/`no`), `null`, `~` and empty are null, numbers keep their exact decimal value, and everything
/// else is a string. Quoted scalars are always strings.
public enum SchemaDocumentReader {
    /// The most values a document may expand to (YAML aliases can multiply a small file).
    public static let maxValues = 1_000_000
    /// The largest document read, in bytes: schemas and configurations are small, and a huge one would
    /// take memory and time out of proportion before any other limit applies.
    public static let maxBytes = 8 << 20

    /// Reads `text` as JSON when it starts with `{`, `[` or `true`/`false`, and as YAML otherwise.
    ///
    /// - Parameters:
    ///   - text: the document.
    ///   - name: the document's name, for errors.
    /// - Returns: the document's value.
    /// - Throws: ``SchemaError`` with the line and column of the problem.
    public static func read(_ text: String, name: String) throws(SchemaError) -> SchemaValue {
        try checkSize(text, name: name)
        let start = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if start.hasPrefix("{") || start.hasPrefix("[") {
            return try readJSON(text, name: name)
        }
        return try readYAML(text, name: name)
    }

    // MARK: - JSON

    /// Reads a JSON document with clmanifest's own strict parser.
    public static func readJSON(_ text: String, name: String) throws(SchemaError) -> SchemaValue {
        let bytes = Array(text.utf8)
        let parser = JSONParser()
        return try bytes.withUnsafeBufferPointer { buffer throws(SchemaError) -> SchemaValue in
            let document: JSONDocument
            do throws(JSONSyntaxError) {
                document = try parser.parse(buffer)
            } catch {
                let (line, column) = position(of: error.offset, in: buffer)
                throw SchemaError(document: name, line: line, column: column, message: error.message)
            }
            if let duplicate = document.duplicateKeys.first {
                let (line, column) = position(of: Int(document[duplicate.duplicate].start), in: buffer)
                throw SchemaError(
                    document: name, line: line, column: column,
                    message: "key '\(document.string(at: duplicate.duplicate))' appears twice")
            }
            return SchemaValue(document, node: JSONDocument.rootIndex)
        }
    }

    static func position(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, buffer.count) where buffer[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column =
            UTF8Validation.scalarCount(
                UnsafeBufferPointer(rebasing: buffer[lineStart...]),
                upTo: offset - lineStart) + 1
        return (line, column)
    }

    // MARK: - YAML

    /// The message of the error for a YAML document with no content.
    static let emptyDocumentMessage = "the document is empty"

    /// Reads a YAML document with Yams (libyaml).
    public static func readYAML(_ text: String, name: String) throws(SchemaError) -> SchemaValue {
        try checkSize(text, name: name)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw SchemaError(document: name, message: "not valid YAML: \(Self.describe(error))")
        } catch {
            throw SchemaError(document: name, message: "not valid YAML: \(error)")
        }
        guard let root else { throw SchemaError(document: name, message: emptyDocumentMessage) }
        var budget = maxValues
        return try convert(root, name: name, budget: &budget)
    }

    private static func convert(_ node: Node, name: String, budget: inout Int) throws(SchemaError) -> SchemaValue {
        budget -= 1
        guard budget >= 0 else {
            throw SchemaError(
                document: name,
                message: "the document expands to more than \(Count.grouped(maxValues)) values "
                    + "(YAML aliases?)")
        }
        switch node {
        case .scalar(let scalar):
            return try resolve(scalar, name: name)
        case .sequence(let sequence):
            var values: [SchemaValue] = []
            for element in sequence { values.append(try convert(element, name: name, budget: &budget)) }
            return .array(values)
        case .mapping(let mapping):
            var members: [SchemaMember] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw SchemaError(
                        document: name, line: key.mark?.line, column: key.mark?.column,
                        message: "a mapping key must be a plain string")
                }
                if members.contains(where: { $0.key == keyScalar.string }) {
                    throw SchemaError(
                        document: name, line: key.mark?.line, column: key.mark?.column,
                        message: "key '\(keyScalar.string)' appears twice")
                }
                members.append(
                    SchemaMember(
                        key: keyScalar.string, value: try convert(value, name: name, budget: &budget),
                        line: key.mark?.line, column: key.mark?.column))
            }
            return .object(members)
        case .alias(let alias):
            throw SchemaError(
                document: name, line: alias.mark?.line, column: alias.mark?.column,
                message: "unresolved YAML alias '*\(alias.anchor.rawValue)'")
        }
    }

    /// Resolves a scalar the way JSON reads values (YAML 1.2 JSON schema), not YAML 1.1's `yes`/`no`.
    private static func resolve(_ scalar: Node.Scalar, name: String) throws(SchemaError) -> SchemaValue {
        let text = scalar.string
        if scalar.style != .plain { return .string(text) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "", "~", "null", "Null", "NULL": return .null
        case ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", ".nan", ".NaN", ".NAN":
            throw SchemaError(
                document: name, line: scalar.mark?.line, column: scalar.mark?.column,
                message: "'\(text)' has no JSON equivalent")
        default:
            if let first = text.utf8.first,
                first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                    || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
                let number = ExactNumber(text)
            {
                return .number(number)
            }
            return .string(text)
        }
    }

    private static func describe(_ error: YamlError) -> String {
        let first = String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        // Some messages list every offending key; a hostile document would make them huge.
        return first.count > 300 ? first.prefix(300) + "…" : first
    }

    private static func checkSize(_ text: String, name: String) throws(SchemaError) {
        let bytes = text.utf8.count
        guard bytes <= maxBytes else {
            throw SchemaError(
                document: name,
                message: "the document is \(Count.bytes(bytes)); at most \(Count.bytes(maxBytes)) are read")
        }
    }
}
