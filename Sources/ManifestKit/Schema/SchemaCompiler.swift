import Foundation

/// Compiles schema documents into a ``SchemaSet``: keywords checked and precomputed, `$ref`s resolved,
/// every `pattern` compiled once.
///
/// Supported: the JSON Schema 2020-12 validation keywords listed in README ("Schemas"), `$ref` to
/// `#…` pointers in the same document and to `other-document#…` among the documents compiled together,
/// and boolean schemas. Unsupported keywords (`$dynamicRef`, `unevaluatedProperties`, …) are load errors.
public struct SchemaCompiler {
    private var documents: [String: SchemaValue] = [:]
    private var order: [String] = []
    private var nodes: [SchemaNode] = []
    private var memo: [String: Int] = [:]

    /// Keywords that only annotate: accepted and not asserted.
    static let annotations: Set<String> = [
        "$schema", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly",
        "writeOnly", "format", "contentEncoding", "contentMediaType", "contentSchema",
    ]

    /// Creates a compiler for documents that may refer to each other by name.
    ///
    /// - Parameter documents: each document's name (as used in `$ref`, such as `object-detection.yaml`) and value.
    public init(documents: [(name: String, value: SchemaValue)]) {
        for (name, value) in documents {
            if self.documents[name] == nil { order.append(name) }
            self.documents[name] = value
        }
    }

    /// Compiles every document.
    ///
    /// - Returns: the compiled set; each document's root is an entry named after the document.
    /// - Throws: ``SchemaError`` naming the document, the place and the problem.
    public consuming func compile() throws(SchemaError) -> SchemaSet {
        var entries: [String: Int] = [:]
        for name in order {
            guard let value = documents[name] else { continue }
            entries[name] = try compile(value, document: name, pointer: "")
        }
        // Every reachable location is an entry, so `set.entry("doc#/$defs/x")` finds compiled subschemas.
        for (key, index) in memo { entries[key] = index }
        return SchemaSet(nodes: nodes, entries: entries)
    }

    private mutating func compile(_ value: SchemaValue, document: String, pointer: String) throws(SchemaError) -> Int {
        let key = pointer.isEmpty ? document : "\(document)#\(pointer)"
        if let known = memo[key] { return known }
        let index = nodes.count
        memo[key] = index
        nodes.append(SchemaNode(location: key))
        switch value {
        case .bool(let constant):
            nodes[index].constant = constant
        case .object(let members):
            let node = nodes[index]
            for member in members {
                try apply(member, to: node, document: document, pointer: pointer)
            }
        default:
            throw SchemaError(
                document: document,
                message: "the schema at '\(pointer.isEmpty ? "/" : pointer)' is a "
                    + "\(value.typeName); a schema must be an object or a boolean")
        }
        return index
    }

    // MARK: - Keywords

