/// Flags the line that takes the manifest over 250,000 lines.
public struct TooManyRows: ManifestRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL404",
        name: "too-many-rows",
        mirrors: .manifestRowsExceedsMaximum,
        severity: .error,
        summary: "the manifest has more than 250,000 lines",
        rationale: """
            A manifest may hold at most 250,000 lines (blank and invalid lines count); more is \
            ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM, which fails the whole operation. Per-dataset image limits vary \
            by model type and Region (up to 500,000 for image-level models on request). The finding points at \
            line 250,001.
            """,
        fix: "split the manifest into datasets or updates of at most 250,000 lines",
        conditions: [
            "more lines than 250,000 (or the configuration's max-rows)"
        ],
        triggeringExamples: [
            Example(
                String(repeating: "{}\n", count: 250_000) + "↓{}\n",
                condition: "more lines than 250,000 (or the configuration's max-rows)"),
            Example(
                String(repeating: "{}\n", count: 3) + "↓{}\n",
                condition: "more lines than 250,000 (or the configuration's max-rows)",
                configuration: "limits: {max-rows: 3}"),
        ],
        nonTriggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n"),
            Example(
                String(repeating: "{}\n", count: 3),
                condition: "more lines than 250,000 (or the configuration's max-rows)",
                configuration: "limits: {max-rows: 3}"),
        ]
    )

    static var events: ManifestEventKinds { .lines }

    static func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {
        guard case .line(let line) = event, line.rows == line.maxRows + 1 else { return }
        findings.append(
            ManifestFinding(
                description, line: line.number, column: 1,
                message: "line \(Count.grouped(line.rows)) is over the limit of \(Count.phrase(line.maxRows, "line")) "
                    + "per manifest"))
    }
}
