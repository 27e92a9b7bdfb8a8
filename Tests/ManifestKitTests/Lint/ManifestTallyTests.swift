import Foundation
import ManifestKit
import Testing

/// The manifest-wide limits, with lower limits so that small inputs reach them.
@Suite struct ManifestTallyTests {
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
}
