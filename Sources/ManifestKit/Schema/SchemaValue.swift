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
