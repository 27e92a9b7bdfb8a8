/// The validator's quick path: confirms that a value is valid with plain checks only, reporting nothing.
///
/// Most values of a manifest are valid, so ``SchemaValidator`` asks this first and evaluates in full (with
/// messages, service codes and every keyword) only when it answers false. False therefore means "evaluate
/// in full", never "invalid". It covers the nodes that ``SchemaCompiler`` marked with a
/// ``SchemaNode/QuickKind``: `type`, integer bounds, string lengths, `pattern`, string `const` and `enum`,
/// plain `properties`, `required`, `additionalProperties`, `propertyNames`, `items`, item counts, `allOf`
/// and `$ref`.
///
/// Plain data (pointers into the schema set and the parsed line, both alive for the call), so passing it
/// along costs no reference counting.
struct SchemaQuickPath {
    private let nodes: UnsafePointer<SchemaNode>
    private let properties: UnsafePointer<SchemaNode.Property>
    private let names: UnsafePointer<UInt8>
    private let indices: UnsafePointer<Int32>
    private let tree: UnsafePointer<JSONNode>
    private let text: UnsafeBufferPointer<UInt8>
    private let base: UnsafePointer<UInt8>

    /// How deep objects and arrays are followed before the full evaluation takes over.
    private static let maxDepth = 16

    init(storage: SchemaStorage, document: JSONDocument) {
        nodes = storage.nodes
        properties = storage.properties
        names = storage.bytes
        indices = storage.indices
        tree = document.nodes.baseAddress.unsafelyUnwrapped
        text = document.bytes
        base = document.bytes.baseAddress.unsafelyUnwrapped
    }

    /// Whether the value at `index` passes schema `schemaIndex` (any node) by the quick checks alone.
    @inline(__always)
    func passes(_ index: Int, _ schemaIndex: Int) -> Bool {
        check(index, Int(nodes[schemaIndex].quickForward), depth: 0)
    }

    /// The value at `index` against the quick target `target`.
    @inline(__always)
    private func check(_ index: Int, _ target: Int, depth: Int) -> Bool {
        let schema = nodes + target
        switch schema.pointee.quickKind {
        case .none:
            return false
        case .scalar where schema.pointee.groups.isDisjoint(with: [.applicators, .reference]):
            return scalar(tree[index], schema)
        default:
            return value(index, schema, depth: depth)
        }
    }

    /// Any quick node: its `$ref` and `allOf` parts, then its own keywords.
    private func value(_ index: Int, _ schema: UnsafePointer<SchemaNode>, depth: Int) -> Bool {
        guard depth < Self.maxDepth else { return false }
        let groups = schema.pointee.groups
        if groups.contains(.reference),
            !check(index, Int(nodes[Int(schema.pointee.ref)].quickForward), depth: depth + 1)
        {
            return false
        }
        if groups.contains(.applicators) {
            // Only allOf of quick parts gets here (see SchemaCompiler.markQuickNodes).
            let allOf = schema.pointee.allOf
            for offset in 0..<Int(allOf.count) {
                let part = Int(nodes[Int(indices[Int(allOf.start) &+ offset])].quickForward)
                if !check(index, part, depth: depth + 1) { return false }
            }
        }
        let node = tree[index]
        switch schema.pointee.quickKind {
        case .none:
            return false
        case .scalar:
            return scalar(node, schema)
        case .object:
            return node.kind == .object ? object(index, node, schema, depth: depth) : scalar(node, schema)
        case .array:
            return node.kind == .array ? array(index, node, schema, depth: depth) : scalar(node, schema)
        }
    }

