/// Flags a manifest without any line (found when the file ends).
public struct EmptyManifest: ManifestRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL406",
        name: "empty-manifest",
        mirrors: .emptyManifest,
        severity: .error,
        summary: "the manifest has no lines",
        rationale: """
            A manifest with no content is ERROR_EMPTY_MANIFEST, which fails the whole operation; an \
            UpdateDatasetEntries call needs at least one byte of changes. (How the service treats a file of \
            only blank lines is undocumented: each blank line is reported as CL003.)
            """,
        fix: "add the image lines, or do not send the file",
        conditions: [
            "a file with no lines at all"
        ],
        triggeringExamples: [
            Example("↓", condition: "a file with no lines at all")
        ],
        nonTriggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n", condition: "a file with no lines at all"),
            // A blank line is a line (CL003), so the manifest is not empty.
            Example("\n", condition: "a file with no lines at all"),
        ]
    )

    static func finish(_ totals: ManifestTotals, state: NoManifestState, into findings: inout [ManifestFinding]) {
        guard totals.statistics.lines == 0 else { return }
        findings.append(ManifestFinding(description, message: "the manifest has no lines"))
    }
}
