/// Flags a manifest in which more than 20% of the lines have errors (found when the file ends).
public struct TooManyInvalidLines: ManifestRule {
    /// The share of invalid lines the service tolerates.
    static let limit = 0.2

    /// Whether a finding makes its line count as invalid: an error of a line rule (not one of the
    /// manifest-wide CL4xx rules, which the service applies to the whole manifest).
    static func makesLineInvalid(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error && !diagnostic.code.hasPrefix("CL4")
    }

    /// The finding's message for a manifest with these counts.
    static func message(_ statistics: LintStatistics) -> String {
        let percent = Int((statistics.invalidShare * 100).rounded())
        return "\(Count.grouped(statistics.linesWithErrors)) of \(Count.phrase(statistics.lines, "line")) "
            + "(\(percent)%) \(statistics.linesWithErrors == 1 ? "has" : "have") errors, over the 20% the service allows"
    }

    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL408",
        name: "too-many-invalid-lines",
        mirrors: .tooManyInvalidRowsInManifest,
        severity: .error,
        summary: "more than 20% of the manifest's lines have errors",
        rationale: """
            Training fails with ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST when more than 20% of the lines are \
            invalid, counted across all validation rules (blank lines included; lines with only warnings are \
            not counted). Dataset creation and updates fail with ERROR_TOO_MANY_RECORDS_IN_ERROR on "too many" \
            errors, with an undocumented threshold. The estimate counts the lines with an error finding of the \
            rules that ran (a rule the configuration leaves out counts nothing; one whose severity it sets to \
            warning counts as a warning), including lines whose images fail the checks of `lint --images`; \
            without it, the service's own image checks can add more.
            """,
        fix: "fix or remove the invalid lines (the other findings say which and why)",
        conditions: [
            "more than 20% of the lines have errors"
        ],
        triggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"a\": 1,}\n↓",
                condition: "more than 20% of the lines have errors"),
            Example(
                (0..<3).map { "{\"source-ref\": \"s3://bucket/\($0).jpg\"}\n" }.joined() + "{\"a\": 1,}\n↓",
                condition: "more than 20% of the lines have errors"),
        ],
        nonTriggeringExamples: [
            Example((0..<5).map { "{\"source-ref\": \"s3://bucket/\($0).jpg\"}\n" }.joined() + "{\"a\": 1,}\n"),
            // 1 of 5 is 20%: not over.
            Example(
                (0..<4).map { "{\"source-ref\": \"s3://bucket/\($0).jpg\"}\n" }.joined() + "{\"a\": 1,}\n",
                condition: "more than 20% of the lines have errors"),
            // Warnings do not count.
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\", \"a\": 1, \"a\": 2}\n{\"source-ref\": \"s3://bucket/b.jpg\"}\n",
                condition: "more than 20% of the lines have errors"),
        ]
    )

    static func finish(_ totals: ManifestTotals, state: NoManifestState, into findings: inout [ManifestFinding]) {
        guard totals.statistics.invalidShare > limit else { return }
        findings.append(ManifestFinding(description, message: message(totals.statistics)))
    }
}
