/// Flags a line longer than the service's 100,000-character limit.
public struct LineTooLong: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL007",
        name: "line-too-long",
        mirrors: nil,
        severity: .error,
        summary: "line is longer than 100,000 characters",
        rationale: """
            The service accepts JSON Lines of at most 100,000 characters. A longer line is a terminal content \
            error: it is removed from the dataset without any error code or report. The column points at the \
            first character past the limit.
            """,
        fix: "shorten the line: drop unused fields or split a line with very many boxes",
        conditions: [
            "more than 100,000 characters"
        ],
        triggeringExamples: [
            Example(
                longLinePrefix + String(repeating: "x", count: 100_000 - longLinePrefix.count) + "↓xyz\"}",
                condition: "more than 100,000 characters")
        ],
        nonTriggeringExamples: [
            // Exactly 100,000 characters, though more than 100,000 bytes.
            Example(
                longLinePrefix + String(repeating: "é", count: 100_000 - longLinePrefix.count - 2) + "\"}",
                condition: "more than 100,000 characters")
        ]
    )
}

private let longLinePrefix = #"{"source-ref": "s3://bucket/a.jpg", "job-name": ""#
