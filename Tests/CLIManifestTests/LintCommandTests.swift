import Foundation
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
        #expect(result.standardError == "No problems found in 1 file.\n")
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
        let input = Array("{\"source-ref\":\"s3://bucket/a.jpg\",\"a\":1}\n{\"a\":1,}\n".utf8)
        let result = try CommandRunner.run(["lint", "-"], input: input)
        #expect(result.status == 1)
        #expect(
            result.standardOutput == """
                -:2:8: error: [CL001] expected a string key after ',', found '}' (JSON does not allow a trailing comma) \
                (ERROR_INVALID_JSON_LINE)

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
