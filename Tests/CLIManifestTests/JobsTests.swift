import Foundation
import Testing
import _ManifestTestSupport

/// `--jobs 1` and `--jobs 2` print the same bytes, in every format, for lint and validate.
@Suite struct JobsTests {
    static let formats = ["text", "full", "json", "jsonl", "sarif", "github", "junit"]

    /// Everything `lint` writes for `file` with `jobs` threads: standard output, standard error, each format.
    static func outputs(_ command: [String], _ file: String, jobs: Int) throws -> [String] {
        let directory = NSTemporaryDirectory() + "clmanifest-jobs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let targets = formats.dropFirst().flatMap { ["--format", "\($0):\(directory)/\($0)"] }
        let result = try CommandRunner.run(
            command + ["--format", "text"] + targets + ["--jobs", String(jobs), "--part-bytes", "600", file])
        return [String(result.status), result.standardOutput, result.standardError]
            + (try formats.dropFirst().map { try String(contentsOfFile: "\(directory)/\($0)", encoding: .utf8) })
    }

    @Test(arguments: ["image-level", "mixed", "object-localization", "typical-mistakes"])
    func lintPrintsTheSameWithOneThreadOrTwo(sample: String) throws {
        let file = "samples/\(sample).manifest"
        let one = try Self.outputs(["lint", "--isolated", "--summary"], file, jobs: 1)
        let two = try Self.outputs(["lint", "--isolated", "--summary"], file, jobs: 2)
        #expect(one == two)
        #expect((one[1] + one[2]).count > 50, "the run printed its report")
    }

    @Test func validatePrintsTheSameWithOneThreadOrTwo() throws {
        let schema = NSTemporaryDirectory() + "clmanifest-jobs-\(UUID().uuidString).yaml"
        try "type: object\nrequired: [source-ref, missing-key]\n".write(
            toFile: schema, atomically: true, encoding: .utf8)
        let file = "samples/typical-mistakes.manifest"
        let one = try Self.outputs(["validate", "--schema", schema], file, jobs: 1)
        let two = try Self.outputs(["validate", "--schema", schema], file, jobs: 2)
        #expect(one == two)
        #expect(one[0] == "1")
    }
}
