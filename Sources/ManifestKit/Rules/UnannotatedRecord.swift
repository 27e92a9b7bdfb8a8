/// Flags a line with a `source-ref` and no labels at all.
public struct UnannotatedRecord: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL308",
        name: "unannotated-record",
        mirrors: .unannotatedRecord,
        severity: .warning,
        summary: "a line names an image but has no labels",
        rationale: """
            A line with only `source-ref` is an unlabeled image: the service keeps it in the dataset but reports \
            WARNING_UNANNOTATED_RECORD and does not use it for training (whether it may instead report \
            ERROR_NO_LABEL_ATTRIBUTES is undocumented).
            """,
        fix: "label the image, or leave it out until it is labeled",
        conditions: [
            "a line with source-ref and nothing else"
        ],
        triggeringExamples: [
            Example(#"↓{"source-ref": "s3://bucket/a.jpg"}"#, condition: "a line with source-ref and nothing else")
        ],
        nonTriggeringExamples: [
            Example(DetectionExamples.line(annotations: [DetectionExamples.box()])),
            Example(ClassificationExamples.line(), condition: "a line with source-ref and nothing else"),
            // Another key beside it is CL209, not an unlabeled image.
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "note": 1}"#, condition: "a line with source-ref and nothing else"
            ),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        guard line.sourceRef != nil, line.pairs.isEmpty, line.document[JSONDocument.rootIndex].count == 1 else {
            return
        }
        findings.append(
            LineFinding(
                rule: description, node: JSONDocument.rootIndex,
                message: "the image has no labels: kept in the dataset, not used for training"))
    }
}
