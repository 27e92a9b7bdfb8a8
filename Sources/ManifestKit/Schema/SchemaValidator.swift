/// Validates values of a parsed line against a ``SchemaSet``, walking the parser's nodes directly.
///
/// Every violation is reported, not only the first, with the node it concerns so that the caller can give
/// its line, column and JSON Pointer.
public struct SchemaValidator: Sendable {
    /// How deep `$ref` chains may nest on one value before validation stops (a guard against cycles).
    public static let maxDepth = 256

    /// The schemas this validator applies.
    public let schemas: SchemaSet

    /// Creates a validator.
    public init(schemas: SchemaSet) {
        self.schemas = schemas
    }

    /// Validates the node at `index` of `document` against `schema`.
    ///
    /// - Parameters:
    ///   - document: the parsed line.
    ///   - index: the node to validate (``JSONDocument/rootIndex`` for the whole line).
    ///   - schema: the schema to apply.
    ///   - violations: receives every violation found.
    /// - Returns: true when the value is valid.
    @discardableResult
    public func validate(
        _ document: JSONDocument, node index: Int, against schema: SchemaReference,
        into violations: inout [SchemaViolation]
    ) -> Bool {
        schemas.withStorage { storage in
            // Most values are valid: try the quick path first, and evaluate in full only to say what is wrong.
            if SchemaQuickPath(storage: storage, document: document).passes(index, schema.index) { return true }
            var run = Run(storage: storage, document: document, collect: true)
            let valid = run.evaluate(index, schema.index, Context())
            if !run.violations.isEmpty { violations.append(contentsOf: run.violations) }
            return valid
        }
    }

    /// Whether the node at `index` is valid against `schema`; stops at the first violation.
    public func isValid(_ document: JSONDocument, node index: Int, against schema: SchemaReference) -> Bool {
        schemas.withStorage { storage in
            var run = Run(storage: storage, document: document, collect: false)
            return run.evaluate(index, schema.index, Context())
        }
    }
}

/// What the schema path above a keyword says about its violations (plain data: copying it is free).
private struct Context {
    var serviceCode: ServiceErrorCode?
    var severity: Severity = .error
    /// The schema whose `x-message` replaces generated messages, or -1.
    var messageSchema: Int32 = -1
    var depth = 0

    /// The context for a subschema: an `x-message` applies to its own schema's keywords only.
    var withoutMessage: Context {
        var copy = self
        copy.messageSchema = -1
        return copy
    }
}

/// One validation pass: the document, the schemas and the violations found so far.
private struct Run {
    let storage: SchemaStorage
    let document: JSONDocument
    let collect: Bool
    let quick: SchemaQuickPath
    var violations: [SchemaViolation] = []

    init(storage: SchemaStorage, document: JSONDocument, collect: Bool) {
        self.storage = storage
        // A view without the reference-counted parts: the caller keeps the document alive, and copies of a
        // run then cost no retains and releases.
        self.document = JSONDocument(bytes: document.bytes, nodes: document.nodes, duplicateKeys: [], owner: nil)
        self.collect = collect
        quick = SchemaQuickPath(storage: storage, document: document)
    }

    /// Applies schema `schemaIndex` to instance node `index`.
    ///
    /// Kept small: everything that only runs on a violation, or for rare keywords, is out of line, so the
    /// common path has a small frame.
    mutating func evaluate(_ index: Int, _ schemaIndex: Int, _ outer: Context) -> Bool {
        let schema = storage.nodes + schemaIndex
        let groups = schema.pointee.groups
        var context = outer
        context.depth += 1
        if groups.contains(.annotations) { Self.annotate(&context, schema, schemaIndex) }
        if let constant = schema.pointee.constant {
            if !constant { reportFalse(index, schema, context) }
            return constant
        }
        if context.depth > SchemaValidator.maxDepth { return reportTooDeep(index, schema, context) }
        var valid = true
        if groups.contains(.reference) {
            valid = apply(index, Int(schema.pointee.ref), context)
            if !valid && !collect { return false }
        }
        if groups.contains(.type), !matches(schema.pointee.types, index) {
            valid = false
            reportType(index, schema, context)
            if !collect { return false }
        }
        if groups.contains(.enumOrConst), !checkEnumAndConst(index, schema, context) {
            valid = false
            if !collect { return false }
        }
        switch document[index].kind {
        case .string where groups.contains(.string):
            valid = checkString(index, schema, context) && valid
        case .number where groups.contains(.number):
            valid = checkNumber(index, schema, context) && valid
        case .object where groups.contains(.object):
            valid = checkObject(index, schema, context) && valid
        case .array where groups.contains(.array):
            valid = checkArray(index, schema, context) && valid
        default:
            break
        }
        if !valid && !collect { return false }
        guard groups.contains(.applicators) else { return valid }
        return checkApplicators(index, schema, context) && valid
    }

