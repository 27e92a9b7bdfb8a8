/// Flags an `objects` entry without a `confidence`, and an `objects` array shorter than `annotations`.
public struct MissingBoundingBoxConfidence: SchemaRule, LineRule {
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
            ERROR_MISSING_BOUNDING_BOX_CONFIDENCE, which stops validation of the line. `objects` needs as many \
            entries as `annotations` has boxes.
            """,
        fix: "add \"confidence\": 1 to every entry of objects",
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "#
                    + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "#
                    + #""bb-metadata": {"objects": [↓{}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#),
            Example(
                DetectionExamples.line(
                    annotations: [DetectionExamples.box(), DetectionExamples.box()], objects: 1, objectsMark: "↓")),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "#
                    + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "#
                    + #""bb-metadata": {"objects": [{"confidence": 0.8}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#)
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for pair in line.pairs where pair.useCase == .detection {
            let boxes = pair.annotationCount
            guard let objects = line.member(ManifestKeys.objects, of: pair.metadata),
                line.document[objects].kind == .array, Int(line.document[objects].count) < boxes
            else { continue }
            findings.append(
                LineFinding(
                    rule: description, node: objects,
                    message: "objects has \(line.document[objects].count) entries for \(boxes) annotations; "
                        + "each box needs one with a confidence"))
        }
    }
}
