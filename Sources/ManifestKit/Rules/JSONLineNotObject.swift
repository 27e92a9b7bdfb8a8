/// Flags a line that is valid JSON but not an object.
public struct JSONLineNotObject: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL002",
        name: "json-line-not-object",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "line is valid JSON but not an object",
        rationale: """
            Each manifest line describes one image as a JSON object with a source-ref and label attributes. \
            The service's dataset entries must match `^\\{.*\\}$`; an array, string, number or literal is \
            reported as ERROR_INVALID_JSON_LINE and dropped.
            """,
        fix: "write one JSON object per line, e.g. {\"source-ref\": \"s3://bucket/image.jpg\", ...}",
        conditions: [
            "the line is an array",
            "the line is a string, number or literal",
        ],
        triggeringExamples: [
            Example(#"↓[{"source-ref": "s3://bucket/a.jpg"}]"#, condition: "the line is an array"),
            Example(#"  ↓"s3://bucket/a.jpg""#, condition: "the line is a string, number or literal"),
            Example("↓null", condition: "the line is a string, number or literal"),
            Example("↓42", condition: "the line is a string, number or literal"),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg"}"#),
            Example(#"{"images": [{"source-ref": "s3://bucket/a.jpg"}]}"#, condition: "the line is an array"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "n": 42, "x": null}"#,
                condition: "the line is a string, number or literal"),
        ]
    )
}
