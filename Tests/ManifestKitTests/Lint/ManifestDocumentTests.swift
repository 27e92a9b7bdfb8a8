import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// An edited document's findings are the findings `lint` gives for its text, after every edit: lines
/// replaced, inserted and removed inside a block, across blocks and at the ends, a final line break added
/// and taken away, the whole text replaced.
@Suite struct ManifestDocumentTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    /// Lines with every kind of finding: the samples' lines, blank lines, broken JSON, a repeated image.
    static func pool() throws -> [[UInt8]] {
        var pool: [[UInt8]] = []
        for sample in ["typical-mistakes.manifest", "mixed.manifest", "object-localization.manifest"] {
            let bytes = try [UInt8](
                Data(contentsOf: SharedDirectory.packageRoot.appendingPathComponent("samples/\(sample)")))
            pool += bytes.split(separator: 0x0A).map(Array.init)
        }
        pool += [[], Array(#"{"source-ref": "s3://other-bucket/x.jpg""#.utf8), Array("[1, 2]".utf8)]
        pool.append(Array(#"{"source-ref": "s3://bucket/é.jpg", "l": 1}"#.utf8) + [0x0D])
        return pool
    }

    static func lint(_ document: ManifestDocument, _ linter: ManifestLinter) -> [Diagnostic] {
        // The text as a file: the editor's last empty line is the final line break.
        var text = document.text
        if !(document.lines.last?.isEmpty ?? true) { text.append(0x0A) }
        if text == [0x0A], document.lines == [[]] { text = [] }
        return linter.lint(bytes: text, name: "doc.manifest")
    }

    @Test(arguments: [1, 2])
    func randomEditsGiveLintsFindings(seed: Int) throws {
        let pool = try Self.pool()
        var random = Generator(state: UInt64(seed))
        let linter = ManifestLinter()
        var initial: [[UInt8]] = []
        for _ in 0..<(ManifestDocument.blockLines * 3 + 17) { initial.append(pool[random.next(pool.count)]) }
        let text = Array(initial.joined(separator: [0x0A])) + [0x0A]
        let document = ManifestDocument(linter: linter, name: "doc.manifest", text: text)
        #expect(document.diagnostics() == Self.lint(document, linter))
        var previous = 0
        for step in 0..<30 {
            let count = document.lines.count
            // Half the edits near the last one, as typing goes on in one place (the kept index's case).
            let start =
                random.next(2) == 0 ? min(count, max(0, previous + random.next(9) - 4)) : random.next(count + 1)
            previous = start
            let length: Int
            switch random.next(4) {
            case 0: length = 0  // an insertion
            case 1: length = min(count - start, 1 + random.next(3))  // a line or a few
            case 2: length = min(count - start, random.next(ManifestDocument.blockLines * 2))  // across blocks
            default: length = min(count - start, 1)
            }
            var replacement: [[UInt8]] = []
            for _ in 0..<random.next(random.next(2) == 0 ? 4 : 700) {
                replacement.append(pool[random.next(pool.count)])
            }
            if step == 10 { replacement = [] }  // the end: the final line break taken away and put back
            document.replace(lines: start..<(start + length), with: replacement)
            if step == 10 { document.replace(lines: document.lines.count..<document.lines.count, with: [[]]) }
            let found = document.diagnostics()
            let expected = Self.lint(document, linter)
            #expect(found == expected, "seed \(seed), step \(step): \(found.count) findings, lint \(expected.count)")
            if found != expected { return }
        }
        document.replaceAll(Array("not json at all <xml/>\n".utf8))
        #expect(document.diagnostics() == Self.lint(document, linter))
        document.replaceAll([])
        #expect(document.diagnostics() == Self.lint(document, linter))
    }

    @Test func aRepeatedSourceRefKnowsItsFirstLine() {
        let line = #"{"source-ref": "s3://b/a.jpg", "l": 1, "l-metadata": {"class-name": "x"}}"#
        let document = ManifestDocument(
            linter: ManifestLinter(), name: "m", text: Array("\n\(line)\n\(line)\n".utf8))
        let repeated = document.diagnostics().filter { $0.code == "CL401" }
        #expect(repeated.map(\.line) == [3])
        #expect(document.firstLine(ofSourceRef: "s3://b/a.jpg") == 2)
        #expect(document.firstLine(ofSourceRef: "s3://b/none.jpg") == nil)
    }
}
