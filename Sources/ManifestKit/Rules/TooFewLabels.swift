/// Flags a manifest with fewer distinct labels than a model of its kind needs (found when the file ends).
public struct TooFewLabels: ManifestRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL407",
        name: "too-few-labels",
        mirrors: .manifestTooFewLabels,
        severity: .warning,
        summary: "the manifest's image-level or bounding-box labels number fewer than two",
        rationale: """
            Training needs enough distinct labels, or fails with ERROR_MANIFEST_TOO_FEW_LABELS (counted after \
            any split into a test set). The documentation contradicts itself on the minimum: the limits page \
            says 2 for image-level models and 1 for object location; the description of \
            ERROR_MANIFEST_TOO_FEW_USABLE_LABELS says 1 for image-level and 2 for object location. So a single \
            label of either kind is a warning rather than an error. A dataset may legitimately be built from \
            several manifests, which this check cannot see.
            """,
        fix: "add images of at least one more label, or check that the other labels are in another manifest",
        conditions: [
            "fewer than two image-level labels",
            "fewer than two bounding-box labels",
        ],
        triggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\", \"l\": 1, \"l-metadata\": {\"confidence\": 1, "
                    + "\"class-name\": \"dog\", \"human-annotated\": \"yes\", \"creation-date\": "
                    + "\"2024-05-01T08:00:00\", \"type\": \"groundtruth/image-classification\"}}\n↓",
                condition: "fewer than two image-level labels"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box()]) + "\n↓",
                condition: "fewer than two bounding-box labels"),
        ],
        nonTriggeringExamples: [
            Example(
                ["dog", "cat"].map { label in
                    "{\"source-ref\": \"s3://bucket/\(label).jpg\", \"l\": 1, \"l-metadata\": {\"confidence\": 1, "
                        + "\"class-name\": \"\(label)\", \"human-annotated\": \"yes\", \"creation-date\": "
                        + "\"2024-05-01T08:00:00\", \"type\": \"groundtruth/image-classification\"}}\n"
                }.joined(), condition: "fewer than two image-level labels"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: "[" + DetectionExamples.box() + ", "
                            + #"{"class_id": 1, "top": 1, "left": 2, "width": 9, "height": 9}]"#),
                    metadata: DetectionExamples.metadata(
                        objects: #"[{"confidence": 1}, {"confidence": 1}]"#, classMap: #"{"0": "dog", "1": "cat"}"#))
                    + "\n", condition: "fewer than two bounding-box labels"),
        ]
    )

    static func finish(_ totals: ManifestTotals, state: NoManifestState, into findings: inout [ManifestFinding]) {
        for (present, count, kind) in [
            (totals.hasClassification, totals.classificationLabels, "image-level"),
            (totals.hasDetection, totals.detectionLabels, "bounding-box"),
        ] where present && count < 2 {
            findings.append(
                ManifestFinding(
                    description,
                    message: "the manifest has \(Count.phrase(count, "distinct \(kind) label")); training may need 2 "
                        + "(the documentation is inconsistent)"))
        }
    }
}
