import Foundation
import Testing
import _ManifestTestSupport

/// Options that contradict each other or would be ignored are refused (exit 2, one sentence), and every
/// message speaks with one voice: lowercase `error:`, counts grouped, nouns in the right number.
@Suite struct ArgumentCheckTests {
    static let sample = "samples/mixed.manifest"
    static let arn = "arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1700000000000"

    @Test(arguments: [
        (["lint", "--isolated", "--config", "c.yml", sample], "--isolated and --config contradict each other"),
        (["diff", "--isolated", "--config", "c.yml", sample, sample], "--isolated and --config contradict each other"),
        (
            ["lint", "--format", "json:/tmp/a.json", "--output", "b.txt", sample],
            "--output has nothing to write: every --format names its own file"
        ),
        (
            ["lint", "--stdin-filename", "x.manifest", sample],
            "--stdin-filename names standard input, but no '-' is given"
        ),
        (["lint", "-", "-"], "'-' (standard input) can be given only once"),
        (["lint", "--select", "", sample], "--select: an empty rule selector"),
        (["lint", "--select=", sample], "--select= has an empty value"),
        (["lint", "--ignore=", sample], "--ignore= has an empty value"),
        (["lint", "--select", "CL3,", sample], "--select: an empty rule selector"),
        (["lint", "--select", "invalid-jsn", sample], "did you mean 'invalid-json'?"),
        (["lint", "--ignore", "CL9", sample], "--ignore: 'CL9' is not a rule code, prefix or name"),
        (["upload", sample, "--dataset-arn", "not-an-arn"], "--dataset-arn: 'not-an-arn' is not a dataset ARN"),
        (["split", sample, "--dry-run", "--max-bytes", "5242881"], "over the API's limit of 5,242,880 bytes a call"),
        (
            ["upload", sample, "--dataset-arn", arn, "--dry-run", "--all", "--max-batch-bytes", "5242881"],
            "--max-batch-bytes must be between 1 and 5,242,880"
        ),
        (["lint"], "error: Missing expected argument"),
    ])
    func isRefusedWithOneSentence(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.hasPrefix("error: "), "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func theAPIsLimitIsAcceptedToTheByte() throws {
        let split = try CommandRunner.run(["split", Self.sample, "--dry-run", "--max-bytes", "5242880"])
        #expect(split.status == 0)
        let upload = try CommandRunner.run(
            [
                "upload", Self.sample, "--dataset-arn", Self.arn, "--dry-run", "--all", "--max-batch-bytes", "5242880",
                "--isolated",
            ], environment: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""])
        #expect(upload.status == 0, "\(upload.standardError)")
    }

    @Test func aProjectARNIsToldApart() throws {
        let project = "arn:aws:rekognition:us-east-1:123456789012:project/shelf/1700000000000"
        let result = try CommandRunner.run(["upload", Self.sample, "--dataset-arn", project])
        #expect(result.status == 2 && result.standardError.contains("this looks like a project ARN"))
    }

    @Test func messagesUseOneVoice() throws {
        let one = try CommandRunner.run(["lint", "--isolated", "-"], input: Array("{\"a\":}\n".utf8))
        #expect(one.standardOutput.contains("[CL408] 1 of 1 line (100%) has errors"))
        #expect(one.standardError.contains("-: 1 line; 1 with errors"))
        #expect(one.standardError.hasPrefix("Found 2 errors, 0 warnings in 1 file."))
        let split = try CommandRunner.run(["split", Self.sample, "--dry-run"])
        #expect(split.standardOutput.hasPrefix("1 batch, 12 lines, 4,769 bytes (at most 5,242,880 bytes a batch)"))
        let unknown = try CommandRunner.run(["lint", "--no-such-flag", Self.sample])
        #expect(unknown.standardError.hasPrefix("error: Unknown option '--no-such-flag'"))
    }
}

/// No raw Foundation error reaches a user: every file that cannot be read is said in a plain sentence that
/// names what it was for.
@Suite struct PlainErrorTests {
    static let foundationWords = [
        "NSCocoaErrorDomain", "The operation could not be completed", "error 256", "POSIX error",
    ]

    @Test(arguments: [
        (
            ["lint", "--config", "no-such.yml", "samples/mixed.manifest"],
            "error: configuration no-such.yml: cannot be read: no such file or directory"
        ),
        (
            ["lint", "--config", "samples", "samples/mixed.manifest"],
            "error: configuration samples: cannot be read: it is a directory, not a file"
        ),
        (
            ["lint", "--baseline", "no-such.jsonl", "samples/mixed.manifest"],
            "error: cannot read the baseline 'no-such.jsonl': no such file or directory"
        ),
        (
            ["lint", "--baseline", "samples", "samples/mixed.manifest"],
            "error: cannot read the baseline 'samples': it is a directory, not a file"
        ),
        (
            ["lint", "--schema", "no-such.yaml", "samples/mixed.manifest"],
            "error: schema no-such.yaml: cannot be read: no such file or directory"
        ),
        (
            ["validate", "--schema", "samples", "samples/mixed.manifest"],
            "error: schema samples: cannot be read: it is a directory, not a file"
        ),
        (
            ["split", "no-such.jsonl", "--dry-run"],
            "error: cannot read the change set 'no-such.jsonl': no such file or directory"
        ),
        (
            ["diff", "no-such.manifest", "samples/mixed.manifest"],
            "error: cannot open 'no-such.manifest': no such file or directory"
        ),
        (
            ["lint", "samples/no-such.manifest"],
            "error: cannot open 'samples/no-such.manifest': no such file or directory"
        ),
    ])
    func aFileThatCannotBeReadIsASentence(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
        for words in Self.foundationWords { #expect(!result.standardError.contains(words)) }
    }

    @Test func aBrokenConfigurationIsNamedNotTheManifest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("selct: [CL1]\n".utf8).write(to: directory.appendingPathComponent(".clmanifest.yml"))
        let sample = SharedDirectory.packageRoot.appendingPathComponent("samples/mixed.manifest")
        try FileManager.default.copyItem(at: sample, to: directory.appendingPathComponent("m.manifest"))
        let result = try CommandRunner.run(["lint", "m.manifest"], directory: directory.path)
        #expect(result.status == 2)
        #expect(
            result.standardError.hasPrefix(
                "error: 'm.manifest' was not checked: configuration \(directory.path)/.clmanifest.yml:1:1: unknown key "
                    + "'selct'; did you mean 'select'?"), "\(result.standardError)")
    }
}
