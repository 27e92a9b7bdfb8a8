import Foundation
import Testing
import _ManifestTestSupport

/// Every command that takes a path, given a directory in each way a user types one: a sentence, exit 2.
///
/// The paths: `.`, `./`, `..`, `/`, `dir/`, a symbolic link to a directory, a file with a trailing slash;
/// never a crash. Foundation's `NSString.deletingLastPathComponent` crashed on `.`; paths are now handled without it.
@Suite struct PathArgumentTests {
    /// A scratch directory with a manifest, a subdirectory and a symbolic link to it.
    static let scratch: String = {
        let directory = NSTemporaryDirectory() + "clmanifest-paths-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory + "/dir", withIntermediateDirectories: true)
        let sample = SharedDirectory.packageRoot.appendingPathComponent("samples/image-level.manifest").path
        try? FileManager.default.copyItem(atPath: sample, toPath: directory + "/a.manifest")
        try? FileManager.default.createSymbolicLink(
            atPath: directory + "/link", withDestinationPath: directory + "/dir")
        try? Data("type: object\n".utf8).write(to: URL(fileURLWithPath: directory + "/schema.yaml"))
        return directory
    }()

    static let paths = [".", "./", "..", "/", "dir/", "link", "link/", "a.manifest/"]

    static let arn = "arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1700000000000"

    /// The commands, with `P` standing for the path under test.
    static let commands: [[String]] = [
        ["lint", "P"], ["validate", "--schema", "schema.yaml", "P"], ["diff", "a.manifest", "P"],
        ["diff", "P", "a.manifest"], ["split", "P", "--dry-run"],
        ["upload", "P", "--dry-run", "--prior", "a.manifest"],
        ["upload", "a.manifest", "--dry-run", "--prior", "P"], ["lint", "--config", "P", "a.manifest"],
        ["lint", "--baseline", "P", "a.manifest"], ["lint", "--schema", "P", "a.manifest"],
        ["validate", "--schema", "P", "a.manifest"], ["lint", "--write-baseline", "P", "a.manifest"],
        ["lint", "--format", "json:P", "a.manifest"], ["diff", "a.manifest", "a.manifest", "--changes-out", "P"],
        ["split", "a.manifest", "--out-dir", "a.manifest"],
    ]

    /// Runs `clmanifest` in the scratch directory, without credentials.
    private func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(
            arguments,
            environment: [
                "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
                "AWS_CONFIG_FILE": "/nonexistent",
            ], directory: Self.scratch)
    }

    @Test(arguments: paths)
    func aDirectoryWhereAFileIsExpectedIsASentenceAndExitTwo(path: String) throws {
        for command in Self.commands {
            let arguments =
                command.map { $0.replacingOccurrences(of: "P", with: path) }
                + (command.first == "upload" ? ["--dataset-arn", Self.arn] : [])
            let result = try run(arguments)
            let context = "\(arguments.joined(separator: " ")): \(result.status) \(result.standardError)"
            #expect(result.status == 2, "\(context)")
            #expect(result.standardError.hasPrefix("error: "), "\(context)")
            #expect(!result.standardError.contains("crashed") && !result.standardError.contains("NSCocoaError"))
            #expect(result.standardError.split(separator: "\n").count <= 3, "\(context)")
        }
    }

    @Test func aBareFileNameFindsItsConfiguration() throws {
        // `lint x.manifest` in the manifest's own directory: configuration discovery starts at ".".
        try Data("select: [CL2]\n".utf8).write(to: URL(fileURLWithPath: Self.scratch + "/dir/.clmanifest.yml"))
        try Data(#"{"source-ref": "https://example.com/a.jpg"}"#.utf8 + [0x0A])
            .write(to: URL(fileURLWithPath: Self.scratch + "/dir/b.manifest"))
        let bare = try CommandRunner.run(["lint", "b.manifest"], directory: Self.scratch + "/dir")
        #expect(bare.status == 0, "the configuration in dir/ selects CL2 only: \(bare.standardError)")
        let outside = try run(["lint", "--isolated", "dir/b.manifest"])
        #expect(outside.status == 1 && outside.standardOutput.contains("[CL102]"))
        let missing = try run(["lint", "no-such.manifest"])
        #expect(missing.status == 2)
        #expect(missing.standardError == "error: cannot open 'no-such.manifest': no such file or directory\n")
    }
}
