/// Flags the label that takes the manifest over 250 distinct labels.
public struct TooManyLabels: ManifestRule {
    /// The most distinct labels a dataset may have.
    static let limit = 250

    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL403",
        name: "too-many-labels",
        mirrors: .manifestTooManyLabels,
        severity: .error,
        summary: "the manifest names more than 250 distinct labels",
        rationale: """
            A dataset may have at most 250 distinct labels; more is ERROR_MANIFEST_TOO_MANY_LABELS, which fails \
            the dataset operation or the training. (The minimum is documented inconsistently: the limits page \
            says 2 for image-level models and 1 for object location, the training error description says the \
            reverse, so too few labels is not checked per file.) The finding points at the 251st label.
            """,
        fix: "merge or drop labels so that at most 250 remain",
        conditions: ["more than 250 distinct labels in the manifest"],
        triggeringExamples: [
            Example(
                (0...250).map { label in
                    "{\"source-ref\": \"s3://bucket/\(label).jpg\", \"l\": 1, \"l-metadata\": {\"confidence\": 1, "
                        + "\"class-name\": \(label == 250 ? "↓" : "")\"label \(label)\", "
                        + "\"human-annotated\": \"yes\", \"creation-date\": \"2024-05-01T08:00:00\", "
                        + "\"type\": \"groundtruth/image-classification\"}}\n"
                }.joined(), condition: "more than 250 distinct labels in the manifest")
        ],
        nonTriggeringExamples: [
            Example(
                (0..<250).map { label in
                    "{\"source-ref\": \"s3://bucket/\(label).jpg\", \"l\": 1, \"l-metadata\": {\"confidence\": 1, "
                        + "\"class-name\": \"label \(label)\", \"human-annotated\": \"yes\", "
                        + "\"creation-date\": \"2024-05-01T08:00:00\", \"type\": \"groundtruth/image-classification\"}}\n"
                }.joined(), condition: "more than 250 distinct labels in the manifest")
        ]
    )

    static var events: ManifestEventKinds { .newLabels }

    static func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {
        guard case .newLabel(let label) = event, label.ordinal == limit else { return }
        findings.append(
            ManifestFinding(
                description, line: label.number, column: label.column, pointer: label.pointer,
                sourceRef: label.sourceRef,
                message: "label '\(label.name)' is the manifest's \(label.ordinal + 1)th distinct label, over the "
                    + "limit of \(limit)"))
    }
}
