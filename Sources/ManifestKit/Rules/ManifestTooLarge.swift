/// Flags the line that takes the manifest over 1 GB.
public struct ManifestTooLarge: ManifestRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL405",
        name: "manifest-too-large",
        mirrors: .manifestSizeTooLarge,
        severity: .error,
        summary: "the manifest is larger than 1 GB",
        rationale: """
            A manifest file may be at most 1 GB, whatever its number of lines; a larger one is \
            ERROR_MANIFEST_SIZE_TOO_LARGE, which fails the whole operation. The finding points at the line that \
            crosses 1 GB (10^9 bytes; the docs do not say whether a GB is 10^9 or 2^30 bytes).
            """,
        fix: "split the manifest",
        conditions: [
            "more bytes than 1 GB (or the configuration's max-bytes)"
        ],
        triggeringExamples: [
            // A gigabyte is too much text for an example: the configuration's limit stands in for it.
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"source-ref\": \"s3://bucket/b.jpg\"}\n↓{\"source-ref\": \"s3://bucket/c.jpg\"}\n",
                condition: "more bytes than 1 GB (or the configuration's max-bytes)",
                configuration: "limits: {max-bytes: 100}")
        ],
        nonTriggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n"),
            // 100 bytes, newlines included: at the limit, not over it.
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"source-ref\": \"s3://bucket/b.jpg\"}\n{\"s\": \"s3://bucket/cc.jpg\"}\n",
                condition: "more bytes than 1 GB (or the configuration's max-bytes)",
                configuration: "limits: {max-bytes: 100}"),
        ]
    )

    static var events: ManifestEventKinds { .lines }

    static func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {
        guard case .line(let line) = event, line.bytesBefore <= line.maxBytes, line.bytesAfter > line.maxBytes
        else { return }
        findings.append(
            ManifestFinding(
                description, line: line.number, column: 1,
                message: "the manifest passes \(Count.bytes(line.maxBytes)) on this line"))
    }
}
