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
        var run = Run(nodes: schemas.nodes, document: document, collect: true)
        let valid = run.evaluate(index, schema.index, Context())
        violations.append(contentsOf: run.violations)
        return valid
    }

    /// Whether the node at `index` is valid against `schema`; stops at the first violation.
    public func isValid(_ document: JSONDocument, node index: Int, against schema: SchemaReference) -> Bool {
        var run = Run(nodes: schemas.nodes, document: document, collect: false)
        return run.evaluate(index, schema.index, Context())
    }
}

/// What the schema path above a keyword says about its violations.
private struct Context {
    var serviceCode: ServiceErrorCode?
    var severity: Severity = .error
    var message: String?
    var depth = 0
}

/// One validation pass: the document, the schemas and the violations found so far.
private struct Run {
    let nodes: [SchemaNode]
    let document: JSONDocument
    let collect: Bool
    var violations: [SchemaViolation] = []

    init(nodes: [SchemaNode], document: JSONDocument, collect: Bool) {
        self.nodes = nodes
        self.document = document
        self.collect = collect
    }

    /// Applies schema `schemaIndex` to instance node `index`.
    mutating func evaluate(_ index: Int, _ schemaIndex: Int, _ outer: Context) -> Bool {
        let schema = nodes[schemaIndex]
        var context = outer
        context.depth += 1
        if let code = schema.serviceCode { context.serviceCode = code }
        if let severity = schema.severity { context.severity = severity }
        context.message = schema.message
        if let constant = schema.constant {
            if !constant { report(index, "no value is allowed here", "false", schema, context) }
            return constant
        }
        guard context.depth <= SchemaValidator.maxDepth else {
            report(index, "the schema refers to itself too deeply at \(schema.location)", "$ref", schema, context)
            return false
        }
        var valid = true
        let node = document[index]

        if let reference = schema.ref {
            var inner = context
            inner.message = nil
            valid = evaluate(index, reference, inner) && valid
            if !valid && !collect { return false }
        }
        if let types = schema.types, !matches(types, index) {
            valid = false
            report(index, "expected \(Self.describe(types)), found \(kindName(index))", "type", schema, context)
            if !collect { return false }
        }
        if let values = schema.enumValues, !values.contains(where: { document.equals(index, $0) }) {
            valid = false
            let list = values.prefix(6).map(Self.render).joined(separator: ", ")
            report(index, "value must be one of \(list)\(values.count > 6 ? ", …" : "")", "enum", schema, context)
            if !collect { return false }
        }
        if let constant = schema.constValue, !document.equals(index, constant) {
            valid = false
            report(index, "value must be \(Self.render(constant))", "const", schema, context)
            if !collect { return false }
        }

        switch node.kind {
        case .string:
            valid = checkString(index, schema, context) && valid
        case .number:
            valid = checkNumber(index, schema, context) && valid
        case .object:
            valid = checkObject(index, schema, context) && valid
        case .array:
            valid = checkArray(index, schema, context) && valid
        default:
            break
        }
        if !valid && !collect { return false }

        for sub in schema.allOf {
            valid = evaluate(index, sub, context.withoutMessage) && valid
            if !valid && !collect { return false }
        }
        if !schema.anyOf.isEmpty, !schema.anyOf.contains(where: { probe(index, $0, context) }) {
            valid = false
            report(
                index, "value matches none of the \(schema.anyOf.count) allowed forms (anyOf)", "anyOf", schema,
                context)
            if !collect { return false }
        }
        if !schema.oneOf.isEmpty {
            let matching = schema.oneOf.count { probe(index, $0, context) }
            if matching != 1 {
                valid = false
                let message =
                    matching == 0
                    ? "value matches none of the \(schema.oneOf.count) allowed forms (oneOf)"
                    : "value matches \(matching) of the \(schema.oneOf.count) forms; exactly one is allowed (oneOf)"
                report(index, message, "oneOf", schema, context)
                if !collect { return false }
            }
        }
        if let negated = schema.not, probe(index, negated, context) {
            valid = false
            report(index, "value must not match the schema at \(nodes[negated].location)", "not", schema, context)
            if !collect { return false }
        }
        if let condition = schema.ifSchema {
            let branch = probe(index, condition, context) ? schema.thenSchema : schema.elseSchema
            if let branch {
                valid = evaluate(index, branch, context.withoutMessage) && valid
            }
        }
        return valid
    }

    /// Evaluates without recording violations (for anyOf, oneOf, not, if and contains).
    private mutating func probe(_ index: Int, _ schemaIndex: Int, _ context: Context) -> Bool {
        var inner = Run(nodes: nodes, document: document, collect: false)
        return inner.evaluate(index, schemaIndex, context)
    }