    @inline(never)
    private static func annotate(_ context: inout Context, _ schema: UnsafePointer<SchemaNode>, _ schemaIndex: Int) {
        if let code = schema.pointee.serviceCode { context.serviceCode = code }
        if let severity = schema.pointee.severity { context.severity = severity }
        if schema.pointee.message != nil { context.messageSchema = Int32(schemaIndex) }
    }

    @inline(never)
    private mutating func reportFalse(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context) {
        report(index, "no value is allowed here", "false", schema, context)
    }

    @inline(never)
    private mutating func reportTooDeep(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context) -> Bool {
        report(index, "the schema refers to itself too deeply at \(schema.pointee.location)", "$ref", schema, context)
        return false
    }

    @inline(never)
    private mutating func reportType(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context) {
        report(
            index, "expected \(Self.describe(schema.pointee.types)), found \(kindName(index))", "type", schema,
            context)
    }

    /// `enum` and `const`; reports what fails.
    @inline(never)
    private mutating func checkEnumAndConst(
        _ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) -> Bool {
        var valid = true
        if let values = schema.pointee.enumValues, !enumContains(index, schema, values) {
            valid = false
            let list = values.prefix(6).map(Self.render).joined(separator: ", ")
            report(index, "value must be one of \(list)\(values.count > 6 ? ", …" : "")", "enum", schema, context)
            if !collect { return false }
        }
        if let constant = schema.pointee.constValue, !constEquals(index, schema, constant) {
            valid = false
            report(index, "value must be \(Self.render(constant))", "const", schema, context)
        }
        return valid
    }

    /// allOf, anyOf, oneOf, not and if/then/else.
    @inline(never)
    private mutating func checkApplicators(
        _ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) -> Bool {
        var valid = true
        let allOf = schema.pointee.allOf
        for offset in 0..<Int(allOf.count) {
            valid = evaluate(index, subschema(allOf, offset), context.withoutMessage) && valid
            if !valid && !collect { return false }
        }
        let anyOf = schema.pointee.anyOf
        if anyOf.count > 0, !(0..<Int(anyOf.count)).contains(where: { probe(index, subschema(anyOf, $0), context) }) {
            valid = false
            report(index, "value matches none of the \(anyOf.count) allowed forms (anyOf)", "anyOf", schema, context)
            if !collect { return false }
        }
        let oneOf = schema.pointee.oneOf
        if oneOf.count > 0 {
            let matching = (0..<Int(oneOf.count)).count { probe(index, subschema(oneOf, $0), context) }
            if matching != 1 {
                valid = false
                let message =
                    matching == 0
                    ? "value matches none of the \(oneOf.count) allowed forms (oneOf)"
                    : "value matches \(matching) of the \(oneOf.count) forms; exactly one is allowed (oneOf)"
                report(index, message, "oneOf", schema, context)
                if !collect { return false }
            }
        }
        let negated = Int(schema.pointee.not)
        if negated >= 0, probe(index, negated, context) {
            valid = false
            report(
                index, "value must not match the schema at \(storage.nodes[negated].location)", "not", schema,
                context)
            if !collect { return false }
        }
        let condition = Int(schema.pointee.ifSchema)
        if condition >= 0 {
            let branch = Int(probe(index, condition, context) ? schema.pointee.thenSchema : schema.pointee.elseSchema)
            if branch >= 0 { valid = evaluate(index, branch, context.withoutMessage) && valid }
        }
        return valid
    }

    @inline(__always)
    private func subschema(_ slice: SchemaNode.Slice, _ offset: Int) -> Int {
        Int(storage.indices[Int(slice.start) + offset])
    }