    /// Plain properties, `additionalProperties`, `propertyNames` and `required`.
    private func object(_ index: Int, _ node: JSONNode, _ schema: UnsafePointer<SchemaNode>, depth: Int) -> Bool {
        guard kindPasses(node, schema) else { return false }
        let list = properties + Int(schema.pointee.properties.start)
        let count = Int(schema.pointee.properties.count)
        let additional = schema.pointee.additionalProperties
        let additionalTarget = additional >= 0 ? Int(nodes[Int(additional)].quickForward) : -1
        let propertyNames = schema.pointee.propertyNames
        let namesTarget = propertyNames >= 0 ? Int(nodes[Int(propertyNames)].quickForward) : -1
        var seen: UInt64 = 0
        var hint = 0
        var member = index &+ 1
        let end = Int(node.next)
        while member < end {
            let key = tree[member]
            // Keys with escapes are rare: the full evaluation compares them decoded.
            guard key.flags & JSONNode.hasEscapes == 0 else { return false }
            let length = Int(key.end &- key.start) &- 2
            let start = Int(key.start) &+ 1
            let prefix = self.prefix(start, length)
            // Members usually come in the schema's order: look first just after the last match.
            var position = hint < count ? hint : 0
            var target = additionalTarget
            var typeOnlyKinds: UInt8 = 0
            var typeOnlyIntegers = false
            for _ in 0..<count {
                let property = list + position
                if Int(property.pointee.count) == length && property.pointee.prefix == prefix
                    && (length <= 8
                        || JSONDocument.bytesEqual(base + start, names + Int(property.pointee.start), length))
                {
                    if position < 64 { seen |= 1 &<< UInt64(position) }
                    hint = position &+ 1
                    target = Int(property.pointee.quickTarget)
                    typeOnlyKinds = property.pointee.typeOnlyKinds
                    typeOnlyIntegers = property.pointee.typeOnlyIntegers
                    break
                }
                position = position &+ 1 == count ? 0 : position &+ 1
            }
            if typeOnlyKinds != 0 {
                // A `type` alone (most box and metadata members): checked here, without visiting the target.
                guard Self.kindAllowed(tree[member &+ 1], kinds: typeOnlyKinds, integerOnly: typeOnlyIntegers) else {
                    return false
                }
            } else if target >= 0, !check(member &+ 1, target, depth: depth &+ 1) {
                return false
            }
            if namesTarget >= 0, !check(member, namesTarget, depth: depth &+ 1) { return false }
            member = Int(tree[member &+ 1].next)
        }
        let required = schema.pointee.required
        guard required.count > 0 else { return true }
        if let mask = schema.pointee.requiredMask { return seen & mask == mask }
        for offset in 0..<Int(required.count)
        where !hasMember(index, node, properties + (Int(required.start) &+ offset)) {
            return false
        }
        return true
    }

    /// Whether the object at `index` has a member named like `property` (false also for keys with escapes,
    /// which the full evaluation decodes).
    private func hasMember(_ index: Int, _ node: JSONNode, _ property: UnsafePointer<SchemaNode.Property>) -> Bool {
        var member = index &+ 1
        let end = Int(node.next)
        while member < end {
            let key = tree[member]
            if key.flags & JSONNode.hasEscapes == 0,
                nameEquals(Int(key.start) &+ 1, Int(key.end &- key.start) &- 2, property)
            {
                return true
            }
            member = Int(tree[member &+ 1].next)
        }
        return false
    }

    /// `items` and item counts.
    private func array(_ index: Int, _ node: JSONNode, _ schema: UnsafePointer<SchemaNode>, depth: Int) -> Bool {
        guard kindPasses(node, schema) else { return false }
        let count = Int(node.count)
        if schema.pointee.minItems >= 0, count < Int(schema.pointee.minItems) { return false }
        if schema.pointee.maxItems >= 0, count > Int(schema.pointee.maxItems) { return false }
        let items = schema.pointee.items
        guard items >= 0 else { return true }
        let target = Int(nodes[Int(items)].quickForward)
        var element = index &+ 1
        let end = Int(node.next)
        while element < end {
            if !check(element, target, depth: depth &+ 1) { return false }
            element = Int(tree[element].next)
        }
        return true
    }

    /// `type`: one bit test, except for numbers against `integer` that are written with a fraction or an
    /// exponent (such as `1.0`), which the full evaluation decides exactly.
    @inline(__always)
    private func kindPasses(_ node: JSONNode, _ schema: UnsafePointer<SchemaNode>) -> Bool {
        Self.kindAllowed(node, kinds: schema.pointee.kinds, integerOnly: schema.pointee.integerOnly)
    }

    /// ``kindPasses(_:_:)`` from a schema's ``SchemaNode/kinds`` and ``SchemaNode/integerOnly``.
    @inline(__always)
    private static func kindAllowed(_ node: JSONNode, kinds: UInt8, integerOnly: Bool) -> Bool {
        guard kinds &>> node.kind.rawValue & 1 != 0 else { return false }
        return node.kind != .number || !integerOnly || node.flags & JSONNode.isInteger != 0
    }

    /// `type`, integer bounds, string lengths and `pattern`, string `const` and `enum`.
    @inline(__always)
    private func scalar(_ node: JSONNode, _ schema: UnsafePointer<SchemaNode>) -> Bool {
        guard kindPasses(node, schema) else { return false }
        // Most scalar schemas are a `type` alone: the rest stays out of line.
        return schema.pointee.groups.isDisjoint(with: [.number, .string, .enumOrConst]) || scalarValue(node, schema)
    }

