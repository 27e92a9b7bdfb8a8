import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `stats`, `partition` and `report` as users run them: output, files, exit codes.
@Suite struct DatasetCommandTests {
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func manifest(_ labels: [String], image: String = "img") -> String {
        DatasetExamples.entries(labels, image: image)
    }

    static let labels = (0..<40).map { ["cat", "dog", "bird", "dog"][$0 % 4] }

    @Test func statsPrintsTheServiceShapesAsJSON() throws {
        let directory = try scratch()
        try Data(Self.manifest(Self.labels).utf8).write(to: directory.appendingPathComponent("train.manifest"))
        let result = try CommandRunner.run(["stats", "train.manifest", "--format", "json"], directory: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        let training = try #require(parsed?.first?["training"] as? [String: Any])
        let stats = try #require(training["DatasetStats"] as? [String: Int])
        #expect(stats == ["TotalEntries": 40, "LabeledEntries": 40, "TotalLabels": 3, "ErrorEntries": 0])
        let labels = try #require(training["DatasetLabelDescriptions"] as? [[String: Any]])
        #expect(labels.map { $0["LabelName"] as? String } == ["dog", "bird", "cat"])
        #expect((labels.first?["LabelStats"] as? [String: Int]) == ["EntryCount": 20, "BoundingBoxCount": 0])
        #expect(parsed?.first?["test"] is NSNull)
        #expect((parsed?.first?["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func statsWithATestSetAndItsExitCodes() throws {
        let directory = try scratch()
        try Data(Self.manifest(Self.labels).utf8).write(to: directory.appendingPathComponent("train.manifest"))
        // One of three training labels, and an image of the training set: CL701 (error), CL703.
        try Data((Self.manifest(["cat"]) + Self.manifest(["cat", "fish"], image: "t")).utf8).write(
            to: directory.appendingPathComponent("test.manifest"))
        let result = try CommandRunner.run(
            ["stats", "train.manifest", "--test", "test.manifest"], environment: ["COLUMNS": "200"],
            directory: directory.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("TotalEntries 40, LabeledEntries 40, TotalLabels 3, ErrorEntries 0"))
        #expect(
            result.standardOutput.contains(
                "train.manifest: error: [CL701] the test set has 1 of the training set's 3 labels (33%)"))
        #expect(
            result.standardOutput.contains(
                "test.manifest:1:1: warning: [CL703] the image is also in the training set, at line 1 of train.manifest"
            ))
        #expect(result.standardOutput.contains("test.manifest:3:1: warning: [CL702] the label \"fish\""))
        let missing = try CommandRunner.run(["stats", "nowhere.manifest"], directory: directory.path)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("nowhere.manifest"))
        let twoWithTest = try CommandRunner.run(
            ["stats", "train.manifest", "test.manifest", "--test", "test.manifest"], directory: directory.path)
        #expect(twoWithTest.status == 64 || twoWithTest.status == 2)
    }

    @Test func statsTablesFitTheTerminal() throws {
        let directory = try scratch()
        let long = Self.labels.map { $0 + "-with-a-name-much-longer-than-the-terminal-allows-for-a-label" }
        try Data(Self.manifest(long).utf8).write(to: directory.appendingPathComponent("train.manifest"))
        for columns in [60, 100] {
            let result = try CommandRunner.run(
                ["stats", "train.manifest"], environment: ["COLUMNS": "\(columns)"], directory: directory.path)
            let table = result.standardOutput.split(separator: "\n").prefix { !$0.hasPrefix("readiness") }
            #expect(table.allSatisfy { $0.count <= columns }, "a line is wider than \(columns) columns")
            #expect(table.contains { $0.contains("█") })
        }
    }

    @Test func partitionWritesTwoSetsReproducibly() throws {
        let directory = try scratch()
        let input = Self.manifest(Self.labels)
        try Data(input.utf8).write(to: directory.appendingPathComponent("all.manifest"))
        let arguments = ["partition", "all.manifest", "--test-fraction", "0.25", "--seed", "42"]
        let first = try CommandRunner.run(
            arguments + ["--train", "a.manifest", "--test", "b.manifest"], directory: directory.path)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("dog        15       5         25%\n"))
        let second = try CommandRunner.run(
            arguments + ["--train", "c.manifest", "--test", "d.manifest"], directory: directory.path)
        #expect(second.status == 0)
        let read = { (name: String) in try Data(contentsOf: directory.appendingPathComponent(name)) }
        #expect(try read("a.manifest") == read("c.manifest") && read("b.manifest") == read("d.manifest"))
        let lines = try
            (String(decoding: read("a.manifest"), as: UTF8.self) + String(decoding: read("b.manifest"), as: UTF8.self))
            .split(separator: "\n")
        #expect(lines.sorted() == input.split(separator: "\n").sorted())
        // A label on one image: refused, nothing written.
        try Data((input + Self.manifest(["fish"], image: "f")).utf8).write(
            to: directory.appendingPathComponent("fish.manifest"))
        let refused = try CommandRunner.run(
            ["partition", "fish.manifest", "--train", "e.manifest", "--test", "f.manifest"], directory: directory.path)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("\"fish\""))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("e.manifest").path))
        let bad = try CommandRunner.run(
            ["partition", "all.manifest", "--test-fraction", "1", "--train", "x", "--test", "y"],
            directory: directory.path)
        #expect(bad.status == 64 || bad.status == 2)
    }
}
