import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Lines are checked in batches (``LineChecker``); where a batch starts and ends must not change a line's
/// findings.
@Suite struct LineBatchTests {
    @Test func aLinesFindingsDoNotDependOnWhereItsBatchStarts() throws {
        let sample = SharedDirectory.packageRoot.appendingPathComponent("samples/typical-mistakes.manifest")
        // Bytes, not a String: the sample has an invalid UTF-8 line on purpose. Its first line starts with a
        // byte order mark, which is a finding only at the start of a file.
        let lines = try Data(contentsOf: sample).split(separator: 0x0A).dropFirst().map { [UInt8]($0) }
        let linter = ManifestLinter()
        /// The findings of the sample's own lines after `padding` clean lines, numbered as in the sample;
        /// without the manifest-wide findings (CL4xx), which the clean lines change.
        func sampleFindings(after padding: Int) -> [Diagnostic] {
            let clean = (0..<padding).map { index in
                #"{"source-ref":"s3://padding-bucket/pad-\#(index).jpg","a":1,"a-metadata":{"confidence":1,"#
                    + #""job-name":"labeling-job/a","class-name":"a","human-annotated":"yes","#
                    + #""creation-date":"2024-03-05T09:00:00.339563","type":"groundtruth/image-classification"}}"#
            }
            let bytes = (clean.map { Array($0.utf8) } + lines).joined(separator: [0x0A]) + [0x0A]
            return linter.lint(bytes: Array(bytes), name: "m.manifest").compactMap { diagnostic in
                guard let line = diagnostic.line, !diagnostic.code.hasPrefix("CL4") else { return nil }
                #expect(line > padding, "a padding line has a finding: \(diagnostic.message)")
                var shifted = diagnostic
                shifted.shiftLines(by: -padding)
                return shifted
            }
        }
        let alone = sampleFindings(after: 0)
        #expect(alone.count > 10, "the sample should have line findings")
        for padding in [1, 5, 17, 31, 32, 33, 40, 63] {
            #expect(sampleFindings(after: padding) == alone, "after \(padding) clean lines")
        }
    }
}
