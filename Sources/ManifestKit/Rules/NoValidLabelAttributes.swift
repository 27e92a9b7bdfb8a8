/// Flags a line whose label attributes are all invalid.
public struct NoValidLabelAttributes: LineVerdictRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL206",
        name: "no-valid-label-attributes",
        mirrors: .noValidLabelAttributes,
        severity: .error,
        summary: "none of the line's label attributes is valid",
        rationale: """
            When a line has label attributes but none that the service can use (each has an error, or an \
            unsupported type), the service adds ERROR_NO_VALID_LABEL_ATTRIBUTES and does not use the line, even \
            though the image stays in the dataset. The findings on the attributes say what to fix.
            """,
        fix: "fix the errors reported on the line's attributes",
        conditions: [
            "the line's only label attribute is invalid",
            "every one of several label attributes is invalid",
        ],
        triggeringExamples: [
            Example(
                #"↓{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"type": "groundtruth/wrongtype"}}"#,
                condition: "the line's only label attribute is invalid"),
            Example(
                "↓"
                    + ClassificationExamples.line(
                        metadata: ClassificationExamples.metadata(humanAnnotated: "true"),
                        extra: #", "m": 1, "m-metadata": {"type": "groundtruth/wrongtype"}"#),
                condition: "every one of several label attributes is invalid"),
        ],
        nonTriggeringExamples: [
            Example(ClassificationExamples.line(), condition: "the line's only label attribute is invalid"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"type": "groundtruth/wrongtype"}, "#
                    + #""m": 1, "m-metadata": {"confidence": 1, "class-name": "dog", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00", "type": "groundtruth/image-classification"}}"#,
                condition: "every one of several label attributes is invalid"),
            // A box error drops that box, not the attribute.
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(), DetectionExamples.box(left: "-5")]),
                condition: "every one of several label attributes is invalid"),
        ]
    )

    static func check(_ line: ManifestLine, errors: LineErrors, into findings: inout [LineFinding]) {
        let paired = line.pairs.indices.filter { line.pairs[$0].attribute >= 0 }
        guard !paired.isEmpty, !paired.contains(where: { line.pairIsValid($0, errors) }) else { return }
        findings.append(
            LineFinding(
                rule: description, node: JSONDocument.rootIndex,
                message: paired.count == 1
                    ? "the line's only label attribute is invalid: the line is not used"
                    : "none of the line's \(paired.count) label attributes is valid: the line is not used"))
    }
}
