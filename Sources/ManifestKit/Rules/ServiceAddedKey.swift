/// Flags keys that the service itself adds to dataset entries (`cl-metadata`, `cl-errors`, `errors`,
/// `warnings`), which a manifest pulled from a dataset carries.
public struct ServiceAddedKey: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL208",
        name: "service-added-key",
        mirrors: nil,
        severity: .warning,
        summary: "the line carries a key the service adds to dataset entries",
        rationale: """
            ListDatasetEntries and the training validation manifests return lines with keys the service \
            added: `cl-metadata`, `cl-errors`, `errors` and `warnings`. Whether UpdateDatasetEntries accepts \
            them back is undocumented (training tolerates the validation manifests), so sending them is a risk \
            worth a warning.
            """,
        fix: "remove the service's keys before sending the line back",
        conditions: [
            "cl-metadata",
            "cl-errors, errors or warnings",
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"cl-metadata": {"is_labeled": false}}"#, condition: "cl-metadata"
            ),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"errors": [], ↓"warnings": []}"#,
                condition: "cl-errors, errors or warnings"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"cl-errors": []}"#, condition: "cl-errors, errors or warnings"),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg", "notes": {"is_labeled": false}}"#, condition: "cl-metadata"),
            // Inside a label attribute's metadata, the service's keys are its own business.
            Example(
                ClassificationExamples.line(
                    metadata:
                        #"{"confidence": 1, "class-name": "dog", "human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "type": "groundtruth/image-classification", "errors": []}"#
                ), condition: "cl-errors, errors or warnings"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "error": 1, "warning": 2}"#,
                condition: "cl-errors, errors or warnings"),
        ]
    )

    private static let keys = ServiceAddedKeys.names.map { Array($0.utf8) }

    /// Whether the key at `key` is one of the service's.
    static func isServiceKey(_ key: Int, in document: JSONDocument) -> Bool {
        // The four names are 6 to 11 bytes long: most keys are settled by their length.
        let length = Int(document[key].end - document[key].start) - 2
        return (6...11).contains(length)
            && keys.contains(where: { name in name.withUnsafeBufferPointer { document.keyEquals(key, $0) } })
    }

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let document = line.document
        for key in line.otherKeys where isServiceKey(key, in: document) {
            findings.append(
                LineFinding(
                    rule: description, node: key,
                    message: "'\(document.string(at: key))' is added by the service; whether it accepts it back is "
                        + "undocumented"))
        }
    }
}