    /// Applies a subschema to a member or element, first trying ``quickCheck(_:_:)``.
    @inline(__always)
    private mutating func apply(_ index: Int, _ schemaIndex: Int, _ context: Context) -> Bool {
        if quick.passes(index, schemaIndex) { return true }
        return evaluate(index, Int(storage.nodes[schemaIndex].forward), context.withoutMessage)
    }

    /// Evaluates without recording violations (for anyOf, oneOf, not, if and contains).
    private func probe(_ index: Int, _ schemaIndex: Int, _ context: Context) -> Bool {
        var inner = Run(storage: storage, document: document, collect: false)
        return inner.evaluate(index, schemaIndex, context)
    }

    // MARK: - enum and const

    /// Whether the value at `index` is one of the schema's `enum` values.
    private func enumContains(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ values: [SchemaValue]) -> Bool {
        let node = document[index]
        if let strings = schema.pointee.enumStrings {
            guard node.kind == .string else { return false }
            if node.flags & JSONNode.hasEscapes == 0 {
                for offset in 0..<Int(strings.count)
                where keyMatches(index, storage.properties[Int(strings.start) + offset]) {
                    return true
                }
                return false
            }
        }
        return values.contains { document.equals(index, $0) }
    }

    /// Whether the value at `index` equals `constant`; a string without escapes compares as raw bytes.
    private func constEquals(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ constant: SchemaValue) -> Bool {
        let node = document[index]
        let string = Int(schema.pointee.constString)
        if string >= 0 {
            guard node.kind == .string else { return false }
            if node.flags & JSONNode.hasEscapes == 0 { return keyMatches(index, storage.properties[string]) }
        }
        return document.equals(index, constant)
    }

    // MARK: - Strings and numbers

    @inline(never)
    private mutating func checkString(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context) -> Bool {
        let node = document[index]
        if node.flags & JSONNode.hasEscapes == 0 {
            let text = UnsafeBufferPointer(rebasing: document.bytes[Int(node.start) + 1..<Int(node.end) - 1])
            return checkString(index, text, schema, context)
        }
        return document.stringBytes(at: index).withUnsafeBufferPointer { checkString(index, $0, schema, context) }
    }

    private mutating func checkString(
        _ index: Int, _ text: UnsafeBufferPointer<UInt8>, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) -> Bool {
        var valid = true
        let minimum = Int(schema.pointee.minLength)
        let maximum = Int(schema.pointee.maxLength)
        if minimum >= 0 || maximum >= 0 {
            let length = UTF8Validation.scalarCount(text, upTo: text.count)
            if minimum >= 0, length < minimum {
                valid = false
                report(
                    index, "must have at least \(minimum) character\(minimum == 1 ? "" : "s"), found \(length)",
                    "minLength", schema, context)
            }
            if maximum >= 0, length > maximum {
                valid = false
                report(
                    index, "must have at most \(maximum) character\(maximum == 1 ? "" : "s"), found \(length)",
                    "maxLength", schema, context)
            }
        }
        if let pattern = schema.pointee.pattern, !pattern.matches(utf8: text) {
            valid = false
            report(index, "does not match the pattern '\(pattern.source)'", "pattern", schema, context)
        }
        return valid
    }

    @inline(never)
    private mutating func checkNumber(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context) -> Bool {
        if schema.pointee.boundsAreIntegers, let (floor, hasFraction) = document.floorAndFraction(at: index) {
            // value = floor + f with 0 <= f < 1, and f > 0 exactly when hasFraction: exact against integers.
            if SchemaQuickPath.withinIntegerBounds(floor, hasFraction, schema.pointee.integerBounds) { return true }
        }
        var valid = true
        let raw = document.rawText(at: index)
        guard let value = ExactNumber(raw) else { return true }
        if let minimum = schema.pointee.minimum, value < minimum {
            valid = false
            report(index, "must be at least \(Self.render(minimum)), found \(raw)", "minimum", schema, context)
        }
        if let maximum = schema.pointee.maximum, maximum < value {
            valid = false
            report(index, "must be at most \(Self.render(maximum)), found \(raw)", "maximum", schema, context)
        }
        if let minimum = schema.pointee.exclusiveMinimum, !(minimum < value) {
            valid = false
            report(
                index, "must be greater than \(Self.render(minimum)), found \(raw)", "exclusiveMinimum", schema,
                context)
        }
        if let maximum = schema.pointee.exclusiveMaximum, !(value < maximum) {
            valid = false
            report(
                index, "must be less than \(Self.render(maximum)), found \(raw)", "exclusiveMaximum", schema,
                context)
        }
        if let divisor = schema.pointee.multipleOf, !value.isMultiple(of: divisor) {
            valid = false
            report(index, "must be a multiple of \(Self.render(divisor)), found \(raw)", "multipleOf", schema, context)
        }
        return valid
    }

