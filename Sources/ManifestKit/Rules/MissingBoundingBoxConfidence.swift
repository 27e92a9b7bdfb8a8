/// Flags an `objects` entry without a `confidence`.
public struct MissingBoundingBoxConfidence: SchemaRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL301",
        name: "missing-bounding-box-confidence",
        mirrors: .missingBoundingBoxConfidence,
        severity: .error,
        summary: "an objects entry has no confidence",
        rationale: """
            Each box in `annotations` has an entry in the metadata's `objects` array, matched by position, with \
            a `confidence`. The service does not use the value but requires it, and reports \
            ERROR_MISSING_BOUNDING_BOX_CONFIDENCE, which stops validation of the line.
            """,
        fix: "add \"confidence\": 1 to every entry of objects",
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://b/a.jpg", "bb": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "#
                    + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "#
                    + #""bb-metadata": {"objects": [↓{}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#)
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://b/a.jpg", "bb": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "#
                    + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "#
                    + #""bb-metadata": {"objects": [{"confidence": 0.8}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#)
        ]
    )
}
