/// Flags a key that appears twice in the same JSON object.
public struct DuplicateKeyRule: RecordRule {
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
        conditions: [
            "a key twice at the top level",
            "a key twice in a nested object, escapes decoded",
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"source-ref": "s3://bucket/b.jpg"}"#,
                condition: "a key twice at the top level"),
            Example(#"{"a": {"x": 1, ↓"\u0078": 2}}"#, condition: "a key twice in a nested object, escapes decoded"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "b": {"source-ref": 1}}"#,
                condition: "a key twice at the top level"),
            Example(
                #"{"a": {"x": 1, "X": 2, "\u0079": 3}}"#, condition: "a key twice in a nested object, escapes decoded"),
        ]
    )

    static var lines: RecordLines { .parsed }

    static func check(_ line: inout RecordCheck) {
        guard let document = line.document else { return }
        for duplicate in document.duplicateKeys {
            let firstColumn = line.column(of: duplicate.first)
            line.report(
                description, at: .node(duplicate.duplicate),
                message: "key '\(document.string(at: duplicate.duplicate))' repeats the key at column \(firstColumn) "
                    + "of the same object")
        }
    }
}
