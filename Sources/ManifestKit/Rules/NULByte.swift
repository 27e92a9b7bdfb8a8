/// Flags a NUL byte in a line.
public struct NULByte: RecordRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL006",
        name: "nul-byte",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "line contains a NUL byte",
        rationale: """
            A raw NUL byte is never valid in JSON. It usually means the file is UTF-16, was truncated while \
            being written, or had binary data appended. The service reports ERROR_INVALID_JSON_LINE.
            """,
        fix: "remove the NUL bytes; if the file is UTF-16, convert it to UTF-8",
        conditions: [
            "a NUL inside a string",
            "a NUL outside any string",
        ],
        triggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a↓\u{0}.jpg\"}", condition: "a NUL inside a string"),
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}↓\u{0}", condition: "a NUL outside any string"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "note": "\u0000 escaped is fine"}"#,
                condition: "a NUL inside a string"),
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"} ", condition: "a NUL outside any string"),
        ]
    )

    static var lines: RecordLines { .failed }

    static func check(_ line: inout RecordCheck) {
        line.reportParseError(.nulByte, as: description)
    }
}