    /// ``scalar(_:_:)`` beyond `type`.
    @inline(never)
    private func scalarValue(_ node: JSONNode, _ schema: UnsafePointer<SchemaNode>) -> Bool {
        let groups = schema.pointee.groups
        switch node.kind {
        case .number where groups.contains(.number):
            guard schema.pointee.boundsAreIntegers,
                let (floor, hasFraction) = JSONDocument.floorAndFraction(of: node, in: text),
                Self.withinIntegerBounds(floor, hasFraction, schema.pointee.integerBounds)
            else { return false }
        case .string where groups.contains(.string):
            guard node.flags & JSONNode.hasEscapes == 0 else { return false }
            let content = UnsafeBufferPointer(
                start: base + (Int(node.start) &+ 1), count: Int(node.end &- node.start) &- 2)
            if !stringPasses(content, schema) { return false }
        default:
            break
        }
        guard groups.contains(.enumOrConst) else { return true }
        guard node.kind == .string, node.flags & JSONNode.hasEscapes == 0 else { return false }
        let length = Int(node.end &- node.start) &- 2
        let start = Int(node.start) &+ 1
        let constant = Int(schema.pointee.constString)
        if constant >= 0 { return nameEquals(start, length, properties + constant) }
        guard let strings = schema.pointee.enumStrings else { return false }
        for offset in 0..<Int(strings.count)
        where nameEquals(start, length, properties + (Int(strings.start) &+ offset)) {
            return true
        }
        return false
    }

    /// String lengths and `pattern`.
    @inline(__always)
    private func stringPasses(_ content: UnsafeBufferPointer<UInt8>, _ schema: UnsafePointer<SchemaNode>) -> Bool {
        let minimum = Int(schema.pointee.minLength)
        let maximum = Int(schema.pointee.maxLength)
        // A character takes one to four bytes, so the byte count often settles the bounds without counting.
        let settled = (minimum < 0 || content.count >= minimum &* 4) && (maximum < 0 || content.count <= maximum)
        if !settled {
            let length = UTF8Validation.scalarCount(content, upTo: content.count)
            if minimum >= 0, length < minimum { return false }
            if maximum >= 0, length > maximum { return false }
        }
        if let table = schema.pointee.asciiPattern {
            return table.run(content) ?? (schema.pointee.pattern?.matches(utf8: content) ?? false)
        }
        return schema.pointee.pattern?.matches(utf8: content) ?? true
    }

    /// Whether the `length` bytes at `start` of the line are the name of `property`.
    @inline(__always)
    private func nameEquals(_ start: Int, _ length: Int, _ property: UnsafePointer<SchemaNode.Property>) -> Bool {
        Int(property.pointee.count) == length && property.pointee.prefix == prefix(start, length)
            && (length <= 8 || JSONDocument.bytesEqual(base + start, names + Int(property.pointee.start), length))
    }

    /// The first eight bytes (or fewer, zero-padded) of the `length` bytes at `start`, as
    /// ``SchemaNode/Property/prefix`` holds them.
    @inline(__always)
    private func prefix(_ start: Int, _ length: Int) -> UInt64 {
        guard start &+ 8 <= text.count else {
            return SchemaNode.Property.prefix(of: UnsafeBufferPointer(start: base + start, count: length))
        }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        return length >= 8 ? word : word & ((1 &<< UInt64(length &* 8)) &- 1)
    }

    /// Whether `floor + f` (0 <= f < 1, f > 0 exactly when `hasFraction`) is within integer bounds.
    @inline(__always)
    static func withinIntegerBounds(
        _ floor: Int, _ hasFraction: Bool,
        _ bounds: (minimum: Int?, maximum: Int?, exclusiveMinimum: Int?, exclusiveMaximum: Int?)
    ) -> Bool {
        let withinMinimum = bounds.minimum.map { floor >= $0 } ?? true
        let withinMaximum = bounds.maximum.map { floor < $0 || (floor == $0 && !hasFraction) } ?? true
        let aboveMinimum = bounds.exclusiveMinimum.map { floor > $0 || (floor == $0 && hasFraction) } ?? true
        let belowMaximum = bounds.exclusiveMaximum.map { floor < $0 } ?? true
        return withinMinimum && withinMaximum && aboveMinimum && belowMaximum
    }
}
