/// Flags an empty or whitespace-only line.
public struct BlankLine: RecordRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL003",
        name: "blank-line",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "line is empty or holds only whitespace",
        rationale: """
            The service counts blank lines as dataset objects and as invalid rows: they count towards the \
            250,000-line limit and the 20% invalid-row limit that fails training. A single newline at the end \
            of the file is not a blank line.
            """,
        fix: "delete the blank line",
        conditions: [
            "an empty line between lines",
            "a line of spaces and tabs",
            "an empty line at the end of the file",
        ],
        triggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n↓\n{\"source-ref\": \"s3://bucket/b.jpg\"}\n",
                condition: "an empty line between lines"),
            Example("↓   \t\n", condition: "a line of spaces and tabs"),
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n↓\n", condition: "an empty line at the end of the file"),
        ],
        nonTriggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\r\n{\"source-ref\": \"s3://bucket/b.jpg\"}\r\n",
                condition: "an empty line between lines"),
            Example("  {\"source-ref\": \"s3://bucket/a.jpg\"}\t\n", condition: "a line of spaces and tabs"),
            // One final newline ends the last line; it is not a blank line.
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n", condition: "an empty line at the end of the file"),
        ]
    )

    static var lines: RecordLines { .notParsed }

    static func check(_ line: inout RecordCheck) {
        // The parser skips only oversized lines (CL007) and blank ones.
        guard case .notParsed = line.parsed, !line.record.isOversized else { return }
        let message = line.record.bytes.isEmpty ? "blank line" : "line holds only whitespace"
        line.report(description, at: .column(1), message: message)
    }
}

extension BlankLine: FixableRule {
    /// Removes the line: a blank line holds no entry.
    static func fix(_ site: FixSite) -> Fix? {
        Fix(.safe, "remove the blank line", edits: [.removingLine(site.line)])
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample(
            #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n\n" + #"{"source-ref": "s3://bucket/b.jpg"}"#,
            #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n" + #"{"source-ref": "s3://bucket/b.jpg"}"#),
        FixExample(#"{"source-ref": "s3://bucket/a.jpg"}"# + "\n \t", #"{"source-ref": "s3://bucket/a.jpg"}"#),
    ]
}
