import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Runs JSON-Schema-Test-Suite draft 2020-12 (json-schema-org/JSON-Schema-Test-Suite) through the validator.
///
/// Groups whose schema uses a feature clmanifest does not support are skipped, each with its reason; every
/// other case must pass.
@Suite struct JSONSchemaTestSuiteTests {
    static let relativePath = "conformance/JSON-Schema-Test-Suite/draft2020-12"

    /// Keywords that make a group skipped, with the reason.
    static let unsupported: [String: String] = [
        "$id": "`$id` (URI-based identification and resolution)",
        "$anchor": "`$anchor` (plain-name fragments)",
        "$dynamicRef": "`$dynamicRef` (dynamic scope)",
        "$dynamicAnchor": "`$dynamicAnchor` (dynamic scope)",
        "$vocabulary": "`$vocabulary` (meta-schema vocabularies)",
        "unevaluatedItems": "`unevaluatedItems` (annotation collection)",
        "unevaluatedProperties": "`unevaluatedProperties` (annotation collection)",
    ]

    static var files: [String] { SharedDirectory.files(in: relativePath, endingWith: ".json") }

    @Test(
        "the suite is present (required under CI)",
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing(relativePath) != nil,
            "skipped: JSON-Schema-Test-Suite not found at ../shared/\(relativePath)"))
    func suiteIsPresent() {
        #expect(Self.files.count >= 40, "expected the draft2020-12 files in ../shared/\(Self.relativePath)")
    }

    @Test(arguments: files)
    func run(file: String) throws {
        let url = try #require(SharedDirectory.existing("\(Self.relativePath)/\(file)"))
        let bytes = [UInt8](try Data(contentsOf: url))
        let parser = JSONParser()
        try bytes.withUnsafeBufferPointer { buffer in
            let document = try parser.parse(buffer)
            for group in document.elements(of: JSONDocument.rootIndex) {
                let description = try #require(document.member("description", in: group).map(document.string(at:)))
                let schemaNode = try #require(document.member("schema", in: group))
                let schema = SchemaValue(document, node: schemaNode)
                if let reason = Self.skipReason(schema) {
                    SkipLog.record("\(file): \(description): \(reason)")
                    continue
                }
                let set = try SchemaCompiler(documents: [("schema", schema)]).compile()
                let root = try #require(set.entry("schema"))
                let validator = SchemaValidator(schemas: set)
                let tests = try #require(document.member("tests", in: group))
                for test in document.elements(of: tests) {
                    let name = try #require(document.member("description", in: test).map(document.string(at:)))
                    let dataNode = try #require(document.member("data", in: test))
                    let validNode = try #require(document.member("valid", in: test))
                    let expected = document[validNode].kind == JSONNode.Kind.true
                    let data = Array(document.rawText(at: dataNode).utf8)
                    try data.withUnsafeBufferPointer { dataBuffer in
                        let instance = try JSONParser().parse(dataBuffer)
                        var violations: [SchemaViolation] = []
                        let valid = validator.validate(
                            instance, node: JSONDocument.rootIndex, against: root,
                            into: &violations)
                        let quick = validator.isValid(instance, node: JSONDocument.rootIndex, against: root)
                        #expect(valid == expected, "\(file): \(description): \(name)")
                        #expect(quick == valid, "\(file): \(description): \(name): isValid disagrees with validate")
                        #expect(valid == violations.isEmpty, "\(file): \(description): \(name): \(violations)")
                    }
                }
            }
        }
    }

    static let countsPath = "Tests/ManifestKitTests/Schema/Fixtures/json-schema-test-suite-counts.tsv"

    /// How many groups and cases of each file run and are skipped, pinned: a skip rule that broke and skipped
    /// everything (or nothing) changes them.
    @Test(
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing(relativePath) != nil,
            "skipped: JSON-Schema-Test-Suite not found at ../shared/\(relativePath)"))
    func runAndSkippedCountsArePinned() throws {
        var rows = ["file\tgroups run\tgroups skipped\tcases run\tcases skipped"]
        var totals = (0, 0, 0, 0)
        for file in Self.files.sorted() {
            let url = try #require(SharedDirectory.existing("\(Self.relativePath)/\(file)"))
            let bytes = [UInt8](try Data(contentsOf: url))
            var counts = (0, 0, 0, 0)
            try bytes.withUnsafeBufferPointer { buffer in
                let document = try JSONParser().parse(buffer)
                for group in document.elements(of: JSONDocument.rootIndex) {
                    let schema = SchemaValue(document, node: try #require(document.member("schema", in: group)))
                    let cases = document.elements(of: try #require(document.member("tests", in: group))).count
                    if Self.skipReason(schema) == nil {
                        counts.0 += 1
                        counts.2 += cases
                    } else {
                        counts.1 += 1
                        counts.3 += cases
                    }
                }
            }
            rows.append("\(file)\t\(counts.0)\t\(counts.1)\t\(counts.2)\t\(counts.3)")
            totals = (totals.0 + counts.0, totals.1 + counts.1, totals.2 + counts.2, totals.3 + counts.3)
        }
        rows.append("total\t\(totals.0)\t\(totals.1)\t\(totals.2)\t\(totals.3)")
        try assertGenerated(
            rows.joined(separator: "\n") + "\n", at: Self.countsPath,
            regenerate:
                "the suite's run/skip counts changed: review, then UPDATE_GENERATED=1 swift test --filter JSONSchemaTestSuiteTests"
        )
    }

    /// Why a group's schema cannot run here, or nil when it uses only supported features.
    static func skipReason(_ schema: SchemaValue) -> String? {
        var reasons: [String] = []
        collect(schema, into: &reasons)
        return reasons.first
    }

    /// Walks schema positions only (not property names or `const` values) looking for unsupported features.
    private static func collect(_ schema: SchemaValue, into reasons: inout [String]) {
        guard let members = schema.members else { return }
        for member in members {
            if let reason = unsupported[member.key] { reasons.append(reason) }
            switch member.key {
            case "$ref":
                if case .string(let reference) = member.value, !reference.hasPrefix("#/"), reference != "#" {
                    reasons.append("remote or anchor `$ref` ('\(reference)')")
                }
            case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas":
                for sub in member.value.members ?? [] { collect(sub.value, into: &reasons) }
            case "allOf", "anyOf", "oneOf", "prefixItems":
                if case .array(let elements) = member.value {
                    for element in elements { collect(element, into: &reasons) }
                }
            case "items", "additionalProperties", "propertyNames", "contains", "not", "if", "then", "else":
                collect(member.value, into: &reasons)
            default:
                break
            }
        }
    }
}

/// Prints what the conformance run skipped, once, so the log says why.
enum SkipLog {
    static func record(_ line: String) {
        print("skipped: \(line)")
    }
}
