import Foundation
import Testing
import _ManifestTestSupport

/// Runs `clmanifest validate` and `lint --schema` as users do.
@Suite struct ValidateCommandTests {
    static let fixtures = SharedDirectory.packageRoot.appendingPathComponent("Tests/ManifestKitTests/Schema/Fixtures")

    @Test func validateReportsEveryViolationWithLineColumnAndPointer() throws {
        let schema = Self.fixtures.appendingPathComponent("reference.schema.yaml").path
        let file = Self.fixtures.appendingPathComponent("reference.jsonl").path
        let result = try CommandRunner.run(["validate", "--schema", schema, "--format", "jsonl", file])
        #expect(result.status == 1)
        let findings = result.standardOutput.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let expected = try String(
            contentsOf: Self.fixtures.appendingPathComponent("reference.expected.jsonl"),
            encoding: .utf8
        ).split(separator: "\n")
        let invalidLines = expected.enumerated().filter { !$0.element.contains("\"valid\": true") }.map {
            $0.offset + 1
        }
        #expect(Set(findings.compactMap { $0["line"] as? Int }) == Set(invalidLines))
        #expect(
            findings.allSatisfy { $0["code"] as? String == "CL501" && $0["column"] is Int && $0["pointer"] is String })
        // Line 2 sets id to 0: the finding points at the value.
        let line2 = try #require(findings.first { $0["line"] as? Int == 2 })
        #expect(line2["pointer"] as? String == "/id" && line2["column"] as? Int == 8)
        #expect(line2["message"] as? String == "/id: must be at least 1, found 0")
    }

    @Test func validateAcceptsAnyJSONValuePerLine() throws {
        let schema = try temporaryFile("type: [array, string]\nminLength: 2\n", suffix: ".yaml")
        let result = try CommandRunner.run(
            ["validate", "--schema", schema, "-"], input: Array("[1]\n\"ab\"\n\"a\"\n{}\n".utf8))
        #expect(result.status == 1)
        #expect(
            result.standardOutput == """
                -:3:1: error: [CL501] must have at least 2 characters, found 1
                -:4:1: error: [CL501] expected array or string, found object

                """)
    }

    @Test func unsupportedKeywordsAndBadSchemasExitTwo() throws {
        let unsupported = try temporaryFile("type: object\nunevaluatedProperties: false\n", suffix: ".yaml")
        let result = try CommandRunner.run(["validate", "--schema", unsupported, "-"], input: Array("{}\n".utf8))
        #expect(result.status == 2)
        #expect(result.standardError.contains("keyword 'unevaluatedProperties' is not supported"))
        let broken = try temporaryFile("type: [object\n", suffix: ".yaml")
        #expect(try CommandRunner.run(["validate", "--schema", broken, "-"], input: []).status == 2)
        let badPattern = try temporaryFile("{\"pattern\": \"(a\"}", suffix: ".json")
        let patternResult = try CommandRunner.run(["validate", "--schema", badPattern, "-"], input: [])
        #expect(patternResult.status == 2 && patternResult.standardError.contains("missing ')'"))
    }

    @Test func lintAddsAndReplacesSchemas() throws {
        let extra = try temporaryFile("properties: {split: {enum: [train, test]}}\n", suffix: ".yaml")
        let line = #"{"source-ref": "s3://bucket/a.jpg", "split": "dev"}"# + "\n"
        let added = try CommandRunner.run(["lint", "--schema", extra, "-"], input: Array(line.utf8))
        #expect(added.status == 1)
        #expect(added.standardOutput.contains("-:1:46: error: [CL501] /split: value must be one of 'train', 'test'"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let replacement = directory.appendingPathComponent("manifest-line.yaml")
        try Data("type: object\n".utf8).write(to: replacement)
        let relaxed = try CommandRunner.run(
            ["lint", "--schema", replacement.path, "-"], input: Array("{\"source-ref\": 42}\n".utf8))
        #expect(relaxed.status == 0, "the replacement line schema no longer requires a string source-ref")
        #expect(!relaxed.standardOutput.contains("CL102"))
    }

    private func temporaryFile(_ text: String, suffix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + suffix)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
