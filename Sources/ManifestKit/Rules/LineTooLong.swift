/// Flags a line longer than the service's 100,000-character limit.
public struct LineTooLong: RecordRule {
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

    static func check(_ line: inout RecordCheck) {
        let record = line.record
        let limit = line.maxLineCharacters
        if record.isOversized {
            line.report(
                description, at: .column(limit + 1),
                message: message(characters: record.oversizedScalarCount, limit: limit)
                    + "; it was too long to read further")
            return
        }
        // A blank line is reported as such (CL003), however long.
        if case .notParsed = line.parsed { return }
        guard record.bytes.count > limit else { return }
        let characters = UTF8Validation.scalarCount(record.bytes, upTo: record.bytes.count)
        guard characters > limit else { return }
        line.report(description, at: .column(limit + 1), message: message(characters: characters, limit: limit))
    }

    private static func message(characters: Int, limit: Int) -> String {
        "line is \(Count.phrase(characters, "character")) long, over the service's limit of \(Count.grouped(limit))"
    }
}

private let longLinePrefix = #"{"source-ref": "s3://bucket/a.jpg", "job-name": ""#
