/// Flags a bounding-box attribute whose `annotations` array is empty.
public struct NoAttributeAnnotations: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL307",
        name: "no-attribute-annotations",
        mirrors: .noAttributeAnnotations,
        severity: .warning,
        summary: "a bounding-box attribute has no boxes",
        rationale: """
            A bounding-box attribute with an empty `annotations` array gets WARNING_NO_ATTRIBUTE_ANNOTATIONS, \
            written inside the attribute: the attribute is not used for training. When no attribute of the \
            line has a box, the line also gets WARNING_NO_ANNOTATIONS (CL310), as in the service's documented \
            validation output, which carries both.
            """,
        fix: "add the image's boxes, or remove the attribute and its metadata if the image shows nothing to find",
        conditions: [
            "an attribute with empty annotations beside one with boxes",
            "the line's only attribute has empty annotations",
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": 64, "height": 64, "#
                    + #""depth": 3}], "annotations": ↓[]}, "bb-metadata": {"objects": [], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}, "#
                    + #""cc": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "annotations": "#
                    + #"[{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "cc-metadata": {"objects": "#
                    + #"[{"confidence": 1}], "class-map": {"0": "dog"}, "type": "groundtruth/object-detection", "#
                    + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00"}}"#,
                condition: "an attribute with empty annotations beside one with boxes"),
            // The service's documented output gives this line both warnings (CL310 too).
            Example(
                DetectionExamples.line(annotations: [], annotationsMark: "↓"),
                condition: "the line's only attribute has empty annotations"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box()]),
                condition: "the line's only attribute has empty annotations"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": 64, "height": 64, "#
                    + #""depth": 3}], "annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "bb-metadata": {"objects": [{"confidence": 1}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}, "#
                    + #""cc": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "annotations": "#
                    + #"[{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "cc-metadata": {"objects": "#
                    + #"[{"confidence": 1}], "class-map": {"0": "dog"}, "type": "groundtruth/object-detection", "#
                    + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00"}}"#,
                condition: "an attribute with empty annotations beside one with boxes"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for pair in line.pairs where pair.useCase == .detection {
            guard let annotations = line.member(ManifestKeys.annotations, of: pair.attribute),
                line.document[annotations].kind == .array, line.document[annotations].count == 0
            else { continue }
            findings.append(
                LineFinding(
                    rule: description, node: annotations,
                    message: "annotations is empty: the attribute is valid but not used for training"))
        }
    }
}
