/// Flags a metadata `type` other than the two the service supports.
public struct UnsupportedUseCaseType: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL204",
        name: "unsupported-use-case-type",
        mirrors: .unsupportedUseCaseType,
        severity: .error,
        summary: "the metadata type is neither image classification nor object detection",
        rationale: """
            The metadata `type` says what a label is: `groundtruth/image-classification` (an image-level label) \
            or `groundtruth/object-detection` (bounding boxes). Any other type is \
            ERROR_UNSUPPORTED_USE_CASE_TYPE, and the line gets ERROR_NO_VALID_LABEL_ATTRIBUTES when it has no \
            other valid label. SageMaker Ground Truth's native multi-label output \
            (`groundtruth/image-classification-multilabel`) must first be transformed into one \
            image-classification attribute per label.
            """,
        fix: """
            use type groundtruth/image-classification or groundtruth/object-detection; transform multi-label \
            output into one attribute per label, each with its own -metadata
            """,
        errorScope: .labelAttribute,
        conditions: [
            "a type other than the two supported (multi-label, a typo)",
            "a type that is not a string",
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": [0, 1], "l-metadata": {"class-map": {"0": "a", "1": "b"}, "#
                    + #""type": ↓"groundtruth/image-classification-multilabel"}}"#,
                condition: "a type other than the two supported (multi-label, a typo)"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"type": ↓"groundtruth/wrongtype"}}"#,
                condition: "a type other than the two supported (multi-label, a typo)"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"type": ↓7}}"#,
                condition: "a type that is not a string"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"type": "groundtruth/image-classification"}}"#,
                condition: "a type other than the two supported (multi-label, a typo)"),
            Example(
                DetectionExamples.line(attribute: DetectionExamples.attribute()),
                condition: "a type that is not a string"),
        ]
    )

    private static let multilabel = "groundtruth/image-classification-multilabel"

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for pair in line.pairs where pair.useCase == .unsupported {
            guard let type = line.member(ManifestKeys.type, of: pair.metadata) else { continue }
            let value = line.document.stringValue(at: type)
            let message: String
            switch value {
            case multilabel?:
                message =
                    "type '\(multilabel)' is Ground Truth's multi-label output, which the service does not "
                    + "read; transform it into one groundtruth/image-classification attribute per label"
            case let other?:
                message =
                    "type '\(other)' is not supported; use groundtruth/image-classification or "
                    + "groundtruth/object-detection"
            case nil:
                message = "type must be the string groundtruth/image-classification or groundtruth/object-detection"
            }
            findings.append(LineFinding(rule: description, node: type, message: message))
        }
    }
}
