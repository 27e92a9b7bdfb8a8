/// Flags a key that appears twice in the same JSON object.
public struct DuplicateKeyRule: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL008",
        name: "duplicate-key",
        mirrors: nil,
        severity: .warning,
        summary: "object has the same key twice",
        rationale: """
            RFC 8259 leaves the meaning of repeated keys to the reader, and the service does not document \
            which one it uses: some JSON readers keep the first value, most keep the last, some reject the \
            line. A repeated `source-ref` or label attribute is almost always a mistake from merging lines.
            """,
        fix: "keep one of the two members and delete the other",
        triggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg", ↓"source-ref": "s3://bucket/b.jpg"}"#),
            Example(#"{"a": {"x": 1, ↓"\u0078": 2}}"#),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg", "b": {"source-ref": 1}}"#)
        ]
    )
}
