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
    private var pools = SchemaSet.Pools()
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
        for name in order {
            guard let value = documents[name] else { continue }
            _ = try compile(value, document: name, pointer: "")
        }
        try resolveForwarding()
        markQuickNodes()
        resolveQuickForwarding()
        // Every compiled location is an entry, so `set.entry("doc#/$defs/x")` finds subschemas.
        return SchemaSet(nodes: nodes, pools: pools, entries: memo)
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
            var node = SchemaNode(location: key)
            for member in members {
                try apply(member, to: &node, document: document, pointer: pointer)
            }
            prepare(&node)
            nodes[index] = node
        default:
            throw SchemaError(
                document: document,
                message: "the schema at '\(pointer.isEmpty ? "/" : pointer)' is a "
                    + "\(value.typeName); a schema must be an object or a boolean")
        }
        return index
    }

    // MARK: - Pools

    /// Adds `name` to the byte pool and returns its property record.
    private mutating func property(_ name: String, schema: Int32 = -1) -> SchemaNode.Property {
        let start = Int32(pools.bytes.count)
        pools.bytes.append(contentsOf: name.utf8)
        let prefix = Array(name.utf8).withUnsafeBufferPointer(SchemaNode.Property.prefix(of:))
        return SchemaNode.Property(
            start: start, count: Int32(pools.bytes.count) - start, schema: schema, prefix: prefix)
    }

    /// Adds property records to the property pool, contiguously.
    private mutating func slice(_ properties: [SchemaNode.Property]) -> SchemaNode.Slice {
        let start = Int32(pools.properties.count)
        pools.properties.append(contentsOf: properties)
        return SchemaNode.Slice(start: start, count: Int32(properties.count))
    }

    /// Adds node indices to the index pool, contiguously.
    private mutating func slice(_ indices: [Int]) -> SchemaNode.Slice {
        let start = Int32(pools.indices.count)
        pools.indices.append(contentsOf: indices.map { Int32($0) })
        return SchemaNode.Slice(start: start, count: Int32(indices.count))
    }

    // MARK: - Keywords

    private mutating func apply(
        _ member: SchemaMember, to node: inout SchemaNode, document: String, pointer: String
    ) throws(SchemaError) {
        let value = member.value
        let here = pointer + "/" + Self.escape(member.key)
        func fail(_ message: String) -> SchemaError {
            SchemaError(
                document: document, line: member.line, column: member.column,
                message: "'\(member.key)' at '\(pointer.isEmpty ? "/" : pointer)': \(message)")
        }
        func count() throws(SchemaError) -> Int32 {
            guard case .number(let number) = value, number.isInteger, !number.isNegative,
                let integer = number.intValue, integer <= Int(Int32.max)
            else { throw fail("expected a non-negative integer") }
            return Int32(integer)
        }
        func number() throws(SchemaError) -> ExactNumber {
            guard case .number(let number) = value else { throw fail("expected a number") }
            return number
        }
        func names(_ value: SchemaValue) throws(SchemaError) -> [String] {
            guard case .array(let elements) = value else { throw fail("expected an array of property names") }
            var result: [String] = []
            for element in elements {
                guard case .string(let name) = element else { throw fail("expected property names (strings)") }
                result.append(name)
            }
            return result
        }

        switch member.key {
        case "type":
            var mask = SchemaNode.TypeMask()
            let list: [SchemaValue]
            if case .array(let elements) = value { list = elements } else { list = [value] }
            for name in list {
                guard case .string(let text) = name, let bit = Self.typeBit(text) else {
                    throw fail("expected a type name (null, boolean, object, array, number, string, integer)")
                }
                mask.insert(bit)
            }
            node.types = mask
            node.groups.insert(.type)
        case "enum":
            guard case .array(let values) = value else { throw fail("expected an array") }
            node.enumValues = values
            var strings: [SchemaNode.Property] = []
            for value in values { if case .string(let text) = value { strings.append(property(text)) } }
            if strings.count == values.count { node.enumStrings = slice(strings) }
            node.groups.insert(.enumOrConst)
        case "const":
            node.constValue = value
            if case .string(let text) = value { node.constString = Int32(slice([property(text)]).start) }
            node.groups.insert(.enumOrConst)
        case "properties":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            var list: [SchemaNode.Property] = []
            for entry in members {
                let schema = try compile(entry.value, document: document, pointer: here + "/" + Self.escape(entry.key))
                list.append(property(entry.key, schema: Int32(schema)))
            }
            node.properties = slice(list)
        case "patternProperties":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            for entry in members {
                let pattern: CompiledPattern
                do throws(PatternError) {
                    pattern = try CompiledPattern(entry.key)
                } catch {
                    throw fail(error.description)
                }
                let schema = try compile(entry.value, document: document, pointer: here + "/" + Self.escape(entry.key))
                node.patternProperties.append((pattern, Int32(schema)))
            }
        case "additionalProperties":
            node.additionalProperties = Int32(try compile(value, document: document, pointer: here))
        case "propertyNames":
            node.propertyNames = Int32(try compile(value, document: document, pointer: here))
        case "required":
            node.required = slice(try names(value).map { property($0) })
        case "minProperties": node.minProperties = try count()
        case "maxProperties": node.maxProperties = try count()
        case "dependentRequired":
            guard let members = value.members else { throw fail("expected an object of arrays") }
            for dependency in members {
                let required = slice(try names(dependency.value).map { property($0) })
                let trigger = Int32(slice([property(dependency.key)]).start)
                node.dependentRequired.append((trigger, required))
            }
        case "dependentSchemas":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            for dependency in members {
                let schema = try compile(
                    dependency.value, document: document, pointer: here + "/" + Self.escape(dependency.key))
                let trigger = Int32(slice([property(dependency.key)]).start)
                node.dependentSchemas.append((trigger, Int32(schema)))
            }
        case "prefixItems": node.prefixItems = slice(try subschemas(value, document: document, pointer: here, fail))
        case "items":
            if case .array = value {
                throw fail("an array of schemas is draft 2019-09 and older; use 'prefixItems' in draft 2020-12")
            }
            node.items = Int32(try compile(value, document: document, pointer: here))
        case "contains": node.contains = Int32(try compile(value, document: document, pointer: here))
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
                node.asciiPattern = node.pattern?.asciiTable
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
        case "allOf": node.allOf = slice(try subschemas(value, document: document, pointer: here, fail))
        case "anyOf": node.anyOf = slice(try subschemas(value, document: document, pointer: here, fail))
        case "oneOf": node.oneOf = slice(try subschemas(value, document: document, pointer: here, fail))
        case "not": node.not = Int32(try compile(value, document: document, pointer: here))
        case "if": node.ifSchema = Int32(try compile(value, document: document, pointer: here))
        case "then": node.thenSchema = Int32(try compile(value, document: document, pointer: here))
        case "else": node.elseSchema = Int32(try compile(value, document: document, pointer: here))
        case "$defs", "definitions":
            guard let members = value.members else { throw fail("expected an object of schemas") }
            for definition in members {
                _ = try compile(definition.value, document: document, pointer: here + "/" + Self.escape(definition.key))
            }
        case "$ref":
            guard case .string(let reference) = value else { throw fail("expected a string") }
            node.ref = Int32(try resolve(reference, from: document, fail: fail))
        case "$id":
            guard pointer.isEmpty else { throw fail("'$id' is supported only at the root of a document") }
        case "x-service-code":
            guard case .string(let text) = value, let code = ServiceErrorCode(rawValue: text) else {
                throw fail("expected a documented service code such as ERROR_INVALID_BOUNDING_BOX")
            }
            node.serviceCode = code
            node.groups.insert(.annotations)
        case "x-severity":
            guard case .string(let text) = value, let severity = Severity(rawValue: text) else {
                throw fail("expected error, warning or info")
            }
            node.severity = severity
            node.groups.insert(.annotations)
        case "x-message":
            guard case .string(let text) = value else { throw fail("expected a string") }
            node.message = text
            node.groups.insert(.annotations)
        default:
            if Self.annotations.contains(member.key) || member.key.hasPrefix("x-") { return }
            throw fail("keyword '\(member.key)' is not supported by clmanifest")
        }
    }

    private mutating func subschemas(
        _ value: SchemaValue, document: String, pointer: String, _ fail: (String) -> SchemaError
    ) throws(SchemaError) -> [Int] {
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw fail("expected a non-empty array of schemas")
        }
        var result: [Int] = []
        for (offset, element) in elements.enumerated() {
            result.append(try compile(element, document: document, pointer: pointer + "/\(offset)"))
        }
        return result
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
                "cannot resolve '\(reference)': no schema named '\(target)' (remote references are not supported)")
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

    // MARK: - Precomputation

    /// Marks the nodes whose valid values the validator can confirm without a full evaluation.
    private mutating func markQuickNodes() {
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 unknown, 1 visiting, 2 quick, 3 not quick
        var kinds = [SchemaNode.QuickKind](repeating: .none, count: nodes.count)
        func quick(_ index: Int) -> Bool {
            let target = Int(nodes[index].forward)
            switch state[target] {
            case 2: return true
            case 1, 3: return false  // A cycle is not quick.
            default: break
            }
            state[target] = 1
            let node = nodes[target]
            var result = node.constant == nil
            var groups = node.groups
            // allOf of quick parts is quick; other applicators are not.
            if groups.contains(.applicators) {
                let onlyAllOf = node.anyOf.count == 0 && node.oneOf.count == 0 && node.not < 0 && node.ifSchema < 0
                result =
                    result && onlyAllOf
                    && (0..<Int(node.allOf.count)).allSatisfy { quick(Int(pools.indices[Int(node.allOf.start) + $0])) }
                groups.remove(.applicators)
            }
            // A $ref beside other keywords is quick when its target is.
            if groups.contains(.reference) {
                result = result && quick(Int(node.ref))
                groups.remove(.reference)
            }
            if result {
                if groups.isSubset(of: [.type, .number, .enumOrConst, .string, .annotations]) {
                    kinds[target] = .scalar
                    let numbersOK = !groups.contains(.number) || node.boundsAreIntegers
                    let valuesOK =
                        !groups.contains(.enumOrConst) || node.constString >= 0
                        || (node.enumStrings != nil && node.constValue == nil)
                    result = numbersOK && valuesOK
                } else if groups.isSubset(of: [.type, .object, .objectMembers, .annotations]) {
                    kinds[target] = .object
                    result =
                        node.patternProperties.isEmpty
                        && (node.additionalProperties < 0 || quick(Int(node.additionalProperties)))
                        && (node.propertyNames < 0 || quick(Int(node.propertyNames)))
                        && (0..<Int(node.properties.count)).allSatisfy {
                            quick(Int(pools.properties[Int(node.properties.start) + $0].schema))
                        }
                } else if groups.isSubset(of: [.type, .array, .annotations]) {
                    kinds[target] = .array
                    result =
                        node.prefixItems.count == 0 && node.contains < 0 && !node.uniqueItems
                        && (node.items < 0 || quick(Int(node.items)))
                } else {
                    result = false
                }
            }
            state[target] = result ? 2 : 3
            return result
        }
        for index in nodes.indices { _ = quick(index) }
        for index in nodes.indices { nodes[index].quickKind = state[index] == 2 ? kinds[index] : .none }
    }

    /// Sets each node's ``SchemaNode/forward``: the first node along its chain of pure `$ref` schemas that
    /// does something itself.
    ///
    /// - Throws: ``SchemaError`` for a cycle of pure references, which could never validate anything.
    private mutating func resolveForwarding() throws(SchemaError) {
        for index in nodes.indices {
            var target = index
            var hops = 0
            while nodes[target].groups == [.reference], nodes[target].constant == nil {
                target = Int(nodes[target].ref)
                hops += 1
                guard hops <= nodes.count else {
                    let location = nodes[index].location
                    let pointer = location.drop { $0 != "#" }.dropFirst()
                    throw SchemaError(
                        document: String(location.prefix { $0 != "#" }),
                        message: "'$ref' at '\(pointer.isEmpty ? "/" : pointer)' only refers to itself in a cycle "
                            + "of references")
                }
            }
            nodes[index].forward = Int32(target)
        }
    }

    /// Sets each node's ``SchemaNode/quickForward`` and each property's ``SchemaNode/Property/quickTarget``.
    private mutating func resolveQuickForwarding() {
        for index in nodes.indices {
            var target = Int(nodes[index].forward)
            var hops = 0
            while nodes[target].groups.isSubset(of: [.reference, .annotations]), nodes[target].ref >= 0,
                nodes[target].constant == nil, hops <= nodes.count
            {
                target = Int(nodes[Int(nodes[target].ref)].forward)
                hops += 1
            }
            nodes[index].quickForward = Int32(target)
        }
        for node in nodes {
            for position in Int(node.properties.start)..<Int(node.properties.start + node.properties.count) {
                let schema = Int(pools.properties[position].schema)
                let target = schema >= 0 ? nodes[schema].quickForward : -1
                pools.properties[position].quickTarget = target
                if target >= 0, nodes[Int(target)].quickKind == .scalar,
                    nodes[Int(target)].groups.isDisjoint(with: [
                        .applicators, .reference, .number, .string, .enumOrConst,
                    ])
                {
                    pools.properties[position].typeOnlyKinds = nodes[Int(target)].kinds
                    pools.properties[position].typeOnlyIntegers = nodes[Int(target)].integerOnly
                }
            }
        }
    }

    /// Records the keyword groups, the integer forms of numeric bounds, and where each required name sits
    /// in `properties`, so common checks run without exact arithmetic or a second pass.
    private mutating func prepare(_ node: inout SchemaNode) {
        let bounds = [node.minimum, node.maximum, node.exclusiveMinimum, node.exclusiveMaximum]
        if bounds.contains(where: { $0 != nil }) || node.multipleOf != nil { node.groups.insert(.number) }
        node.integerBounds = (
            node.minimum?.intValue, node.maximum?.intValue, node.exclusiveMinimum?.intValue,
            node.exclusiveMaximum?.intValue
        )
        let integers = [
            node.integerBounds.minimum, node.integerBounds.maximum, node.integerBounds.exclusiveMinimum,
            node.integerBounds.exclusiveMaximum,
        ]
        node.boundsAreIntegers = zip(bounds, integers).allSatisfy { $0 == nil || $1 != nil } && node.multipleOf == nil

        if node.ref >= 0 { node.groups.insert(.reference) }
        if node.groups.contains(.type) {
            let kinds: [(SchemaNode.TypeMask, JSONNode.Kind)] = [
                (.object, .object), (.array, .array), (.string, .string), (.number, .number), (.integer, .number),
                (.boolean, .true), (.boolean, .false), (.null, .null),
            ]
            node.kinds = kinds.reduce(0) { $0 | (node.types.contains($1.0) ? 1 << $1.1.rawValue : 0) }
            node.integerOnly = node.types.contains(.integer) && !node.types.contains(.number)
        }
        if node.minLength >= 0 || node.maxLength >= 0 || node.pattern != nil { node.groups.insert(.string) }
        let hasMembers =
            node.properties.count > 0 || !node.patternProperties.isEmpty
            || node.additionalProperties >= 0 || node.propertyNames >= 0
        if hasMembers { node.groups.insert(.objectMembers) }
        let hasCounts =
            node.minProperties >= 0 || node.maxProperties >= 0 || !node.dependentRequired.isEmpty
            || !node.dependentSchemas.isEmpty
        if hasCounts { node.groups.insert(.objectCounts) }
        if hasMembers || node.required.count > 0 || hasCounts { node.groups.insert(.object) }
        if node.prefixItems.count > 0 || node.items >= 0 || node.contains >= 0 || node.minItems >= 0
            || node.maxItems >= 0 || node.uniqueItems
        {
            node.groups.insert(.array)
        }
        if node.allOf.count > 0 || node.anyOf.count > 0 || node.oneOf.count > 0 || node.not >= 0
            || node.ifSchema >= 0
        {
            node.groups.insert(.applicators)
        }
        // Each required name's `schema` field: its position among the node's properties, or -1.
        var mask: UInt64? = 0
        defer { node.requiredMask = node.required.count > 0 ? mask : nil }
        for offset in 0..<Int(node.required.count) {
            let position = Int(node.required.start) + offset
            let wanted = name(pools.properties[position])
            pools.properties[position].schema = -1
            for index in 0..<Int(node.properties.count)
            where name(pools.properties[Int(node.properties.start) + index]) == wanted {
                pools.properties[position].schema = Int32(index)
                break
            }
            let found = Int(pools.properties[position].schema)
            mask = found >= 0 && found < 64 ? mask.map { $0 | 1 << UInt64(found) } : nil
        }
    }

    private func name(_ property: SchemaNode.Property) -> ArraySlice<UInt8> {
        pools.bytes[Int(property.start)..<Int(property.start + property.count)]
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
