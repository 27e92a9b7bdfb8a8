/// A JSON value read from a schema document (YAML or JSON), with the place each object member was written.
public indirect enum SchemaValue: Sendable {
    case null
    case bool(Bool)
    case number(ExactNumber)
    case string(String)
    case array([SchemaValue])
    case object([SchemaMember])

    /// The members of an object, or nil.
    public var members: [SchemaMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of the member `key` of an object, or nil.
    public subscript(key: String) -> SchemaValue? {
        members?.first { $0.key == key }?.value
    }

    /// JSON equality: numbers by value (`1.0` equals `1`), objects regardless of member order.
    public func isEqualJSON(_ other: SchemaValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let left), .bool(let right)): return left == right
        case (.number(let left), .number(let right)): return left == right
        case (.string(let left), .string(let right)): return left == right
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isEqualJSON($1) }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { member in
                right.contains { $0.key == member.key && $0.value.isEqualJSON(member.value) }
            }
        default: return false
        }
    }

    /// The JSON type name: `null`, `boolean`, `number`, `string`, `array` or `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One member of a schema object: key, value and where the key was written.
public struct SchemaMember: Sendable {
    /// The member's key.
    public var key: String
    /// The member's value.
    public var value: SchemaValue
    /// The 1-based line of the key in its document, when known.
    public var line: Int?
    /// The 1-based column of the key in its document, when known.
    public var column: Int?

    /// Creates a member.
    public init(key: String, value: SchemaValue, line: Int? = nil, column: Int? = nil) {
        self.key = key
        self.value = value
        self.line = line
        self.column = column
    }
}
