/// Flags label attribute metadata that does not have the fields its `type` requires.
public struct InvalidLabelAttributeMetadataFormat: SchemaRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL202",
        name: "invalid-label-attribute-metadata-format",
        mirrors: .invalidLabelAttributeMetadataFormat,
        severity: .error,
        summary: "label attribute metadata does not match its type's format",
        rationale: """
            The `-metadata` object must carry `type`, `human-annotated` ("yes" or "no"), `creation-date`, and \
            for image-level labels `confidence` and `class-name`, for object localization `objects` and \
            `class-map`. Otherwise the service reports ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT and does \
            not use the line for training.
            """,
        fix: "complete or correct the metadata field named in the message",
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": {"confidence": 1, "class-name": "cat", "#
                    + #""human-annotated": ↓true, "creation-date": "2024-05-01T08:00:00", "#
                    + #""type": "groundtruth/image-classification"}}"#),
            Example(#"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": ↓{"class-name": "cat"}}"#),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": {"confidence": 0.9, "class-name": "cat", "#
                    + #""human-annotated": "no", "creation-date": "2024-05-01T08:00:00.123Z", "#
                    + #""type": "groundtruth/image-classification", "job-name": "labeling-job/cats"}}"#)
        ]
    )
}
