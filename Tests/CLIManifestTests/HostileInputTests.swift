import Foundation
import Testing
import _ManifestTestSupport

/// Input made to break a linter: each case ends within 10 seconds, in bounded memory, with findings where
/// the input is at fault and exit 2 with one sentence where clmanifest cannot go on.
@Suite(.serialized) struct HostileInputTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func file(_ name: String, _ text: String) throws -> String {
        try file(name, Array(text.utf8))
    }

    /// How much slower and larger a run may be: 5 under a sanitizer (CLMANIFEST_SANITIZED=1, set by CI's
    /// AddressSanitizer pass), whose checks, shadow memory and quarantine cost 2–4 times; 1 otherwise.
    static let allowance = ProcessInfo.processInfo.environment["CLMANIFEST_SANITIZED"] == "1" ? 5.0 : 1.0

    /// Runs `clmanifest arguments`, checks time (10 s) and memory (250 MB), and returns the result.
    private func run(_ arguments: [String], megabytes: Double = 250) throws -> MeasuredRun.Result {
        let result = try MeasuredRun.run(arguments)
        #expect(result.seconds < 10 * Self.allowance, "\(arguments) took \(result.seconds) s")
        let peak = try #require(
            result.peakMegabytes, "\(arguments): no memory sample was taken, so the limit was not checked")
        #expect(peak < megabytes * Self.allowance, "\(arguments) peaked at \(peak) MB")
        #expect(result.status != 0 || !result.standardOutput.isEmpty || result.standardError.contains("No problems"))
        #expect(!result.standardError.contains("Fatal error"), "\(result.standardError)")
        return result
    }

    @Test func oneGigabyteLineWithoutNewline() throws {
        // A sparse file: 64 KiB of text (so that it is not taken for binary data), then NUL bytes up to 1 GiB,
        // one line with no LF.
        let path = try file("huge.manifest", String(repeating: "x", count: 1 << 16))
        #expect(truncate(path, 1 << 30) == 0)
        for jobs in ["1", "2"] {
            let result = try run(["lint", "--isolated", "--jobs", jobs, path])
            #expect(result.status == 1)
            #expect(result.standardOutput.contains("[CL007] line is 1,073,741,824 characters long"))
            #expect(!result.standardOutput.contains("CL406"), "the line counts: the manifest is not empty")
        }
    }

    @Test func nestingOneHundredThousandDeep() throws {
        let path = try file(
            "deep.manifest", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        let result = try run(["lint", "--isolated", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains(":1:513: error: [CL009] arrays and objects are nested deeper than 512"))
    }

    @Test func hugeNumbers() throws {
        let line =
            #"{"source-ref":"s3://bucket/a.jpg","bb":{"image_size":[{"width":"# + String(repeating: "9", count: 10_000)
            + #","height":1e999999,"depth":3}],"annotations":[{"class_id":0,"left":-1e-999999,"top":0,"width":1e999999,"#
            + #""height":0.5}]},"bb-metadata":{"objects":[{"confidence":1e999999}],"class-map":{"0":"a"},"#
            + #""type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}"#
        let result = try run(["lint", "--isolated", try file("numbers.manifest", line)])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("[CL306] image width (too large to represent) is outside 64–4,096"))
        #expect(result.standardOutput.contains("/bb-metadata/objects/0/confidence: must be at most 1, found 1e999999"))
    }

    @Test func binaryFileNULBytesAndInvalidUTF8() throws {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<5_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // One finding for the whole file, not one per "line" of random bytes.
        let binary = try run(["lint", "--isolated", try file("random.bin", random)])
        #expect(binary.status == 1)
        #expect(
            binary.standardOutput.hasSuffix(
                "random.bin: error: [CL011] the file holds binary data, not JSON Lines text: its lines were not checked\n"
            ))
        #expect(binary.standardOutput.split(separator: "\n").count == 1)
        let executable = try run(["lint", "--isolated", CommandRunner.executable.path])
        #expect(executable.status == 1)
        #expect(executable.standardOutput.contains("[CL011] the file holds an ELF executable"))
        #expect(executable.standardOutput.split(separator: "\n").count == 1)
        let mixed: [UInt8] =
            Array(#"{"source-ref":"s3://bucket/a"#.utf8) + [0] + Array(#".jpg"}"#.utf8) + [0x0A]
            + Array(#"{"source-ref":"s3://bucket/"#.utf8) + [0xC3, 0x28] + Array(#".jpg"}"#.utf8) + [0x0A]
        let text = try run(["lint", "--isolated", "--format", "jsonl", try file("mixed.manifest", mixed)])
            .standardOutput
        #expect(text.contains(#""code":"CL006""#) && text.contains(#""code":"CL005""#))
    }

    @Test func objectsWithHundredsOfThousandsOfKeys() throws {
        let distinct = "{" + (0..<350_000).map { #""k\#($0)":0"# }.joined(separator: ",") + "}"
        let many = try run(["lint", "--isolated", try file("keys.manifest", distinct)])
        #expect(many.status == 1)
        #expect(many.standardOutput.contains("349,000 more findings of this rule on this line not shown"))
        let repeated = "{" + Array(repeating: #""k":0"#, count: 500_000).joined(separator: ",") + "}"
        let same = try run(["lint", "--isolated", try file("same.manifest", repeated)])
        #expect(same.standardOutput.contains("[CL008] 498,999 more findings of this rule on this line not shown"))
    }

    @Test func pathsThatAreNoManifestExitTwo() throws {
        let cases: [(String, String)] = [
            (directory.path, "is a directory, not a manifest file"),
            (directory.appendingPathComponent("missing.manifest").path, "cannot open"),
            (try file("plain.txt", "x") + "/below", "cannot open"),
        ]
        for (path, message) in cases {
            let result = try run(["lint", "--isolated", path])
            #expect(result.status == 2)
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
    }

    /// Run as `nobody` when the tests run as root (as CI does), since root reads every file.
    @Test(.enabled(if: CommandRunner.canTestPermissions, "skipped: running as root without setpriv to drop to nobody"))
    func unreadableFileExitsTwo() throws {
        chmod(directory.path, 0o755)
        let path = try file("secret.manifest", "{}\n")
        chmod(path, 0)
        defer { chmod(path, 0o600) }
        let result = try CommandRunner.runUnprivileged(["lint", "--isolated", path])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError == "error: cannot open '\(path)': permission denied\n")
    }

    /// A FIFO is read as a stream, like standard input (`clmanifest lint <(jq -c . x.json)`), but cannot
    /// have its images checked, which needs a second reading.
    @Test func fifoIsReadOnceAsAStream() throws {
        let path = directory.appendingPathComponent("pipe.manifest").path
        #expect(mkfifo(path, 0o600) == 0)
        let line = try String(contentsOfFile: "samples/image-level.manifest", encoding: .utf8).split(separator: "\n")[0]
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.write(Data((line + "\n{\"a\":1,}\n").utf8))
                try? handle.close()
            }
        }
        writer.start()
        let result = try run(["lint", "--isolated", "--format", "jsonl", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains(#""line":2"#) && result.standardOutput.contains("CL001"))
        let images = try run(["lint", "--isolated", "--images", "s3://b/=\(directory.path)", path])
        #expect(images.status == 2)
        #expect(images.standardError.contains("need a regular file, not standard input or a pipe"))
    }

    @Test func yamlBombsAndHugeDocumentsAreRefused() throws {
        var lines = [#"a: &a ["x","x","x","x","x","x","x","x","x","x"]"#]
        for (previous, name) in zip("abcdefghi", "bcdefghij") {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]")
        }
        let bomb = lines.joined(separator: "\n") + "\n"
        let config = try run(["lint", "--config", try file("bomb.yml", bomb), "samples/mixed.manifest"])
        #expect(config.status == 2)
        #expect(config.standardError.contains("expands to more than 1,000,000 values (YAML aliases?)"))
        let schema = try run(["validate", "--schema", try file("bomb.yaml", bomb), "samples/mixed.manifest"])
        #expect(schema.status == 2 && schema.standardError.contains("YAML aliases?"))
        let huge = "severity:\n" + String(repeating: "  CL209: warning\n", count: 600_000)
        let big = try run(["lint", "--config", try file("big.yml", huge), "samples/mixed.manifest"])
        #expect(big.status == 2)
        #expect(
            big.standardError.contains(
                "big.yml: cannot be read: it is 10,200,010 bytes (9.73 MiB), over the 8,388,608 bytes (8.0 MiB) accepted"
            ))
    }

    @Test func schemaReferenceCycleIsAnError() throws {
        let cycle = try file(
            "cycle.yaml", "$defs:\n  a: {$ref: \"#/$defs/b\"}\n  b: {$ref: \"#/$defs/a\"}\n$ref: \"#/$defs/a\"\n")
        let result = try run(["validate", "--schema", cycle, "samples/mixed.manifest"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cycle of references"))
        // A cycle through a property is legal (recursive data) and ends with the data, down to the
        // validator's depth limit (256), past which a finding says so.
        let recursive = try file("tree.yaml", "type: object\nproperties:\n  child: {$ref: \"#\"}\n")
        let nested = { (depth: Int) in
            String(repeating: #"{"child":"#, count: depth) + "{}" + String(repeating: "}", count: depth) + "\n"
        }
        let tree = try run(["validate", "--schema", recursive, try file("tree.jsonl", nested(100))])
        #expect(tree.status == 0)
        let deep = try run(["validate", "--schema", recursive, try file("deep.jsonl", nested(400))])
        #expect(deep.status == 1 && deep.standardOutput.contains("the schema refers to itself too deeply"))
    }

    /// Patterns run on a linear-time engine (an NFA with a lazily built, bounded DFA): the classic
    /// catastrophic-backtracking patterns cost time proportional to the text.
    @Test func catastrophicPatternsRunInLinearTime() throws {
        let schema = try file(
            "regex.yaml",
            "type: object\nproperties:\n  s: {type: string, pattern: \"^(a+)+$\"}\n"
                + "  t: {type: string, pattern: \"^(a|aa)*b$\"}\n  u: {type: string, pattern: \"(a|b)*a(a|b){20}\"}\n")
        let text = String(repeating: "a", count: 60_000)
        let line = #"{"s":"\#(text)!","t":"\#(text)","u":"\#(String(repeating: "ab", count: 30_000))"}"#
        let result = try run(["validate", "--schema", schema, try file("regex.jsonl", line + "\n")])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("/s:") && result.standardOutput.contains("/t:"))
        #expect(!result.standardOutput.contains("/u:"))
    }
}