    // MARK: - Objects

    @inline(never)
    private mutating func checkObject(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context) -> Bool {
        var valid = true
        // Bit p is set when properties[p] was seen (first 64), so `required` needs no second pass.
        var seen: UInt64 = 0
        if schema.pointee.groups.contains(.objectMembers) {
            let properties = schema.pointee.properties
            let simple =
                schema.pointee.additionalProperties < 0 && schema.pointee.propertyNames < 0
                && schema.pointee.patternProperties.isEmpty
            var member = index + 1
            let end = Int(document[index].next)
            // Members usually come in the schema's order: look first just after the last match.
            var hint = 0
            while member < end {
                let value = member + 1
                let position = findProperty(member, properties, startingAt: hint)
                if position >= 0 { hint = position + 1 }
                if position >= 0 {
                    if position < 64 { seen |= 1 << UInt64(position) }
                    let property = storage.properties[Int(properties.start) + position]
                    valid = apply(value, Int(property.schema), context) && valid
                    if !valid && !collect { return false }
                }
                if !simple {
                    valid = checkOtherMember(member, covered: position >= 0, schema, context) && valid
                    if !valid && !collect { return false }
                }
                member = Int(document[value].next)
            }
        }
        if let mask = schema.pointee.requiredMask, seen & mask == mask, schema.pointee.groups.contains(.objectMembers) {
            // Every required property was seen.
        } else {
            valid = checkRequired(index, seen, schema, context) && valid
            if !valid && !collect { return false }
        }
        if schema.pointee.groups.contains(.objectCounts) {
            valid = checkObjectCounts(index, schema, context) && valid
        }
        return valid
    }

    /// `required`, given the properties already seen.
    @inline(never)
    private mutating func checkRequired(
        _ index: Int, _ seen: UInt64, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) -> Bool {
        var valid = true
        let required = schema.pointee.required
        for offset in 0..<Int(required.count) {
            let property = storage.properties[Int(required.start) + offset]
            let position = Int(property.schema)
            if position >= 0 && position < 64 && schema.pointee.groups.contains(.objectMembers) {
                if seen & (1 << UInt64(position)) != 0 { continue }
            } else if hasMember(index, property) {
                continue
            }
            valid = false
            reportRequired(index, property, schema, context)
            if !collect { return false }
        }
        return valid
    }

    /// The position among `properties` of the property named like the key at `member`, or -1.
    @inline(__always)
    private func findProperty(_ member: Int, _ properties: SchemaNode.Slice, startingAt hint: Int) -> Int {
        let count = Int(properties.count)
        var position = hint < count ? hint : 0
        for _ in 0..<count {
            if keyMatches(member, storage.properties[Int(properties.start) &+ position]) { return position }
            position = position + 1 == count ? 0 : position + 1
        }
        return -1
    }

    /// patternProperties, additionalProperties and propertyNames for one member.
    @inline(never)
    private mutating func checkOtherMember(
        _ member: Int, covered coveredByProperties: Bool, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) -> Bool {
        var valid = true
        var covered = coveredByProperties
        let value = member + 1
        if !schema.pointee.patternProperties.isEmpty {
            let key = document.stringBytes(at: member)
            for (pattern, sub) in schema.pointee.patternProperties
            where key.withUnsafeBufferPointer({ pattern.matches(utf8: $0) }) {
                covered = true
                valid = evaluate(value, Int(sub), context.withoutMessage) && valid
                if !valid && !collect { return false }
            }
        }
        let additional = Int(schema.pointee.additionalProperties)
        if !covered, additional >= 0 {
            if storage.nodes[additional].constant == false {
                valid = false
                report(
                    member, "property '\(document.string(at: member))' is not allowed", "additionalProperties",
                    schema, context)
            } else {
                valid = apply(value, additional, context) && valid
            }
            if !valid && !collect { return false }
        }
        let names = Int(schema.pointee.propertyNames)
        if names >= 0, !probe(member, names, context) {
            valid = false
            report(
                member, "property name '\(document.string(at: member))' is not allowed (propertyNames)",
                "propertyNames", schema, context)
        }
        return valid
    }