    // MARK: - Strings and numbers

    private mutating func checkString(_ index: Int, _ schema: SchemaNode, _ context: Context) -> Bool {
        guard schema.minLength != nil || schema.maxLength != nil || schema.pattern != nil else { return true }
        var valid = true
        let text = document.stringBytes(at: index)
        if schema.minLength != nil || schema.maxLength != nil {
            let length = text.withUnsafeBufferPointer { UTF8Validation.scalarCount($0, upTo: $0.count) }
            if let minimum = schema.minLength, length < minimum {
                valid = false
                report(
                    index, "must have at least \(minimum) character\(minimum == 1 ? "" : "s"), found \(length)",
                    "minLength", schema, context)
            }
            if let maximum = schema.maxLength, length > maximum {
                valid = false
                report(
                    index, "must have at most \(maximum) character\(maximum == 1 ? "" : "s"), found \(length)",
                    "maxLength", schema, context)
            }
        }
        if let pattern = schema.pattern, !text.withUnsafeBufferPointer({ pattern.matches(utf8: $0) }) {
            valid = false
            report(index, "does not match the pattern '\(pattern.source)'", "pattern", schema, context)
        }
        return valid
    }

    private mutating func checkNumber(_ index: Int, _ schema: SchemaNode, _ context: Context) -> Bool {
        let hasBounds =
            schema.minimum != nil || schema.maximum != nil || schema.exclusiveMinimum != nil
            || schema.exclusiveMaximum != nil
        guard hasBounds || schema.multipleOf != nil else { return true }
        var valid = true
        let raw = document.rawText(at: index)
        guard let value = ExactNumber(raw) else { return true }
        if let minimum = schema.minimum, value < minimum {
            valid = false
            report(index, "must be at least \(Self.render(minimum)), found \(raw)", "minimum", schema, context)
        }
        if let maximum = schema.maximum, maximum < value {
            valid = false
            report(index, "must be at most \(Self.render(maximum)), found \(raw)", "maximum", schema, context)
        }
        if let minimum = schema.exclusiveMinimum, !(minimum < value) {
            valid = false
            report(
                index, "must be greater than \(Self.render(minimum)), found \(raw)", "exclusiveMinimum", schema,
                context)
        }
        if let maximum = schema.exclusiveMaximum, !(value < maximum) {
            valid = false
            report(
                index, "must be less than \(Self.render(maximum)), found \(raw)", "exclusiveMaximum", schema,
                context)
        }
        if let divisor = schema.multipleOf, !value.isMultiple(of: divisor) {
            valid = false
            report(index, "must be a multiple of \(Self.render(divisor)), found \(raw)", "multipleOf", schema, context)
        }
        return valid
    }

    // MARK: - Objects

    private mutating func checkObject(_ index: Int, _ schema: SchemaNode, _ context: Context) -> Bool {
        var valid = true
        let node = document[index]
        let hasMemberKeywords =
            !schema.properties.isEmpty || !schema.patternProperties.isEmpty
            || schema.additionalProperties != nil || schema.propertyNames != nil
        if hasMemberKeywords {
            var member = index + 1
            let end = Int(node.next)
            while member < end {
                let value = member + 1
                var covered = false
                for property in schema.properties where document.keyEquals(member, property.utf8) {
                    covered = true
                    valid = evaluate(value, property.schema, context.withoutMessage) && valid
                    if !valid && !collect { return false }
                }
                if !schema.patternProperties.isEmpty {
                    let key = document.stringBytes(at: member)
                    for (pattern, sub) in schema.patternProperties where key.withUnsafeBufferPointer(pattern.matches) {
                        covered = true
                        valid = evaluate(value, sub, context.withoutMessage) && valid
                        if !valid && !collect { return false }
                    }
                }
                if !covered, let additional = schema.additionalProperties {
                    if nodes[additional].constant == false {
                        valid = false
                        report(
                            member, "property '\(document.string(at: member))' is not allowed",
                            "additionalProperties", schema, context)
                    } else {
                        valid = evaluate(value, additional, context.withoutMessage) && valid
                    }
                    if !valid && !collect { return false }
                }
                if let names = schema.propertyNames, !probe(member, names, context) {
                    valid = false
                    report(
                        member, "property name '\(document.string(at: member))' is not allowed (propertyNames)",
                        "propertyNames", schema, context)
                    if !collect { return false }
                }
                member = Int(document[value].next)
            }
        }
        for property in schema.required where document.member(utf8: property.utf8, in: index) == nil {
            valid = false
            report(index, "missing required property '\(property.name)'", "required", schema, context)
            if !collect { return false }
        }
        let count = Int(node.count)
        if let minimum = schema.minProperties, count < minimum {
            valid = false
            report(
                index, "must have at least \(minimum) propert\(minimum == 1 ? "y" : "ies"), found \(count)",
                "minProperties", schema, context)
        }
        if let maximum = schema.maxProperties, count > maximum {
            valid = false
            report(
                index, "must have at most \(maximum) propert\(maximum == 1 ? "y" : "ies"), found \(count)",
                "maxProperties", schema, context)
        }
        for (property, required) in schema.dependentRequired
        where document.member(utf8: property.utf8, in: index) != nil {
            for name in required where document.member(utf8: name.utf8, in: index) == nil {
                valid = false
                report(
                    index, "property '\(name.name)' is required when '\(property.name)' is present",
                    "dependentRequired", schema, context)
            }
        }
        for (property, sub) in schema.dependentSchemas where document.member(utf8: property.utf8, in: index) != nil {
            valid = evaluate(index, sub, context.withoutMessage) && valid
        }
        return valid
    }

