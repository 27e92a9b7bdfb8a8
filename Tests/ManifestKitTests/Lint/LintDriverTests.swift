import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Several threads give exactly the findings and statistics of one: on the real corpus, the samples, the
/// one-defect fixture and generated files whose manifest-wide findings span the parts.
@Suite struct LintDriverTests {
    /// The findings and statistics of `path` with `jobs` threads and parts of `partBytes`.
    static func lint(
        _ path: String, jobs: Int, partBytes: Int, options: LintOptions = LintOptions()
    ) throws -> ([Diagnostic], LintStatistics) {
        let linter = ManifestLinter(options: options)
        linter.jobs = jobs
        linter.partBytes = partBytes
        return (try linter.lint(path: path), linter.statistics)
    }

    static func expectSame(_ path: String, partBytes: Int, options: LintOptions = LintOptions()) throws {
        let (one, oneStatistics) = try lint(path, jobs: 1, partBytes: partBytes, options: options)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for jobs in [2, 3] {
            let (many, manyStatistics) = try lint(path, jobs: jobs, partBytes: partBytes, options: options)
            #expect(many == one, "\(path) with \(jobs) threads")
            #expect(manyStatistics == oneStatistics, "\(path) statistics with \(jobs) threads")
            // The same bytes in memory (as `fix` lints them), cut into the same parts.
            let linter = ManifestLinter(options: options)
            linter.jobs = jobs
            linter.partBytes = partBytes
            #expect(linter.lint(bytes: bytes, name: path) == one, "\(path) in memory with \(jobs) threads")
            #expect(linter.statistics == oneStatistics, "\(path) statistics in memory with \(jobs) threads")
        }
    }

    static var corpus: [String] {
        SharedDirectory.files(in: CorpusTests.relativePath).filter { $0 != "SOURCES.tsv" }
    }

    @Test(arguments: corpus)
    func corpusFiles(file: String) throws {
        let url = try #require(SharedDirectory.existing("\(CorpusTests.relativePath)/\(file)"))
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        // Parts of about a fifth of the file, so that every file is cut.
        try Self.expectSame(url.path, partBytes: max(64, size / 5))
    }

    @Test func samplesAndFixtures() throws {
        let root = SharedDirectory.packageRoot
        let files =
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("samples").path)
            .filter { $0.hasSuffix(".manifest") }.map { root.appendingPathComponent("samples/\($0)").path }
            + [root.appendingPathComponent("Tests/ManifestKitTests/Lint/Fixtures/one-defect-each.manifest").path]
        for file in files {
            for partBytes in [100, 700, 4_000] { try Self.expectSame(file, partBytes: partBytes) }
        }
    }

    /// Duplicates, a second bucket, the 251st label and the row and size limits, each in a later part than
    /// what it refers to; blank, invalid and CRLF lines; a byte order mark.
    @Test func manifestWideFindingsAcrossParts() throws {
        var lines: [String] = []
        for index in 0..<600 {
            let bucket = index == 450 ? "other-bucket" : "bucket"
            let reference = index % 97 == 96 ? index - 90 : index
            lines.append(
                "{\"source-ref\":\"s3://\(bucket)/images/\(reference).jpg\",\"label-\(index % 260)\":1,"
                    + "\"label-\(index % 260)-metadata\":{\"class-name\":\"c\\u00e9\(index % 260)\",\"confidence\":1,"
                    + "\"type\":\"groundtruth/image-classification\",\"job-name\":\"labeling-job/j\","
                    + "\"human-annotated\":\"yes\",\"creation-date\":\"2023-01-01T00:00:00\"}}")
            if index % 150 == 149 { lines.append(index % 300 == 299 ? "" : "{not json") }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("wide.manifest").path
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(lines.joined(separator: "\r\n").utf8)).write(
            to: URL(fileURLWithPath: path))
        var options = LintOptions()
        options.maxRows = 500
        options.maxBytes = 100_000
        options.excerpts = true
        let (one, _) = try Self.lint(path, jobs: 1, partBytes: 1 << 20, options: options)
        for code in ["CL401", "CL402", "CL403", "CL404", "CL405", "CL001", "CL003"] {
            #expect(one.contains { $0.code == code }, "the file should have a \(code) finding")
        }
        for partBytes in [300, 5_000, 40_000] { try Self.expectSame(path, partBytes: partBytes, options: options) }
    }

    /// A part numbers its lines from 1, but only the file's first line may be a byte order mark or the start
    /// of an XML file: a later line that starts like one is checked as an ordinary line, in every part.
    @Test func onlyTheFileStartIsTheFileStart() throws {
        var lines = (0..<40).map { "{\"source-ref\":\"s3://bucket/\($0).jpg\"}" }
        lines[9] = "\u{FEFF}" + lines[9]
        lines[19] = "<?xml version=\"1.0\"?>"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("starts.manifest").path
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let (one, _) = try Self.lint(path, jobs: 1, partBytes: 1 << 20)
        #expect(!one.contains { $0.code == NotJSONLines.description.code || $0.code == ByteOrderMark.description.code })
        #expect(Set(one.filter { $0.code == InvalidJSON.description.code }.compactMap(\.line)) == [10, 20])
        // Parts of 60 to 600 bytes start on many different lines, the 10th and the 20th among them.
        for partBytes in stride(from: 60, through: 600, by: 23) { try Self.expectSame(path, partBytes: partBytes) }
    }

    @Test func anXMLFileIsSkippedAlike() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("x.manifest").path
        try Data(("<?xml version=\"1.0\"?>\n" + String(repeating: "<a>text</a>\n", count: 200)).utf8).write(
            to: URL(fileURLWithPath: path))
        try Self.expectSame(path, partBytes: 200)
    }
}
