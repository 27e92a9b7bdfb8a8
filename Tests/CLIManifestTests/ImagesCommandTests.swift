import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `lint --images` on the bundled sample, through the configuration, and with bad mappings.
@Suite struct ImagesCommandTests {
    static let mapping = "s3://northwind-site-safety/ppe/camera-03/2024-06/=samples/images/camera-03"

    @Test func sampleImagesAreChecked() throws {
        let result = try CommandRunner.run([
            "lint", "--images", Self.mapping, "--format", "jsonl", "samples/with-images.manifest",
        ])
        #expect(result.status == 1)
        let findings = try result.standardOutput.split(separator: "\n").map {
            try JSONDecoder().decode(Diagnostic.self, from: Data($0.utf8))
        }
        #expect(
            findings.map { "\($0.line.map(String.init) ?? "-") \($0.code)" } == [
                "3 CL604", "3 CL608", "3 CL609", "4 CL601", "5 CL602", "6 CL603", "- CL408",
            ])
        #expect(findings.first { $0.code == "CL609" }?.serviceCode == .invalidBoundingBox)
    }

    @Test func summaryCountsTheImages() throws {
        let result = try CommandRunner.run(["lint", "--images", Self.mapping, "samples/with-images.manifest"])
        #expect(
            result.standardError.contains(
                "  images: 6 checked, 1 missing, 4 with errors (CL601 1, CL602 1, CL603 1, CL604 1, CL608 1, CL609 1)"))
        let plain = try CommandRunner.run(["lint", "samples/with-images.manifest"])
        #expect(plain.status == 0, "without --images the sample is clean")
        #expect(!plain.standardError.contains("images:"))
    }

    /// An image the user may not read is CL602 saying so (as `nobody` when the tests run as root).
    @Test(.enabled(if: CommandRunner.canTestPermissions, "skipped: running as root without setpriv to drop to nobody"))
    func anUnreadableImageSaysWhy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o755)
        let image = directory.appendingPathComponent("a.png").path
        try Data(TestImages.png(width: 70, height: 70)).write(to: URL(fileURLWithPath: image))
        chmod(image, 0)
        let manifest = directory.appendingPathComponent("m.manifest").path
        try Data(#"{"source-ref": "s3://bucket/a.png"}"#.utf8 + [0x0A]).write(to: URL(fileURLWithPath: manifest))
        chmod(manifest, 0o644)
        let result = try CommandRunner.runUnprivileged(
            ["lint", "--isolated", "--images", "s3://bucket/=\(directory.path)", manifest])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("[CL602] '\(image)' cannot be read as an image: permission denied"))
    }

    @Test func configurationMapsImagesRelativeToItself() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("pictures"), withIntermediateDirectories: true)
        try Data(TestImages.jpeg(width: 1024, height: 768)).write(
            to: directory.appendingPathComponent("pictures/frame_000100.jpg"))
        let config = directory.appendingPathComponent(".clmanifest.yml")
        try Data("images:\n  \"s3://northwind-site-safety/ppe/camera-03/2024-06/\": pictures\n".utf8).write(to: config)
        let result = try CommandRunner.run([
            "lint", "--config", config.path, "--format", "jsonl", "--select", "CL601", "samples/with-images.manifest",
        ])
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 5, "every image but the first is missing from that directory")
        #expect(result.status == 1)

        try Data("images:\n  \"s3://bucket/\": not-there\n".utf8).write(to: config)
        let bad = try CommandRunner.run(["lint", "--config", config.path, "samples/with-images.manifest"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("not-there") && bad.standardError.contains("is not a directory"))
    }

    @Test(arguments: [
        (["lint", "--images", "no-equals-sign", "samples/mixed.manifest"], "is not PREFIX=DIR"),
        (["lint", "--images", "s3://b/=samples/none", "samples/mixed.manifest"], "is not a directory"),
        (["lint", "--images", "s3://b/=samples", "-"], "need a regular file, not standard input"),
    ])
    func badMappingsExitTwoWithOneSentence(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments, input: Array("{}\n".utf8))
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
