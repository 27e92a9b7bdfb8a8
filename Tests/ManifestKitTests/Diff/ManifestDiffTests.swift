import Foundation
import ManifestKit
import Testing

/// Diffs of generated prior/new pairs: each kind of change classified exactly, the change set exact.
@Suite struct ManifestDiffTests {
    /// An image-level line for image `number` with `label`, its keys in the order given by `order`.
    private func line(_ number: Int, label: String, confidence: String = "1", order: [Int] = [0, 1, 2]) -> String {
        let members = [
            #""source-ref": "s3://bucket/\#(number).jpg""#, #""pet": 1"#,
            #""pet-metadata": {"confidence": \#(confidence), "class-name": "\#(label)", "#
                + #""type": "groundtruth/image-classification", "creation-date": "2024-05-0\#(number % 9 + 1)T08:00:00"}"#,
        ]
        return "{" + order.map { members[$0] }.joined(separator: ", ") + "}"
    }

    private func write(_ lines: [String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".manifest")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    @Test func everyKindOfChangeIsClassified() throws {
        let prior = (1...20).map { line($0, label: $0 % 2 == 0 ? "dog" : "cat") }
        var new = prior
        new[0] = line(1, label: "cat", order: [2, 0, 1])  // key order only
        new[1] = line(2, label: "dog", confidence: "1.0")  // number spelling only
        new[2] = line(3, label: "cat", confidence: "10e-1")  // number spelling only
        new[3] = line(4, label: "bird")  // a label changed
        new[4] = line(5, label: "cat", confidence: "0.5")  // a value changed
        new.remove(at: 19)  // image 20 only in prior
        new += [line(21, label: "fox"), line(22, label: "fox")]  // added
        var changes = Data()
        let result = try ManifestDiff().run(prior: try write(prior), new: try write(new)) {
            changes.append(contentsOf: $0)
        }
        #expect((result.added, result.updated, result.unchanged, result.onlyInPrior) == (2, 2, 17, 1))
        #expect(result.entries.map(\.sourceRef) == [4, 5, 21, 22, 20].map { "s3://bucket/\($0).jpg" })
        #expect(result.entries.map(\.kind) == [.updated, .updated, .added, .added, .onlyInPrior])
        #expect(
            String(decoding: changes, as: UTF8.self) == [new[3], new[4], new[19], new[20]].joined(separator: "\n")
                + "\n")
        #expect(result.changeSetBytes == changes.count && result.batches == 1)
    }

