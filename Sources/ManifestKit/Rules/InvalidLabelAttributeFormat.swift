/// Flags a label attribute whose value does not have the shape its metadata `type` requires.
public struct InvalidLabelAttributeFormat: SchemaRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL201",
        name: "invalid-label-attribute-format",
        mirrors: .invalidLabelAttributeFormat,
        severity: .error,
        summary: "label attribute value does not match its type's format",
        rationale: """
            For object localization the attribute must hold `image_size` (one {width, height, depth}) and \
            `annotations` (boxes with class_id, top, left, width, height); for image-level labels it is an \
            integer. Otherwise the service reports ERROR_INVALID_LABEL_ATTRIBUTE_FORMAT and does not use the \
            line for training. Checked against schemas/object-detection.yaml and image-classification.yaml.
            """,
        fix: "give the attribute the fields its type requires (see the schema named in the message)",
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": ↓{"annotations": []}, "bb-metadata": {"objects": [], "#
                    + #""class-map": {}, "type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": 640, "height": 480, "depth": 3}], "#
                    + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": ↓"9", "height": 9}]}, "#
                    + #""bb-metadata": {"objects": [{"confidence": 1}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": 640, "height": 480, "depth": 3}], "#
                    + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9.5, "height": 9}]}, "#
                    + #""bb-metadata": {"objects": [{"confidence": 1}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#)
        ]
    )
}