    @inline(never)
    private mutating func reportRequired(
        _ index: Int, _ property: SchemaNode.Property, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) {
        report(index, "missing required property '\(storage.text(property))'", "required", schema, context)
    }

    /// minProperties, maxProperties, dependentRequired and dependentSchemas.
    @inline(never)
    private mutating func checkObjectCounts(
        _ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) -> Bool {
        var valid = true
        let count = Int(document[index].count)
        let minimum = Int(schema.pointee.minProperties)
        if minimum >= 0, count < minimum {
            valid = false
            report(
                index, "must have at least \(minimum) propert\(minimum == 1 ? "y" : "ies"), found \(count)",
                "minProperties", schema, context)
        }
        let maximum = Int(schema.pointee.maxProperties)
        if maximum >= 0, count > maximum {
            valid = false
            report(
                index, "must have at most \(maximum) propert\(maximum == 1 ? "y" : "ies"), found \(count)",
                "maxProperties", schema, context)
        }
        for (trigger, required) in schema.pointee.dependentRequired
        where hasMember(index, storage.properties[Int(trigger)]) {
            for offset in 0..<Int(required.count) {
                let name = storage.properties[Int(required.start) + offset]
                guard !hasMember(index, name) else { continue }
                valid = false
                report(
                    index,
                    "property '\(storage.text(name))' is required when "
                        + "'\(storage.text(storage.properties[Int(trigger)]))' is present", "dependentRequired", schema,
                    context)
            }
        }
        for (trigger, sub) in schema.pointee.dependentSchemas where hasMember(index, storage.properties[Int(trigger)]) {
            valid = evaluate(index, Int(sub), context.withoutMessage) && valid
        }
        return valid
    }

    /// Whether the string or key at `index` is exactly the property's name.
    @inline(__always)
    private func keyMatches(_ index: Int, _ property: SchemaNode.Property) -> Bool {
        let node = document[index]
        // Without escapes, a different length cannot match: most pairs end here.
        if node.flags & JSONNode.hasEscapes == 0, Int(node.end &- node.start) &- 2 != Int(property.count) {
            return false
        }
        return document.keyEquals(index, storage.name(property))
    }

    /// Whether the object at `object` has a member named like `property`.
    private func hasMember(_ object: Int, _ property: SchemaNode.Property) -> Bool {
        var member = object + 1
        let end = Int(document[object].next)
        while member < end {
            if keyMatches(member, property) { return true }
            member = Int(document[member + 1].next)
        }
        return false
    }

    // MARK: - Arrays