    private mutating func apply(
        _ member: SchemaMember, to node: SchemaNode, document: String, pointer: String
    ) throws(SchemaError) {
        let value = member.value
        let here = pointer + "/" + Self.escape(member.key)
        func fail(_ message: String) -> SchemaError {
            SchemaError(
                document: document, line: member.line, column: member.column,
                message: "'\(member.key)' at '\(pointer.isEmpty ? "/" : pointer)': \(message)")
        }
        func subschema(_ value: SchemaValue, _ path: String) throws(SchemaError) -> Int {
            try compile(value, document: document, pointer: path)
        }
        func subschemas(_ value: SchemaValue) throws(SchemaError) -> [Int] {
            guard case .array(let elements) = value, !elements.isEmpty else {
                throw fail("expected a non-empty array of schemas")
            }
            var result: [Int] = []
            for (offset, element) in elements.enumerated() {
                result.append(try subschema(element, here + "/\(offset)"))
            }
            return result
        }
        func count() throws(SchemaError) -> Int {
            guard case .number(let number) = value, number.isInteger, !number.isNegative, let integer = number.intValue
            else { throw fail("expected a non-negative integer") }
            return integer
        }
        func number() throws(SchemaError) -> ExactNumber {
            guard case .number(let number) = value else { throw fail("expected a number") }
            return number
        }
        func properties() throws(SchemaError) -> [SchemaNode.Property] {
            guard case .array(let elements) = value else { throw fail("expected an array of property names") }
            var result: [SchemaNode.Property] = []
            for element in elements {
                guard case .string(let name) = element else { throw fail("expected property names (strings)") }
                result.append(SchemaNode.Property(name: name, utf8: Array(name.utf8), schema: -1))
            }
            return result
        }

        switch member.key {
        case "type":
            var mask = SchemaNode.TypeMask()
            let names: [SchemaValue]
            if case .array(let list) = value { names = list } else { names = [value] }
            for name in names {
                guard case .string(let text) = name, let bit = Self.typeBit(text) else {
                    throw fail("expected a type name (null, boolean, object, array, number, string, integer)")
                }
                mask.insert(bit)
            }
            node.types = mask
        case "enum":
            guard case .array(let values) = value else { throw fail("expected an array") }
            node.enumValues = values
        case "const":
            node.constValue = value
        case "properties":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            for property in members {
                let schema = try subschema(property.value, here + "/" + Self.escape(property.key))
                node.properties.append(
                    SchemaNode.Property(
                        name: property.key, utf8: Array(property.key.utf8),
                        schema: schema))
            }
        case "patternProperties":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            for property in members {
                let pattern: CompiledPattern
                do throws(PatternError) {
                    pattern = try CompiledPattern(property.key)
                } catch {
                    throw fail(error.description)
                }
                node.patternProperties.append(
                    (pattern, try subschema(property.value, here + "/" + Self.escape(property.key))))
            }
        case "additionalProperties": node.additionalProperties = try subschema(value, here)
        case "propertyNames": node.propertyNames = try subschema(value, here)
        case "required": node.required = try properties()
        case "minProperties": node.minProperties = try count()
        case "maxProperties": node.maxProperties = try count()
        case "dependentRequired":
            guard let members = value.members else { throw fail("expected an object of arrays") }
            for dependency in members {
                guard case .array(let names) = dependency.value else { throw fail("expected arrays of names") }
                var required: [SchemaNode.Property] = []
                for name in names {
                    guard case .string(let text) = name else { throw fail("expected property names (strings)") }
                    required.append(SchemaNode.Property(name: text, utf8: Array(text.utf8), schema: -1))
                }
                let property = SchemaNode.Property(name: dependency.key, utf8: Array(dependency.key.utf8), schema: -1)
                node.dependentRequired.append((property, required))
            }
        case "dependentSchemas":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            for dependency in members {
                let schema = try subschema(dependency.value, here + "/" + Self.escape(dependency.key))
                let property = SchemaNode.Property(
                    name: dependency.key, utf8: Array(dependency.key.utf8), schema: schema)
                node.dependentSchemas.append((property, schema))
            }
        case "prefixItems": node.prefixItems = try subschemas(value)
        case "items":
            if case .array = value {
                throw fail("an array of schemas is draft 2019-09 and older; use 'prefixItems' in draft 2020-12")
            }
            node.items = try subschema(value, here)
        case "contains": node.contains = try subschema(value, here)
        case "minContains": node.minContains = try count()
        case "maxContains": node.maxContains = try count()
        case "minItems": node.minItems = try count()
        case "maxItems": node.maxItems = try count()
        case "uniqueItems":
            guard case .bool(let unique) = value else { throw fail("expected true or false") }
            node.uniqueItems = unique
        case "minLength": node.minLength = try count()
        case "maxLength": node.maxLength = try count()
        case "pattern":
            guard case .string(let text) = value else { throw fail("expected a string") }
            do throws(PatternError) {
                node.pattern = try CompiledPattern(text)
            } catch {
                throw fail(error.description)
            }
        case "minimum": node.minimum = try number()
        case "maximum": node.maximum = try number()
        case "exclusiveMinimum": node.exclusiveMinimum = try number()
        case "exclusiveMaximum": node.exclusiveMaximum = try number()
        case "multipleOf":
            let divisor = try number()
            guard !divisor.isNegative, !divisor.isZero else { throw fail("expected a number above zero") }
            node.multipleOf = divisor
        case "allOf": node.allOf = try subschemas(value)
        case "anyOf": node.anyOf = try subschemas(value)
        case "oneOf": node.oneOf = try subschemas(value)
        case "not": node.not = try subschema(value, here)
        case "if": node.ifSchema = try subschema(value, here)
        case "then": node.thenSchema = try subschema(value, here)
        case "else": node.elseSchema = try subschema(value, here)
        case "$defs", "definitions":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            for definition in members { _ = try subschema(definition.value, here + "/" + Self.escape(definition.key)) }
        case "$ref":
            guard case .string(let reference) = value else { throw fail("expected a string") }
            node.ref = try resolve(reference, from: document, fail: fail)
        case "$id":
            guard pointer.isEmpty else { throw fail("'$id' is supported only at the root of a document") }
        case "x-service-code":
            guard case .string(let text) = value, let code = ServiceErrorCode(rawValue: text) else {
                throw fail("expected a documented service code such as ERROR_INVALID_BOUNDING_BOX")
            }
            node.serviceCode = code
        case "x-severity":
            guard case .string(let text) = value, let severity = Severity(rawValue: text) else {
                throw fail("expected error, warning or info")
            }
            node.severity = severity
        case "x-message":
            guard case .string(let text) = value else { throw fail("expected a string") }
            node.message = text
        default:
            if Self.annotations.contains(member.key) || member.key.hasPrefix("x-") { return }
            throw fail("keyword '\(member.key)' is not supported by clmanifest")
        }
    }

    /// Resolves `reference` (`#/pointer`, `document#/pointer` or `document`) and compiles its target.
    private mutating func resolve(
        _ reference: String, from document: String, fail: (String) -> SchemaError
    ) throws(SchemaError) -> Int {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0].isEmpty ? document : String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        guard let root = documents[target] else {
            throw fail(
                "cannot resolve '\(reference)': no schema named '\(target)' (remote references are not "
                    + "supported)")
        }
        guard fragment.isEmpty || fragment.hasPrefix("/") else {
            throw fail("cannot resolve '\(reference)': anchors are not supported, use a JSON Pointer")
        }
        var value = root
        var pointer = ""
        for rawToken in fragment.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = (String(rawToken).removingPercentEncoding ?? String(rawToken))
                .replacing("~1", with: "/").replacing("~0", with: "~")
            pointer += "/" + Self.escape(token)
            switch value {
            case .object:
                guard let next = value[token] else { throw fail("cannot resolve '\(reference)': no '\(token)'") }
                value = next
            case .array(let elements):
                guard let offset = Int(token), elements.indices.contains(offset) else {
                    throw fail("cannot resolve '\(reference)': no element '\(token)'")
                }
                value = elements[offset]
            default:
                throw fail("cannot resolve '\(reference)'")
            }
        }
        return try compile(value, document: target, pointer: pointer)
    }

    private static func typeBit(_ name: String) -> SchemaNode.TypeMask? {
        switch name {
        case "null": .null
        case "boolean": .boolean
        case "object": .object
        case "array": .array
        case "number": .number
        case "string": .string
        case "integer": .integer
        default: nil
        }
    }

    private static func escape(_ token: String) -> String {
        token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }
}
