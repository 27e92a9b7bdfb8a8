import ManifestKit
import Testing

/// Loading and compiling schemas: what is refused, and the values read exactly.
@Suite struct SchemaLoadingTests {
    private func compile(_ text: String, name: String = "s.yaml") throws -> SchemaSet {
        try SchemaCompiler(documents: [(name, try SchemaDocumentReader.read(text, name: name))]).compile()
    }

    private func violations(_ schema: String, _ instance: String) throws -> [SchemaViolation] {
        let set = try compile(schema)
        let entry = try #require(set.entry("s.yaml"))
        let bytes = Array(instance.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            let document = try JSONParser().parse(buffer)
            var found: [SchemaViolation] = []
            SchemaValidator(schemas: set).validate(document, node: JSONDocument.rootIndex, against: entry, into: &found)
            return found
        }
    }

    @Test func unsupportedKeywordsAreNamedWithTheirPlace() throws {
        let error = try #require(throws: SchemaError.self) {
            try compile("type: object\nproperties:\n  a:\n    unevaluatedItems: false\n")
        }
        #expect(error.line == 4 && error.column == 5)
        #expect(error.message.contains("keyword 'unevaluatedItems' is not supported"))
    }

    @Test func aCycleOfReferencesIsRefusedAtLoad() throws {
        let error = try #require(throws: SchemaError.self) { try compile("$ref: '#'\n") }
        #expect(error.message.contains("only refers to itself"))
    }

    @Test func recursionThroughApplicatorsStopsWithAFinding() throws {
        let found = try violations("allOf: [{$ref: '#'}]\n", "1")
        #expect(found.contains { $0.message.contains("refers to itself too deeply") })
    }

    @Test func recursiveSchemasValidateNestedValues() throws {
        let schema = "type: object\nproperties:\n  child: {$ref: '#'}\n  n: {type: integer}\n"
        #expect(try violations(schema, #"{"child": {"child": {"n": 1}}}"#).isEmpty)
        let found = try violations(schema, #"{"child": {"child": {"n": "x"}}}"#)
        #expect(found.count == 1 && found.first?.keyword == "type")
    }

    @Test func aliasBombsAreRefused() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let error = try #require(throws: SchemaError.self) { try compile(lines.joined(separator: "\n")) }
        #expect(error.message.contains("expands to more than"))
    }

    @Test func yamlPlainScalarsReadAsJSONWould() throws {
        let value = try SchemaDocumentReader.read("a: yes\nb: no\nc: true\nd: 1.50\ne: ~\nf: '1'\n", name: "y")
        guard case .string("yes") = try #require(value["a"]), case .string("no") = try #require(value["b"]),
            case .bool(true) = try #require(value["c"]), case .number(let number) = try #require(value["d"]),
            case .null = try #require(value["e"]), case .string("1") = try #require(value["f"])
        else {
            Issue.record("unexpected values: \(value)")
            return
        }
        #expect(number == ExactNumber("1.5"))
    }

    @Test func badYAMLAndBadSchemasAreClearErrors() throws {
        #expect(throws: SchemaError.self) { try compile("type: [object\n") }
        #expect(throws: SchemaError.self) { try compile("minLength: -1\n") }
        #expect(throws: SchemaError.self) { try compile("pattern: '(a'\n") }
        #expect(throws: SchemaError.self) { try compile("$ref: 'other.yaml#/x'\n") }
        #expect(throws: SchemaError.self) { try compile("items: [{type: string}]\n") }
        #expect(throws: SchemaError.self) { try compile("x-service-code: ERROR_NOT_A_CODE\n") }
    }
}

@Suite struct ExactNumberTests {
    @Test func equalValuesCompareEqualWhateverTheSpelling() {
        #expect(ExactNumber("1.0") == ExactNumber("1"))
        #expect(ExactNumber("1e2") == ExactNumber("100"))
        #expect(ExactNumber("-0") == ExactNumber("0"))
        #expect(ExactNumber("0.10e1") == ExactNumber("1"))
        #expect(ExactNumber("12345678901234567890123") != ExactNumber("12345678901234567890124"))
    }

    @Test func ordersExactly() throws {
        let values = ["-2", "-1.5", "-1", "0", "1e-30", "0.5", "1", "1.0000000000000000001", "2e30"]
        let numbers = try values.map { try #require(ExactNumber($0)) }
        #expect(numbers == numbers.sorted())
        #expect(try #require(ExactNumber("9007199254740993")) > #require(ExactNumber("9007199254740992")))
    }

    @Test func multipleOfIsExact() throws {
        func multiple(_ value: String, _ divisor: String) throws -> Bool {
            try #require(ExactNumber(value)).isMultiple(of: #require(ExactNumber(divisor)))
        }
        #expect(try multiple("0.3", "0.1"))
        #expect(try multiple("7.5", "2.5"))
        #expect(try !multiple("0.31", "0.1"))
        #expect(try multiple("1e308", "1"))
        #expect(try !multiple("1e308", "0.123456789"))
        #expect(try multiple("0", "3"))
    }

    @Test func rejectsWhatIsNotANumber() {
        for text in ["", "-", "1.2.3", "1e", "abc", "1e+"] { #expect(ExactNumber(text) == nil, "\(text)") }
    }
}