    /// Enough entries written differently to be compared on several threads (a few thousand a worker: on
    /// two cores, two workers), every one classified as on one, in order, with what changed.
    @Test func manyRewrittenEntriesAreComparedOnEveryCoreInOrder() throws {
        let count = 20_000
        let prior = (1...count).map { line($0, label: "cat") }
        // Every line's keys in another order; every 7th also with a new label.
        let new = (1...count).map { line($0, label: $0 % 7 == 0 ? "dog" : "cat", order: [2, 1, 0]) }
        var changes = Data()
        let result = try ManifestDiff().run(prior: try write(prior), new: try write(new)) {
            changes.append(contentsOf: $0)
        }
        // What changed, as a diff of one such entry alone says it.
        let alone = try ManifestDiff().run(prior: try write([prior[6]]), new: try write([new[6]]))
        let expected = try #require(alone.entries.first?.changes)
        #expect(!expected.isEmpty)
        let updated = Array(stride(from: 7, through: count, by: 7))
        #expect(
            (result.added, result.updated, result.unchanged, result.onlyInPrior) == (
                0, updated.count, count - updated.count, 0
            ))
        #expect(result.entries.map(\.sourceRef) == updated.map { "s3://bucket/\($0).jpg" })
        #expect(result.entries.map(\.newLine) == updated)
        #expect(result.entries.allSatisfy { $0.changes == expected })
        #expect(String(decoding: changes, as: UTF8.self) == updated.map { new[$0 - 1] + "\n" }.joined())
    }

    /// Key order does not count at any depth; a value changed at depth does.
    ///
    /// Inside the metadata, class-map, image_size and each box, and in objects nested in arrays.
    @Test func nestedKeyOrderIsIgnoredAndNestedValuesAreNot() throws {
        let prior = [
            #"{"source-ref": "s3://bucket/1.jpg", "bb": {"image_size": [{"width": 640, "height": 480, "depth": 3}], "#
                + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "#
                + #""bb-metadata": {"objects": [{"confidence": 1}], "class-map": {"0": "dog", "1": "cat"}, "#
                + #""type": "groundtruth/object-detection", "human-annotated": "yes", "job": {"a": 1, "b": [{"x": 1, "y": 2}]}}}"#
        ]
        let reordered = [
            #"{"bb-metadata": {"job": {"b": [{"y": 2, "x": 1}], "a": 1}, "class-map": {"1": "cat", "0": "dog"}, "#
                + #""human-annotated": "yes", "objects": [{"confidence": 1.0}], "type": "groundtruth/object-detection"}, "#
                + #""bb": {"annotations": [{"height": 9, "width": 9, "left": 2, "top": 1, "class_id": 0}], "#
                + #""image_size": [{"depth": 3, "height": 480, "width": 640}]}, "source-ref": "s3://bucket/1.jpg"}"#
        ]
        let result = try ManifestDiff().run(prior: try write(prior), new: try write(reordered))
        #expect(result.unchanged == 1 && result.updated == 0, "\(result.entries)")
        for (from, to) in [
            (#""y": 2, "x": 1"#, #""y": 3, "x": 1"#), (#""top": 1, "class_id": 0"#, #""top": 2, "class_id": 0"#),
        ] {
            let changed = [reordered[0].replacingOccurrences(of: from, with: to)]
            #expect(changed != reordered)
            #expect(try ManifestDiff().run(prior: try write(prior), new: try write(changed)).updated == 1, "\(to)")
        }
    }

    /// Values that hold the same leaves nested differently are different values.
    @Test(arguments: [
        (#""a": {"b": 1}, "c": 2"#, #""a": {"b": 1, "c": 2}"#), (#""x": [["a"], "b"]"#, #""x": [["a", "b"]]"#),
        (#""x": [{"a": 1}, {"b": 2}]"#, #""x": [{"a": 1, "b": 2}]"#), (#""x": []"#, #""x": {}"#),
    ])
    func nestingCounts(prior: String, new: String) throws {
        let result = try ManifestDiff().run(
            prior: try write([#"{"source-ref": "s3://bucket/1.jpg", \#(prior)}"#]),
            new: try write([#"{"source-ref": "s3://bucket/1.jpg", \#(new)}"#]))
        #expect(result.updated == 1, "\(prior) vs \(new)")
    }

    @Test func ignoredFieldsAndServiceKeysDoNotCount() throws {
        let prior = [line(1, label: "cat")]
        let withService = [String(line(1, label: "cat").dropLast()) + #", "cl-metadata": {"is_labeled": true}}"#]
        #expect(try ManifestDiff().run(prior: try write(prior), new: try write(withService)).unchanged == 1)
        let redated = [line(1, label: "cat").replacingOccurrences(of: "2024-05-02", with: "2025-01-01")]
        #expect(try ManifestDiff().run(prior: try write(prior), new: try write(redated)).updated == 1)
        var options = DiffOptions()
        options.ignoredFields.append(FieldPattern("*-metadata.creation-date"))
        #expect(try ManifestDiff(options: options).run(prior: try write(prior), new: try write(redated)).unchanged == 1)
    }

    @Test func serviceErrorsInsideAnEntryDoNotCount() throws {
        // ListDatasetEntries writes errors into the metadata (and annotations) of an entry it found wrong.
        let prior = [
            line(1, label: "cat").replacingOccurrences(
                of: #""class-name": "cat""#,
                with: #""class-name": "cat", "errors": [{"code": "ERROR_X", "message": "m"}]"#)
        ]
        let new = [line(1, label: "cat")]
        #expect(try ManifestDiff().run(prior: try write(prior), new: try write(new)).unchanged == 1)
        var strict = DiffOptions()
        strict.ignoresServiceKeysInside = false
        #expect(try ManifestDiff(options: strict).run(prior: try write(prior), new: try write(new)).updated == 1)
    }

    @Test func repeatedSourceRefsListEveryLocation() throws {
        let prior = try write([line(1, label: "a"), line(2, label: "b"), line(1, label: "c")])
        let new = try write([line(2, label: "a"), line(2, label: "b")])
        do {
            _ = try ManifestDiff().run(prior: prior, new: new)
            Issue.record("repeated source-refs were accepted")
        } catch {
            guard case .duplicateSourceRefs(let duplicates) = error else { throw error }
            #expect(duplicates.map(\.lines) == [[1, 3], [1, 2]])
            #expect(duplicates.map(\.file) == [prior, new])
        }
    }

    @Test func unreadableLinesAreReportedAndLeftOut() throws {
        let result = try ManifestDiff().run(
            prior: try write([line(1, label: "a")]), new: try write([line(1, label: "a"), "{oops", #"{"x": 1}"#, ""]))
        #expect(result.unchanged == 1 && result.added == 0)
        #expect(result.invalid.map(\.line) == [2, 3])
        #expect(result.invalid.allSatisfy { $0.message.hasPrefix("excluded from the diff: ") })
    }
}

/// What changed in an updated entry, in the domain's terms.
@Suite struct DiffDetailTests {
    @Test func labelsBoxesAndFieldsAreDescribed() throws {
        let box = { (left: Int, classID: Int) in
            #"{"class_id": \#(classID), "top": 5, "left": \#(left), "width": 20, "height": 20}"#
        }
        let entry = { (boxes: [String], job: String) in
            #"{"source-ref": "s3://b/x.jpg", "bb": {"image_size": [{"width": 640, "height": 480, "depth": 3}], "#
                + #""annotations": [\#(boxes.joined(separator: ", "))]}, "bb-metadata": {"objects": "#
                + #"[\#(boxes.map { _ in #"{"confidence": 1}"# }.joined(separator: ", "))], "#
                + #""class-map": {"0": "dog", "1": "cat"}, "type": "groundtruth/object-detection", "#
                + #""human-annotated": "yes", "creation-date": "2024-01-01T00:00:00", "job-name": "\#(job)"}}"#
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let prior = directory.appendingPathComponent("p").path
        let new = directory.appendingPathComponent("n").path
        try Data((entry([box(2, 0), box(5, 1)], "j1") + "\n").utf8).write(to: URL(fileURLWithPath: prior))
        try Data((entry([box(10, 0), box(5, 1), box(50, 1)], "j2") + "\n").utf8).write(to: URL(fileURLWithPath: new))
        let result = try ManifestDiff().run(prior: prior, new: new)
        #expect(
            result.entries.first?.changes == [
                "1 box moved, resized or relabelled, 1 box added (2 → 3 boxes)", "bb-metadata.job-name changed",
            ])
    }
}

/// Batches of at most N bytes: exactly N fits, N + 1 does not, one line over N is reported.
@Suite struct BatchPackerTests {
    /// The API's real limit, 5,242,880 bytes of decoded blob, at its exact boundary.
    @Test func theDefaultIsTheAPIsLimitToTheByte() {
        let limit = 5_242_880
        #expect(BatchPacker.check(lineSizes: [limit], maxBytes: BatchPacker.defaultMaxBytes) == nil)
        #expect(BatchPacker.check(lineSizes: [limit + 1], maxBytes: BatchPacker.defaultMaxBytes)?.size == limit + 1)
        #expect(BatchPacker.pack(lineSizes: [limit - 100, 100], maxBytes: BatchPacker.defaultMaxBytes) == [0..<2])
        #expect(
            BatchPacker.pack(lineSizes: [limit - 100, 101], maxBytes: BatchPacker.defaultMaxBytes) == [0..<1, 1..<2])
        #expect(Configuration().maxBatchBytes == limit)
    }

    @Test func boundaries() {
        #expect(BatchPacker.pack(lineSizes: [40, 60], maxBytes: 100) == [0..<2])
        #expect(BatchPacker.pack(lineSizes: [40, 61], maxBytes: 100) == [0..<1, 1..<2])
        #expect(BatchPacker.pack(lineSizes: [100, 1, 99, 2], maxBytes: 100) == [0..<1, 1..<3, 3..<4])
        #expect(BatchPacker.pack(lineSizes: [], maxBytes: 100).isEmpty)
        #expect(BatchPacker.check(lineSizes: [100, 100], maxBytes: 100) == nil)
        let oversize = BatchPacker.check(lineSizes: [5, 101, 200], maxBytes: 100)
        #expect(oversize?.index == 1 && oversize?.size == 101)
    }
}
