/// One compiled (sub)schema: its keywords, ready to apply, with subschemas referred to by index.
///
/// A class, so that the validator reads a node with one reference count instead of copying twenty
/// arrays; it is filled in by ``SchemaCompiler`` and never changed afterwards, hence `@unchecked Sendable`.
final class SchemaNode: @unchecked Sendable {
    /// A JSON type as a bit, so `type: [string, null]` is one mask test.
    struct TypeMask: OptionSet, Sendable {
        let rawValue: UInt8
        static let null = TypeMask(rawValue: 1)
        static let boolean = TypeMask(rawValue: 2)
        static let object = TypeMask(rawValue: 4)
        static let array = TypeMask(rawValue: 8)
        static let number = TypeMask(rawValue: 16)
        static let string = TypeMask(rawValue: 32)
        static let integer = TypeMask(rawValue: 64)
    }

    /// A property name kept as UTF-8 for comparison with raw keys.
    struct Property: Sendable {
        var name: String
        var utf8: [UInt8]
        var schema: Int
    }

    /// `true` or `false` written as the whole schema; nil for an object schema.
    var constant: Bool?
    /// Where the schema is, such as `object-detection.yaml#/$defs/box`, for messages.
    var location: String

    var types: TypeMask?
    var enumValues: [SchemaValue]?
    var constValue: SchemaValue?

    var properties: [Property] = []
    var patternProperties: [(pattern: CompiledPattern, schema: Int)] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var required: [Property] = []
    var minProperties: Int?
    var maxProperties: Int?
    var dependentRequired: [(property: Property, required: [Property])] = []
    var dependentSchemas: [(property: Property, schema: Int)] = []

    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    var minLength: Int?
    var maxLength: Int?
    var pattern: CompiledPattern?

    var minimum: ExactNumber?
    var maximum: ExactNumber?
    var exclusiveMinimum: ExactNumber?
    var exclusiveMaximum: ExactNumber?
    var multipleOf: ExactNumber?

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
    var ref: Int?

    /// `x-service-code`: the service error a violation here (or below, unless overridden) predicts.
    var serviceCode: ServiceErrorCode?
    /// `x-severity`: the severity of violations here and below, when not `error`.
    var severity: Severity?
    /// `x-message`: a message that replaces the generated one for this schema's own keywords.
    var message: String?

    init(location: String, constant: Bool? = nil) {
        self.location = location
        self.constant = constant
    }
}
