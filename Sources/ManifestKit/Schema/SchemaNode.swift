/// One compiled (sub)schema: its keywords, ready to apply.
///
/// Nodes are plain data: lists (properties, subschemas) are slices of pools shared by the whole
/// ``SchemaSet``, and subschemas are node indices, so the validator reads a node in place through a pointer
/// without copying it or touching a reference count. -1 stands for "not set" in index and count fields.
struct SchemaNode: Sendable {
    /// A range of one of the set's pools.
    struct Slice: Sendable {
        var start: Int32 = 0
        var count: Int32 = 0
    }

    /// A name as a range of the byte pool, with the subschema that applies to it (-1 for none).
    struct Property: Sendable {
        var start: Int32
        var count: Int32
        var schema: Int32
        /// The name's first eight bytes, zero-padded, little-endian: one comparison rejects most names.
        var prefix: UInt64 = 0
        /// For a property of a node's ``SchemaNode/properties``: its schema's ``SchemaNode/quickForward``.
        var quickTarget: Int32 = -1
        /// When the quick target checks `type` and nothing else: its ``SchemaNode/kinds`` (0 otherwise), so
        /// the quick path checks the member's kind without visiting the target.
        var typeOnlyKinds: UInt8 = 0
        /// With ``typeOnlyKinds``: the target's ``SchemaNode/integerOnly``.
        var typeOnlyIntegers = false

        /// The ``prefix`` of a name.
        static func prefix(of name: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var word: UInt64 = 0
            for (offset, byte) in name.prefix(8).enumerated() { word |= UInt64(byte) << UInt64(offset * 8) }
            return word
        }
    }

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

    /// Which groups of keywords the node has, so the validator skips the rest with one test.
    struct Groups: OptionSet, Sendable {
        let rawValue: UInt16
        static let reference = Groups(rawValue: 1)
        static let type = Groups(rawValue: 2)
        static let enumOrConst = Groups(rawValue: 4)
        static let string = Groups(rawValue: 8)
        static let number = Groups(rawValue: 16)
        static let object = Groups(rawValue: 32)
        static let objectMembers = Groups(rawValue: 64)
        static let array = Groups(rawValue: 128)
        static let applicators = Groups(rawValue: 256)
        static let annotations = Groups(rawValue: 512)
        static let objectCounts = Groups(rawValue: 1024)
    }

    // The fields the quick path reads come first and together, so that a visit touches few cache lines
    // (Swift lays a struct out in declaration order).

    /// How the validator's quick path confirms valid values (plain scalar checks, and objects and arrays
    /// made only of such parts), or `.none`; set by ``SchemaCompiler`` after compiling. (A stored property:
    /// a computed one would copy the node out of its storage on every read.)
    var quickKind = QuickKind.none
    /// The keyword groups present.
    var groups: Groups = []
    var types = TypeMask()
    /// `true` or `false` written as the whole schema; nil for an object schema.
    var constant: Bool?
    /// True when every bound that is set fits ``integerBounds`` and there is no multipleOf.
    var boundsAreIntegers = false
    /// The node to evaluate instead of this one: itself, or the end of a chain of schemas that are only a
    /// `$ref` (such as `items: {$ref: '#/$defs/box'}`), so such hops cost nothing at validation time.
    var forward: Int32 = -1
    /// For the quick path, which needs no annotations: ``forward``, continued through schemas that are only
    /// a `$ref` with annotations (such as `{x-service-code: …, $ref: …}`).
    var quickForward: Int32 = -1
    /// Bit `k` is set when a node of ``JSONNode/Kind`` raw value `k` passes `type` (all set without `type`).
    var kinds: UInt8 = 0x7F
    /// `type` allows integers but not other numbers.
    var integerOnly = false
    var ref: Int32 = -1
    var properties = Slice()
    /// Required names (property pool); each one's `schema` field holds its position in ``properties`` or -1.
    var required = Slice()
    /// Bits of the ``properties`` positions that are required, or nil.
    ///
    /// Set when every required name is among the first 64 properties, so `required` passes with one test.
    var requiredMask: UInt64?
    var additionalProperties: Int32 = -1
    var propertyNames: Int32 = -1
    var items: Int32 = -1
    var minItems: Int32 = -1
    var maxItems: Int32 = -1
    /// The `const` value's bytes (a property-pool index) when it is a string, or -1.
    var constString: Int32 = -1
    /// When every `enum` value is a string: their bytes, as a slice of the property pool.
    var enumStrings: Slice?
    var allOf = Slice()
    var minLength: Int32 = -1
    var maxLength: Int32 = -1
    /// The bounds as integers, when they are integers that fit, for comparison without exact arithmetic.
    var integerBounds: (minimum: Int?, maximum: Int?, exclusiveMinimum: Int?, exclusiveMaximum: Int?) =
        (nil, nil, nil, nil)
    var pattern: CompiledPattern?
    /// The pattern's prebuilt ASCII automaton, when it has one, readable without a reference count.
    var asciiPattern: AsciiDFA.Table?

    /// The quick path's three shapes.
    enum QuickKind: UInt8, Sendable {
        case none
        /// Type, integer bounds, string const or enum.
        case scalar
        /// Plain properties and `required`, each property quick.
        case object
        /// `items` (quick) and item counts.
        case array
    }

    /// Where the schema is, such as `object-detection.yaml#/$defs/box`, for messages.
    var location: String
    var enumValues: [SchemaValue]?
    var constValue: SchemaValue?
    var patternProperties: [(pattern: CompiledPattern, schema: Int32)] = [] {
        didSet { patternPropertiesCount = Int32(patternProperties.count) }
    }
    /// `patternProperties.count`, readable without touching the array.
    var patternPropertiesCount: Int32 = 0
    var minProperties: Int32 = -1
    var maxProperties: Int32 = -1
    var dependentRequired: [(property: Int32, required: Slice)] = []
    var dependentSchemas: [(property: Int32, schema: Int32)] = []

    var prefixItems = Slice()
    var contains: Int32 = -1
    var minContains: Int32 = -1
    var maxContains: Int32 = -1
    var uniqueItems = false

    var minimum: ExactNumber?
    var maximum: ExactNumber?
    var exclusiveMinimum: ExactNumber?
    var exclusiveMaximum: ExactNumber?
    var multipleOf: ExactNumber?

    var anyOf = Slice()
    var oneOf = Slice()
    var not: Int32 = -1
    var ifSchema: Int32 = -1
    var thenSchema: Int32 = -1
    var elseSchema: Int32 = -1

    /// `x-service-code`: the service error a violation here (or below, unless overridden) predicts.
    var serviceCode: ServiceErrorCode?
    /// `x-severity`: the severity of violations here and below, when not `error`.
    var severity: Severity?
    /// `x-message`: a message that replaces the generated one for this schema's own keywords.
    var message: String?

    init(location: String) {
        self.location = location
    }
}
