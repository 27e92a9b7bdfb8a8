/// Flags a UTF-8 byte order mark at the start of the file.
public struct ByteOrderMark: RecordRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL004",
        name: "byte-order-mark",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "file starts with a UTF-8 byte order mark",
        rationale: """
            JSON Lines and SageMaker Ground Truth manifests are UTF-8 without a byte order mark. Strict JSON \
            readers reject U+FEFF before the first value, so the service is likely to treat the first line as \
            ERROR_INVALID_JSON_LINE and drop it. Editors on Windows often add the mark when saving as "UTF-8".
            """,
        fix: "save the file as UTF-8 without a byte order mark",
        conditions: [
            "the file starts with EF BB BF"
        ],
        triggeringExamples: [
            Example("↓\u{FEFF}{\"source-ref\": \"s3://bucket/a.jpg\"}\n", condition: "the file starts with EF BB BF")
        ],
        nonTriggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"label\": \"\u{FEFF}\"}\n",
                condition: "the file starts with EF BB BF")
        ]
    )

    static func check(_ line: inout RecordCheck) {
        guard line.record.hasByteOrderMark else { return }
        line.report(
            description, at: .column(1), message: "file starts with a UTF-8 byte order mark (EF BB BF)",
            withSourceRef: false)
    }
}

extension ByteOrderMark: FixableRule {
    /// Removes the three bytes; the text after them is unchanged.
    static func fix(_ site: FixSite) -> Fix? {
        Fix(
            .safe, "remove the byte order mark",
            edits: [Fix.Edit(line: 1, column: 0, endLine: 1, endColumn: 1, content: "")])
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample("\u{FEFF}" + #"{"source-ref": "s3://bucket/a.jpg"}"#, #"{"source-ref": "s3://bucket/a.jpg"}"#)
    ]
}
