/// Flags a line without a `source-ref`.
public struct MissingSourceRef: SchemaRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL101",
        name: "missing-source-ref",
        mirrors: .missingSourceRef,
        severity: .error,
        summary: "line has no source-ref",
        rationale: """
            Every line names its image in `source-ref`. Without it the service drops the line when a dataset is \
            created or updated (a terminal content error, not reported) and reports ERROR_MISSING_SOURCE_REF in \
            training; it counts towards the 20% invalid-row limit.
            """,
        fix: "add \"source-ref\": \"s3://bucket/key\" naming the image",
        triggeringExamples: [
            Example(#"↓{"cat": 1, "cat-metadata": {"type": "groundtruth/image-classification"}}"#)
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/images/a.jpg"}"#)
        ]
    )
}
