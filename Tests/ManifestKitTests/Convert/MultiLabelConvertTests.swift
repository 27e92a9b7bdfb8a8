import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `convert --from gt-multilabel`: Ground Truth's multi-label lines become one attribute per label.
@Suite struct MultiLabelConvertTests {
    private func run(_ text: String) throws -> (String, ConversionReport) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).manifest")
        try Data(text.utf8).write(to: file)
        let result = try MultiLabelTransform(path: file.path).run()
        return (result.text, result.report)
    }

    /// The example of the service's documentation, and a line that is not multi-label.
    @Test func theDocumentedExampleBecomesOneAttributePerLabel() throws {
        let (text, report) = try run(
            #"{"source-ref":"s3://my-bucket/exampleimage.jpg","image-label-attribute-name":[1,0,8],"image-label-attribute-name-metadata":{"job-name":"labeling-job/image-label-attribute-name","class-map":{"1":"bicycle","0":"person","8":"clothing"},"human-annotated":"yes","creation-date":"2020-02-27T21:36:25.000201","confidence-map":{"1":0.95,"0":0.77,"8":0.2},"type":"groundtruth/image-classification-multilabel"}}"#
                + "\n" + #"{"source-ref":"s3://my-bucket/b.jpg","note":"kept"}"# + "\n")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2 && report.multiLabelAttributes == 1)
        #expect(
            lines[0].hasPrefix(
                #"{"source-ref": "s3://my-bucket/exampleimage.jpg", "bicycle": 1, "bicycle-metadata": {"confidence": 0.95, "class-name": "bicycle", "type": "groundtruth/image-classification", "job-name": "labeling-job/image-label-attribute-name", "human-annotated": "yes", "creation-date": "2020-02-27T21:36:25.000201"}, "person": 1, "#
            ))
        #expect(lines[0].contains(#""clothing-metadata": {"confidence": 0.2, "class-name": "clothing""#))
        #expect(lines[1] == #"{"source-ref":"s3://my-bucket/b.jpg","note":"kept"}"#)
        let findings = ManifestLinter().lint(bytes: Array(text.utf8), name: "m")
        #expect(!findings.contains { $0.severity == .error && $0.line == 1 }, "\(findings.map(\.message))")
    }

    @Test func anIdMissingFromTheClassMapIsAnError() throws {
        do {
            _ = try run(
                #"{"source-ref":"s3://b/a.jpg","x":[3],"x-metadata":{"class-map":{"0":"a"},"type":"groundtruth/image-classification-multilabel"}}"#
                    + "\n")
            Issue.record("an unknown class id was accepted")
        } catch let error as ConversionError {
            #expect(error.description.hasSuffix(":1:35: class id 3 is not in the class-map"))
        }
        #expect(throws: ConversionError.self) { try run("{\"source-ref\": \n") }
    }
}