    // MARK: - Arrays

    private mutating func checkArray(_ index: Int, _ schema: SchemaNode, _ context: Context) -> Bool {
        var valid = true
        let node = document[index]
        let count = Int(node.count)
        if !schema.prefixItems.isEmpty || schema.items != nil {
            var element = index + 1
            var position = 0
            let end = Int(node.next)
            while element < end {
                if position < schema.prefixItems.count {
                    valid = evaluate(element, schema.prefixItems[position], context.withoutMessage) && valid
                } else if let items = schema.items {
                    if nodes[items].constant == false {
                        valid = false
                        report(
                            element,
                            "array has more than \(schema.prefixItems.count) item"
                                + "\(schema.prefixItems.count == 1 ? "" : "s") (items: false)", "items", schema, context
                        )
                    } else {
                        valid = evaluate(element, items, context.withoutMessage) && valid
                    }
                }
                if !valid && !collect { return false }
                element = Int(document[element].next)
                position += 1
            }
        }
        if let contains = schema.contains {
            var matching = 0
            var element = index + 1
            while element < Int(node.next) {
                if probe(element, contains, context) { matching += 1 }
                element = Int(document[element].next)
            }
            let minimum = schema.minContains ?? 1
            if matching < minimum {
                valid = false
                report(
                    index,
                    minimum == 1 && schema.minContains == nil
                        ? "no item matches the 'contains' schema"
                        : "\(matching) item\(matching == 1 ? "" : "s") match the 'contains' schema, at least \(minimum) "
                            + "required", "contains", schema, context)
            }
            if let maximum = schema.maxContains, matching > maximum {
                valid = false
                report(
                    index, "\(matching) items match the 'contains' schema, at most \(maximum) allowed",
                    "maxContains", schema, context)
            }
        }
        if let minimum = schema.minItems, count < minimum {
            valid = false
            report(
                index, "must have at least \(minimum) item\(minimum == 1 ? "" : "s"), found \(count)", "minItems",
                schema, context)
        }
        if let maximum = schema.maxItems, count > maximum {
            valid = false
            report(
                index, "must have at most \(maximum) item\(maximum == 1 ? "" : "s"), found \(count)", "maxItems",
                schema, context)
        }
        if schema.uniqueItems, count > 1 {
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
        return present.count <= 1
            ? (present.first ?? "nothing")
            : present.dropLast().joined(separator: ", ")
                + " or " + (present.last ?? "")
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

    /// The value at `index` for a message: a string without its quotes, anything else as written, in
    /// single quotes and cut to 80 characters.
    private static func excerpt(_ index: Int, _ document: JSONDocument) -> String {
        let text = document[index].kind == .string ? document.string(at: index) : document.rawText(at: index)
        return "'" + (text.count > 80 ? text.prefix(79) + "…" : text) + "'"
    }

    private static func render(_ number: ExactNumber) -> String {
        if let integer = number.intValue { return String(integer) }
        return String(number.doubleValue)
    }

    private mutating func report(
        _ index: Int, _ message: String, _ keyword: String, _ schema: SchemaNode, _ context: Context
    ) {
        guard collect else { return }
        var text = message
        if let custom = context.message {
            // `{value}` in an x-message stands for the value as written, shortened.
            text = custom.replacing("{value}", with: Self.excerpt(index, document))
        }
        violations.append(
            SchemaViolation(
                node: index, keyword: keyword, message: text,
                serviceCode: context.serviceCode, severity: context.severity,
                schemaLocation: schema.location))
    }
}

extension Context {
    /// The context for a subschema: an `x-message` applies to its own schema's keywords only.
    fileprivate var withoutMessage: Context {
        var copy = self
        copy.message = nil
        return copy
    }
}
