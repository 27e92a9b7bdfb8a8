import Foundation
import ManifestKit
import Testing

/// The manifest-wide limits, with lower limits so that small inputs reach them.
@Suite struct ManifestIndexTests {
    private func lint(_ text: String, maxRows: Int = 250_000, maxBytes: Int = 1_000_000_000) -> [Diagnostic] {
        var options = LintOptions()
        options.maxRows = maxRows
        options.maxBytes = maxBytes
        return ManifestLinter(options: options).lint(bytes: Array(text.utf8), name: "m.manifest")
    }

    private let line = #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n"  // 36 bytes with the newline

    @Test func sizeLimitIsReportedAtTheCrossingLine() {
        let text = line + line.replacingOccurrences(of: "a.jpg", with: "b.jpg") + "\n\n"
        let findings = lint(text, maxBytes: 40).filter { $0.code == "CL405" }
        #expect(findings.map(\.line) == [2])
        #expect(findings.first?.message == "the manifest passes 40 bytes on this line")
    }

    @Test func rowLimitCountsBlankAndInvalidLines() {
        let findings = lint(line + "\n[1]\n{}\n", maxRows: 3).filter { $0.code == "CL404" }
        #expect(findings.map(\.line) == [4])
        #expect(findings.map(\.column) == [1])
    }

    @Test func duplicatesPointAtTheFirstOccurrence() {
        let findings = lint(line + "\n" + line + line).filter { $0.code == "CL401" }
        #expect(findings.map(\.line) == [3, 4])
        #expect(findings.allSatisfy { $0.message.hasSuffix("already appears on line 1") })
    }

    @Test func eachOtherBucketIsReportedOnce() {
        let text = [
            #"{"source-ref": "s3://one/a.jpg"}"#, #"{"source-ref": "s3://two/b.jpg"}"#,
            #"{"source-ref": "s3://two/c.jpg"}"#, #"{"source-ref": "S3://three/d.jpg"}"#,
        ].joined(separator: "\n")
        let findings = lint(text).filter { $0.code == "CL402" }
        #expect(findings.map(\.line) == [2, 4])
    }

    @Test func invalidShareCountsLinesWithErrorsNotWarnings() {
        let valid = (0..<4).map { #"{"source-ref": "s3://bucket/\#($0).jpg", "a": 1, "a": 2}"# + "\n" }.joined()
        #expect(lint(valid + "[1]\n").filter { $0.code == "CL408" }.isEmpty, "1 of 5 is 20%, not over")
        let findings = lint(valid + "[1]\n{}\n").filter { $0.code == "CL408" }
        #expect(findings.map(\.message) == ["2 of 6 lines (33%) have errors, over the 20% the service allows"])
        #expect(findings.first?.line == nil)
    }

    @Test func statisticsDescribeTheManifest() {
        let linter = ManifestLinter()
        _ = linter.lint(
            bytes: Array(
                ([#"{"source-ref": "s3://one/a.jpg"}"#, #"{"source-ref": "s3://two/b.jpg", "a": 1, "a": 2}"#, "[1]"]
                    .joined(separator: "\n")).utf8), name: "m")
        var expected = LintStatistics()
        expected.lines = 3
        expected.linesWithErrors = 1
        expected.linesWithWarningsOnly = 2
        expected.images = 2
        expected.buckets = 2
        expected.bytes = 86  // 32, 48 and 3 bytes, each with its newline (counted even for the last line)
        #expect(linter.statistics == expected)
        _ = linter.lint(bytes: Array(#"{"source-ref": "s3://one/a.jpg"}"#.utf8), name: "n")
        #expect(linter.statistics.lines == 1 && linter.statistics.images == 1, "each file starts afresh")
    }

    @Test func labelsAreCountedPerImageAndBoxesPerLine() {
        let classification = { (source: String, label: String) in
            #"{"source-ref": "s3://b/\#(source)", "a": 1, "a-metadata": {"confidence": 1, "class-name": "\#(label)", "#
                + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                + #""type": "groundtruth/image-classification"}, "b": 1, "b-metadata": {"confidence": 1, "#
                + #""class-name": "\#(label)", "human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                + #""type": "groundtruth/image-classification"}}"#
        }
        let text = [classification("1.jpg", "dog"), classification("2.jpg", "cat"), classification("3.jpg", "dog")]
        let linter = ManifestLinter()
        _ = linter.lint(bytes: Array(text.joined(separator: "\n").utf8), name: "m")
        #expect(
            linter.statistics.labelImages.map { "\($0.label) \($0.images)" } == ["dog 2", "cat 1"],
            "a label named twice on one line counts one image")
        #expect(linter.statistics.labels == 2 && linter.statistics.imagesWithBoxes == 0)
    }

    /// Thousands of similar `source-ref`s (the table grows several times): exactly the repeated ones are
    /// reported, each naming the line of its first appearance.
    @Test func duplicatesAmongManySimilarSourceRefs() {
        var lines: [String] = []
        var expected: [(line: Int, first: Int)] = []
        for index in 0..<5_000 {
            let reference = index % 1_000 == 999 ? index - 998 : index
            if reference != index { expected.append((index + 1, reference + 1)) }
            lines.append("{\"source-ref\":\"s3://bucket/2024/camera-01/IMG_\(String(reference + 100_000_000)).jpg\"}")
        }
        let found = lint(lines.joined(separator: "\n")).filter { $0.code == "CL401" }
        #expect(found.map(\.line) == expected.map(\.line))
        let messages = expected.map { pair -> String in
            let name = "s3://bucket/2024/camera-01/IMG_\(pair.first - 1 + 100_000_000).jpg"
            return "source-ref '\(name)' already appears on line \(pair.first)"
        }
        #expect(found.map(\.message) == messages)
    }
}

/// `--service-precedence` keeps, per line, only the first error of the service's documented order.
@Suite struct ServicePrecedenceTests {
    @Test func onlyTheFirstErrorOfTheOrderIsKeptPerLine() {
        var options = LintOptions()
        options.servicePrecedence = true
        // An https source-ref (CL102) comes before a class_id missing from class-map (CL302); the duplicate
        // source-ref (manifest-wide) and the clean line's findings stay.
        let box = #"{"class_id": 3, "top": 1, "left": 2, "width": 9, "height": 9}"#
        let line =
            #"{"source-ref": "https://b.s3.amazonaws.com/a.jpg", "bb": {"image_size": [{"width": 640, "#
            + #""height": 480, "depth": 3}], "annotations": [\#(box)]}, "bb-metadata": {"objects": "#
            + #"[{"confidence": 1}], "class-map": {"0": "dog"}, "type": "groundtruth/object-detection", "#
            + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00"}}"#
        let text = line + "\n" + line + "\n"
        let all = ManifestLinter().lint(bytes: Array(text.utf8), name: "m").filter { $0.line == 1 }.map(\.code)
        #expect(Set(all).isSuperset(of: ["CL102", "CL302", "CL206"]))
        let kept = ManifestLinter(options: options).lint(bytes: Array(text.utf8), name: "m")
        #expect(kept.filter { $0.line == 1 }.map(\.code) == ["CL102"])
        #expect(kept.filter { $0.line == 2 }.map(\.code).sorted() == ["CL102", "CL401"])
    }
}
