/// Flags a line that is not valid JSON (RFC 8259).
public struct InvalidJSON: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL001",
        name: "invalid-json",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "line is not valid JSON",
        rationale: """
            The service cannot read the line: it reports ERROR_INVALID_JSON_LINE ("The JSON Line has an invalid \
            format") during training and silently drops the line when a dataset is created or updated. Dropped \
            and invalid lines count towards the 20% invalid-row limit that fails training.
            """,
        fix: "correct the JSON syntax at the reported column; each line must be one complete JSON object",
        triggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg"↓"#),
            Example(#"{"source-ref": "s3://bucket/a.jpg",↓}"#),
            Example(#"{↓'source-ref': "s3://bucket/a.jpg"}"#),
            Example(#"{"confidence": ↓01}"#),
            Example(#"{"source-ref": "s3://bucket/a.jpg" ↓"cat": 1}"#),
            Example(#"{"source-ref": ↓"s3://bucket/a.jpg}"#),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg", "cat": 1}"#),
            Example(#"  {"source-ref": "s3://bucket/\u00e9.jpg", "n": -1.5e3}  "#),
        ]
    )
}
