/// Flags a `source-ref` that is not an `s3://bucket/key` URI.
public struct InvalidSourceRefFormat: SchemaRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL102",
        name: "invalid-source-ref-format",
        mirrors: .invalidSourceRefFormat,
        severity: .error,
        summary: "source-ref is not an s3://bucket/key URI",
        rationale: """
            The service reads images from S3 by `source-ref`, which must be `s3://BUCKET/KEY`. An https:// URL, \
            a local path or a bucket without a key is ERROR_INVALID_SOURCE_REF_FORMAT: the line is dropped when \
            a dataset is created or updated and counted as invalid in training.
            """,
        fix: "write the image's location as s3://bucket/key",
        triggeringExamples: [
            Example(#"{"source-ref": ↓"https://bucket.s3.amazonaws.com/a.jpg"}"#),
            Example(#"{"source-ref": ↓"s3://bucket-only"}"#),
            Example(#"{"source-ref": ↓42}"#),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/images/a.jpg"}"#)
        ]
    )
}
