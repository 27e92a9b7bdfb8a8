/// Flags a label outside the configuration's allow-list (only when one is configured).
public struct LabelNotAllowed: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL210",
        name: "label-not-allowed",
        mirrors: nil,
        severity: .error,
        summary: "a label is not in the configuration's list of allowed labels",
        rationale: """
            A dataset's labels are usually a fixed set, and a misspelt or stray label (`Dog` beside `dog`) \
            becomes a class of its own that the model learns from a handful of images. With \
            `rules: {CL210: {labels: [...]}}` in the configuration, every label outside the list is reported; \
            without a list the rule is silent.
            """,
        fix: "correct the label, or add it to the allowed labels in the configuration",
        conditions: [
            "an image-level label outside the list",
            "a box label (class-map value) outside the list",
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"confidence": 1, "class-name": ↓"Dog", "#
                    + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                    + #""type": "groundtruth/image-classification"}}"#,
                condition: "an image-level label outside the list",
                configuration: "rules: {CL210: {labels: [dog, cat]}}"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(classMap: #"{"0": ↓"doge"}"#)),
                condition: "a box label (class-map value) outside the list",
                configuration: "rules: {CL210: {labels: [dog, cat]}}"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"confidence": 1, "class-name": "dog", "#
                    + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                    + #""type": "groundtruth/image-classification"}}"#,
                condition: "an image-level label outside the list",
                configuration: "rules: {CL210: {labels: [dog, cat]}}"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(classMap: #"{"0": "dog"}"#)),
                condition: "a box label (class-map value) outside the list",
                configuration: "rules: {CL210: {labels: [dog, cat]}}"),
            // Without a list, the rule is silent.
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"confidence": 1, "class-name": "Dog", "#
                    + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                    + #""type": "groundtruth/image-classification"}}"#),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        guard let allowed = line.options.allowedLabels else { return }
        for label in line.labels {
            let name = line.document.string(at: label)
            guard !allowed.contains(name) else { continue }
            findings.append(
                LineFinding(rule: description, node: label, message: "label '\(name)' is not among the allowed labels"))
        }
    }
}
