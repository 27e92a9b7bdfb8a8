import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Checks the validator line by line against Python jsonschema's verdicts, recorded in
/// `Fixtures/reference.expected.jsonl` by `Fixtures/make-reference.py` (the tests do not need Python).
@Suite struct ReferenceValidatorAgreementTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A clmanifest violation as jsonschema locates it: keywords that concern a member or element of a
    /// container are reported by jsonschema at the container, where clmanifest points at the member itself.
    static func normalized(pointer: String, keyword: String) -> String {
        let atContainer: Set = ["additionalProperties", "propertyNames", "uniqueItems", "items"]
        guard atContainer.contains(keyword), let slash = pointer.lastIndex(of: "/") else {
            return "\(pointer) \(keyword)"
        }
        return "\(pointer[..<slash]) \(keyword)"
    }

    @Test func validatorAgreesWithJsonschemaOnEveryLine() throws {
        let schemaText = try String(
            contentsOf: Self.fixtures.appendingPathComponent("reference.schema.yaml"),
            encoding: .utf8)
        let set = try SchemaCompiler(documents: [("reference", try SchemaDocumentReader.read(schemaText, name: "r"))])
            .compile()
        let entry = try #require(set.entry("reference"))
        let validator = SchemaValidator(schemas: set)
        let lines = try String(contentsOf: Self.fixtures.appendingPathComponent("reference.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let expected = try String(
            contentsOf: Self.fixtures.appendingPathComponent("reference.expected.jsonl"),
            encoding: .utf8
        ).split(separator: "\n")
        #expect(lines.count == expected.count && lines.count > 80)
        let parser = JSONParser()
        for (number, (line, verdictText)) in zip(lines, expected).enumerated() {
            let verdict = try #require(try JSONSerialization.jsonObject(with: Data(verdictText.utf8)) as? [String: Any])
            let expectedValid = try #require(verdict["valid"] as? Bool)
            let errors = try #require(verdict["errors"] as? [[String: String]])
            let expectedSet = Set(errors.map { "\($0["pointer"] ?? "") \($0["keyword"] ?? "")" })
            let bytes = Array(line.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                let document = try parser.parse(buffer)
                var violations: [SchemaViolation] = []
                let valid = validator.validate(
                    document, node: JSONDocument.rootIndex, against: entry, into: &violations)
                let actualSet = Set(
                    violations.map {
                        Self.normalized(pointer: document.pointer(to: $0.node), keyword: $0.keyword)
                    })
                #expect(valid == expectedValid, "line \(number + 1): \(line)")
                #expect(actualSet == expectedSet, "line \(number + 1): \(line)")
            }
        }
    }
}
