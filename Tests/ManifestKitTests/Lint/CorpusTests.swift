import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Lints the real manifests in `../shared/corpus/real` and checks every verdict on JSON against
/// Foundation's JSONSerialization, an independent parser.
@Suite struct CorpusTests {
    static let relativePath = "corpus/real"

    static var files: [String] { SharedDirectory.files(in: relativePath).filter { $0 != "SOURCES.tsv" } }

    @Test(
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing(relativePath) != nil,
            "skipped: the corpus is not at ../shared/\(relativePath)"))
    func corpusIsPresent() {
        #expect(Self.files.count >= 60, "expected the real manifests in ../shared/\(Self.relativePath)")
    }

    @Test(arguments: files)
    func syntaxFindingsAgreeWithAnIndependentParser(file: String) throws {
        let url = try #require(SharedDirectory.existing("\(Self.relativePath)/\(file)"))
        let diagnostics = try ManifestLinter().lint(path: url.path)
        let bytes = [UInt8](try Data(contentsOf: url))
        // A file reported as JSON spread over lines (CL012) has no per-line findings: Foundation must read it
        // whole as JSON, and its first line must not be an object on its own.
        if diagnostics.contains(where: { $0.code == MultiLineJSON.description.code }) {
            #expect(diagnostics.count == 1, "\(file): CL012 is the only finding")
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil, "\(file): whole file is JSON")
            let first = Data(bytes.prefix(while: { $0 != 0x0A }))
            #expect((try? JSONSerialization.jsonObject(with: first)) == nil, "\(file): first line alone is not")
            return
        }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let syntaxCodes: Set = ["CL001", "CL002", "CL003", "CL005", "CL006"]
        for (index, line) in lines.enumerated() {
            let number = index + 1
            var content = Data(line)
            if content.last == 0x0D { content.removeLast() }
            if number == 1, content.starts(with: [0xEF, 0xBB, 0xBF]) { content.removeFirst(3) }
            let isBlank = content.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            let parsed = try? JSONSerialization.jsonObject(with: content, options: [.fragmentsAllowed])
            let isObject = !isBlank && parsed is [String: Any]
            let flagged = diagnostics.contains { $0.line == number && syntaxCodes.contains($0.code) }
            #expect(flagged == !isObject, "\(file):\(number): flagged=\(flagged), Foundation object=\(isObject)")
        }
    }

    static let pinnedPath = "Tests/ManifestKitTests/Lint/Fixtures/corpus-findings.tsv"

    /// The findings on every real manifest, counted by file, rule and severity, are the reviewed ones
    /// (regenerate with `UPDATE_GENERATED=1 swift test --filter CorpusTests` after reviewing a change).
    @Test(
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing(relativePath) != nil,
            "skipped: the corpus is not at ../shared/\(relativePath)"))
    func findingsArePinned() throws {
        var rows: [String] = ["file\tcode\tseverity\tcount"]
        for file in Self.files.sorted() {
            let url = try #require(SharedDirectory.existing("\(Self.relativePath)/\(file)"))
            var counts: [String: Int] = [:]
            for diagnostic in try ManifestLinter().lint(path: url.path) {
                counts["\(diagnostic.code)\t\(diagnostic.severity.rawValue)", default: 0] += 1
            }
            rows += counts.keys.sorted().map { "\(file)\t\($0)\t\(counts[$0] ?? 0)" }
        }
        try assertGenerated(
            rows.joined(separator: "\n") + "\n", at: Self.pinnedPath,
            regenerate:
                "the corpus findings changed: review them, then UPDATE_GENERATED=1 swift test --filter CorpusTests")
    }
}
