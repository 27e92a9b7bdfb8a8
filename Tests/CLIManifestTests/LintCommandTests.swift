import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Runs the built `clmanifest` on the samples and on bad input, as users and scripts do.
@Suite struct LintCommandTests {
    static let validSamples = [
        "samples/image-level.manifest", "samples/object-localization.manifest",
        "samples/mixed.manifest",
    ]

    @Test(arguments: validSamples)
    func validSampleExitsZeroAndPrintsNoFindings(sample: String) throws {
        let result = try CommandRunner.run(["lint", sample])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("No problems found in 1 file.\n\(sample): "))
        #expect(result.standardError.contains("; 0 with errors, dropped or not used (0%, within the 20%"))
    }

    @Test func typicalMistakesMatchTheSnapshots() throws {
        let text = try CommandRunner.run(["lint", "samples/typical-mistakes.manifest"])
        #expect(text.status == 1)
        try assertSnapshot(text.standardOutput, named: "typical-mistakes.txt")
        #expect(text.standardError.hasPrefix("Found "))

        let jsonl = try CommandRunner.run(["lint", "--format", "jsonl", "samples/typical-mistakes.manifest"])
        #expect(jsonl.status == 1)
        #expect(jsonl.standardError.isEmpty, "machine formats print no summary")
        try assertSnapshot(jsonl.standardOutput, named: "typical-mistakes.jsonl")
    }

    @Test func readsStandardInputAsDash() throws {
        let valid = try String(contentsOfFile: "samples/image-level.manifest", encoding: .utf8)
            .split(separator: "\n")[0]
        let input = Array("\(valid)\n{\"a\":1,}\n".utf8)
        let result = try CommandRunner.run(["lint", "-"], input: input)
        #expect(result.status == 1)
        #expect(
            result.standardOutput == """
                -:2:8: error: [CL001] [*] expected a string key after ',', found '}' (JSON does not allow a trailing comma) \
                (ERROR_INVALID_JSON_LINE)
                -: error: [CL408] 1 of 2 lines (50%) has errors, over the 20% the service allows \
                (ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST)

                """)
    }

    @Test func warningsAloneExitZero() throws {
        let result = try CommandRunner.run(
            ["lint", "-"], input: Array("{\"source-ref\":\"s3://bucket/a.jpg\",\"a\":1,\"a\":2}\n".utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("warning: [CL008]"))
    }

    @Test func findingsFromSeveralFilesAreSortedByFile() throws {
        let result = try CommandRunner.run([
            "lint", "--format", "jsonl", "samples/typical-mistakes.manifest",
            "samples/image-level.manifest",
        ])
        #expect(result.status == 1)
        let files = result.standardOutput.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
        }
        #expect(!files.isEmpty && files == files.sorted())
    }

    @Test(arguments: [
        (["lint", "samples/no-such-file.manifest"], "error: cannot open 'samples/no-such-file.manifest'"),
        (["lint", "samples"], "error: 'samples' is a directory, not a manifest file"),
        (["lint"], "Missing expected argument"),
        (["lint", "--format", "xml", "samples/mixed.manifest"], "--format"),
        (["lint", "--no-such-flag", "samples/mixed.manifest"], "Unknown option '--no-such-flag'"),
        (["no-such-command"], "Unexpected argument 'no-such-command'"),
    ])
    func couldNotRunExitsTwo(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func anUnreadableFileDoesNotHideTheOthers() throws {
        let result = try CommandRunner.run(["lint", "samples/typical-mistakes.manifest", "samples/missing.manifest"])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("[CL001]"))
        #expect(result.standardError.contains("cannot open 'samples/missing.manifest'"))
    }

    @Test func helpExitsZero() throws {
        let result = try CommandRunner.run(["lint", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("--format"))
    }
}

/// `clmanifest rules` and `clmanifest explain`.
@Suite struct RulesCommandTests {
    @Test func rulesListsEveryRule() throws {
        let result = try CommandRunner.run(["rules"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("CODE "))
        #expect(result.standardOutput.contains("CL303  invalid-bounding-box"))
        #expect(result.standardOutput.split(separator: "\n").count == RuleRegistry.all.count + 1)
    }

    @Test func explainPrintsOneRuleByCodeOrName() throws {
        let byCode = try CommandRunner.run(["explain", "cl102"])
        #expect(byCode.status == 0 && byCode.standardOutput.hasPrefix("CL102 invalid-source-ref-format (error)"))
        let byName = try CommandRunner.run(["explain", "invalid-source-ref-format"])
        #expect(byName.standardOutput == byCode.standardOutput)
        let unknown = try CommandRunner.run(["explain", "CL999"])
        #expect(unknown.status == 2 && unknown.standardError.contains("no rule 'CL999'"))
    }
}
