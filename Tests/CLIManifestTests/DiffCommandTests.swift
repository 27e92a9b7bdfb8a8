import Foundation
import Testing
import _ManifestTestSupport

/// `clmanifest diff` and `clmanifest split` as scripts use them.
@Suite struct DiffCommandTests {
    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func summaryChangeSetAndExitCode() throws {
        let dir = try directory()
        let prior = try write(
            #"{"source-ref": "s3://b/1.jpg", "x": 1}"# + "\n" + #"{"source-ref": "s3://b/2.jpg", "x": 2}"# + "\n",
            "prior.manifest", in: dir)
        let new = try write(
            #"{"x": 1.0, "source-ref": "s3://b/1.jpg"}"# + "\r\n" + #"{"source-ref": "s3://b/3.jpg", "x": 3}"# + "\r\n",
            "new.manifest", in: dir)
        let changes = dir.appendingPathComponent("changes.jsonl").path
        let result = try CommandRunner.run(["diff", prior, new, "--changes-out", changes])
        #expect(result.status == 0)
        #expect(
            result.standardOutput.hasPrefix(
                "1 added, 0 updated, 1 unchanged, 1 only in prior (cannot be removed through UpdateDatasetEntries); "
                    + "change set 40 bytes in 1 batch\n"))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: changes))
                == Data((#"{"source-ref": "s3://b/3.jpg", "x": 3}"# + "\r\n").utf8))
        #expect(try CommandRunner.run(["diff", "--exit-code", prior, new]).status == 1)
        #expect(try CommandRunner.run(["diff", "--exit-code", prior, prior]).status == 0)
        let json = try CommandRunner.run(["diff", "--format", "json", prior, new]).standardOutput
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary?["added"] == 1 && summary?["updated"] == 0 && summary?["unchanged"] == 1)
        #expect(summary?["onlyInPrior"] == 1)
    }

    @Test func theConfigurationCanIgnoreFields() throws {
        let dir = try directory()
        let prior = try write(
            #"{"source-ref": "s3://b/1.jpg", "m": {"date": "2024"}}"# + "\n", "prior.manifest", in: dir)
        let new = try write(#"{"source-ref": "s3://b/1.jpg", "m": {"date": "2025"}}"# + "\n", "new.manifest", in: dir)
        #expect(try CommandRunner.run(["diff", prior, new]).standardOutput.hasPrefix("0 added, 1 updated"))
        _ = try write("diff: {ignore-fields: [m.date]}\n", ".clmanifest.yml", in: dir)
        #expect(
            try CommandRunner.run(["diff", prior, new]).standardOutput.hasPrefix("0 added, 0 updated, 1 unchanged"))
        #expect(
            try CommandRunner.run(["diff", "--isolated", prior, new]).standardOutput.hasPrefix("0 added, 1 updated"))
    }

    @Test func repeatedSourceRefsExitTwoWithEveryLocation() throws {
        let dir = try directory()
        let line = #"{"source-ref": "s3://b/1.jpg"}"# + "\n"
        let prior = try write(line + line + line, "prior.manifest", in: dir)
        let result = try CommandRunner.run(["diff", prior, prior])
        #expect(result.status == 2)
        #expect(result.standardError.contains("prior.manifest: 's3://b/1.jpg' on lines 1, 2"))
        #expect(result.standardError.contains("prior.manifest: 's3://b/1.jpg' on lines 1, 3"))
    }

    /// A second split into the same folder leaves exactly its own batches (`cat batches/*` is the change set);
    /// a folder with other files is refused; a batch over the API's limit needs --force.
    @Test func splitReplacesItsOwnEarlierBatchesAndNothingElse() throws {
        let dir = try directory()
        let lines = (1...10).map { #"{"source-ref": "s3://b/\#($0).jpg"}"# + "\n" }
        let out = dir.appendingPathComponent("batches").path
        let big = try write(lines.joined(), "big.jsonl", in: dir)
        #expect(try CommandRunner.run(["split", big, "--out-dir", out, "--max-bytes", "100"]).status == 0)
        let small = try write(lines.prefix(3).joined(), "small.jsonl", in: dir)
        let again = try CommandRunner.run(["split", small, "--out-dir", out, "--max-bytes", "100"])
        #expect(again.status == 0)
        #expect(again.standardError == "removed 4 batch files of an earlier run from \(out)\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["batch-0001.jsonl"])
        let joined = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("batch-0001.jsonl"))
        #expect(joined == Data(lines.prefix(3).joined().utf8))
        // Any other file: refused before anything is removed or written.
        try Data("keep".utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("notes.txt"))
        let refused = try CommandRunner.run(["split", big, "--out-dir", out])
        #expect(refused.status == 2 && refused.standardError.contains("holds other files ('notes.txt')"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["batch-0001.jsonl", "notes.txt"])
        // Over the API's limit of 5,242,880 bytes a call: refused unless --force.
        let over = try CommandRunner.run(["split", big, "--dry-run", "--max-bytes", "5242881"])
        #expect(over.status == 2 && over.standardError.contains("over the API's limit of 5,242,880 bytes a call"))
        let exact = try CommandRunner.run(["split", big, "--dry-run", "--max-bytes", "5242880"])
        #expect(exact.status == 0)
        let forced = try CommandRunner.run(["split", big, "--dry-run", "--max-bytes", "6000000", "--force"])
        #expect(
            forced.status == 0
                && forced.standardOutput.hasPrefix("1 batch, 10 lines, 311 bytes (at most 6,000,000 bytes"))
    }

    @Test func splitWritesBatchesThatPutTogetherGiveTheInput() throws {
        let dir = try directory()
        let lines = (1...10).map { #"{"source-ref": "s3://b/\#($0).jpg"}"# + "\n" }  // 31 or 32 bytes each
        let changes = try write(lines.joined(), "changes.jsonl", in: dir)
        let out = dir.appendingPathComponent("batches").path
        let result = try CommandRunner.run(["split", changes, "--out-dir", out, "--max-bytes", "100"])
        #expect(result.status == 0 && result.standardOutput.hasPrefix("4 batches, 10 lines, 311 bytes"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["batch-0001.jsonl", "batch-0002.jsonl", "batch-0003.jsonl", "batch-0004.jsonl"])
        var joined = Data()
        for name in names {
            let batch = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name))
            #expect(batch.count <= 100)
            joined += batch
        }
        #expect(joined == Data(lines.joined().utf8))
        let dryRun = try CommandRunner.run(["split", changes, "--dry-run", "--max-bytes", "100"])
        #expect(dryRun.status == 0 && dryRun.standardOutput.contains("batch-0004.jsonl: lines 10–10, 32 bytes"))
        _ = try write("limits: {max-batch-bytes: 100}\n", ".clmanifest.yml", in: dir)
        let configured = try CommandRunner.run(["split", changes, "--dry-run"])
        #expect(configured.standardOutput.hasPrefix("4 batches, 10 lines, 311 bytes (at most 100 bytes a batch)"))
        let tooSmall = try CommandRunner.run(["split", changes, "--dry-run", "--max-bytes", "30"])
        #expect(tooSmall.status == 2 && tooSmall.standardError.contains("line 1 of"))
        #expect(tooSmall.standardError.contains("is 31 bytes, over the 30 bytes a batch may hold"))
    }
}