    @inline(never)
    private mutating func checkArray(_ index: Int, _ schema: UnsafePointer<SchemaNode>, _ context: Context) -> Bool {
        var valid = true
        let node = document[index]
        let count = Int(node.count)
        let prefix = schema.pointee.prefixItems
        let items = Int(schema.pointee.items)
        if prefix.count > 0 || items >= 0 {
            let itemsForbidden = items >= 0 && storage.nodes[items].constant == false
            var element = index + 1
            var position = 0
            let end = Int(node.next)
            while element < end {
                if position < Int(prefix.count) {
                    valid = apply(element, subschema(prefix, position), context) && valid
                } else if itemsForbidden {
                    valid = false
                    report(
                        element,
                        "array has more than \(prefix.count) item\(prefix.count == 1 ? "" : "s") "
                            + "(items: false)", "items", schema, context)
                } else if items >= 0 {
                    valid = apply(element, items, context) && valid
                }
                if !valid && !collect { return false }
                element = Int(document[element].next)
                position += 1
            }
        }
        let contains = Int(schema.pointee.contains)
        if contains >= 0 {
            var matching = 0
            var element = index + 1
            while element < Int(node.next) {
                if probe(element, contains, context) { matching += 1 }
                element = Int(document[element].next)
            }
            let minimum = schema.pointee.minContains >= 0 ? Int(schema.pointee.minContains) : 1
            if matching < minimum {
                valid = false
                let message =
                    schema.pointee.minContains < 0
                    ? "no item matches the 'contains' schema"
                    : "\(matching) item\(matching == 1 ? "" : "s") match the 'contains' schema, at least \(minimum) "
                        + "required"
                report(index, message, "contains", schema, context)
            }
            let maximum = Int(schema.pointee.maxContains)
            if maximum >= 0, matching > maximum {
                valid = false
                report(
                    index, "\(matching) items match the 'contains' schema, at most \(maximum) allowed",
                    "maxContains", schema, context)
            }
        }
        let minimum = Int(schema.pointee.minItems)
        if minimum >= 0, count < minimum {
            valid = false
            report(
                index, "must have at least \(minimum) item\(minimum == 1 ? "" : "s"), found \(count)", "minItems",
                schema, context)
        }
        let maximum = Int(schema.pointee.maxItems)
        if maximum >= 0, count > maximum {
            valid = false
            report(
                index, "must have at most \(maximum) item\(maximum == 1 ? "" : "s"), found \(count)", "maxItems",
                schema, context)
        }
        if schema.pointee.uniqueItems, count > 1 {
            let elements = document.elements(of: index)
            outer: for later in 1..<elements.count {
                for earlier in 0..<later where document.equals(elements[earlier], elements[later]) {
                    valid = false
                    report(
                        elements[later], "item \(later) repeats item \(earlier) (uniqueItems)", "uniqueItems",
                        schema, context)
                    break outer
                }
            }
        }
        return valid
    }

    // MARK: - Helpers

    private func matches(_ types: SchemaNode.TypeMask, _ index: Int) -> Bool {
        let node = document[index]
        switch node.kind {
        case .null: return types.contains(.null)
        case .true, .false: return types.contains(.boolean)
        case .object: return types.contains(.object)
        case .array: return types.contains(.array)
        case .string: return types.contains(.string)
        case .number:
            if types.contains(.number) { return true }
            guard types.contains(.integer) else { return false }
            if node.flags & JSONNode.isInteger != 0 { return true }
            return ExactNumber(document.rawText(at: index))?.isInteger ?? false
        }
    }

    private func kindName(_ index: Int) -> String {
        let node = document[index]
        switch node.kind {
        case .null: return "null"
        case .true, .false: return "boolean"
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return node.flags & JSONNode.isInteger != 0 ? "integer" : "number"
        }
    }

    private static func describe(_ types: SchemaNode.TypeMask) -> String {
        let names: [(SchemaNode.TypeMask, String)] = [
            (.object, "object"), (.array, "array"), (.string, "string"), (.integer, "integer"), (.number, "number"),
            (.boolean, "boolean"), (.null, "null"),
        ]
        let present = names.filter { types.contains($0.0) }.map(\.1)
        guard let last = present.last else { return "nothing" }
        return present.count == 1 ? last : present.dropLast().joined(separator: ", ") + " or " + last
    }

    private static func render(_ value: SchemaValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): render(number)
        case .string(let text): "'\(text)'"
        case .array: "an array"
        case .object: "an object"
        }
    }

    private static func render(_ number: ExactNumber) -> String {
        if let integer = number.intValue { return String(integer) }
        return String(number.doubleValue)
    }

    /// The value at `index` for a message: a string without its quotes, anything else as written, in
    /// single quotes and cut to 80 characters.
    private static func excerpt(_ index: Int, _ document: JSONDocument) -> String {
        let text = document[index].kind == .string ? document.string(at: index) : document.rawText(at: index)
        return "'" + (text.count > 80 ? text.prefix(79) + "…" : text) + "'"
    }

    private mutating func report(
        _ index: Int, _ message: String, _ keyword: String, _ schema: UnsafePointer<SchemaNode>, _ context: Context
    ) {
        guard collect else { return }
        var text = message
        if context.messageSchema >= 0, let custom = storage.nodes[Int(context.messageSchema)].message {
            // `{value}` in an x-message stands for the value as written, shortened.
            text = custom.replacing("{value}", with: Self.excerpt(index, document))
        }
        violations.append(
            SchemaViolation(
                node: index, keyword: keyword, message: text, serviceCode: context.serviceCode,
                severity: context.severity, schemaLocation: schema.pointee.location))
    }
}
