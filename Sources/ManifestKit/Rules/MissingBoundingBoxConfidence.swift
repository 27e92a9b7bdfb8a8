/// Flags an `objects` entry without a `confidence`, and an `objects` array of another length than `annotations`.
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
            ERROR_MISSING_BOUNDING_BOX_CONFIDENCE, which stops validation of the line. `objects` needs exactly \
            as many entries as `annotations` has boxes ("the same number of confidence keys as there are \
            objects in the annotations array"): fewer leave boxes without a confidence, more pair no box.
            """,
        fix: "give objects one entry with a confidence (such as {\"confidence\": 1}) per box of annotations",
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
            Example(DetectionExamples.line(annotations: [DetectionExamples.box()], objects: 3, objectsMark: "↓")),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "#
                    + #""annotations": [{"class_id": 0, "top": 1, "left": 2, "width": 9, "height": 9}]}, "#
                    + #""bb-metadata": {"objects": [{"confidence": 0.8}], "class-map": {"0": "dog"}, "#
                    + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00"}}"#),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(), DetectionExamples.box()], objects: 2)),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for pair in line.pairs where pair.useCase == .detection {
            let boxes = pair.annotationCount
            guard let objects = line.member(ManifestKeys.objects, of: pair.metadata),
                line.document[objects].kind == .array, Int(line.document[objects].count) != boxes
            else { continue }
            let entries = Int(line.document[objects].count)
            findings.append(
                LineFinding(
                    rule: description, node: objects,
                    message: "objects has \(Count.phrase(entries, "entry", "entries")) for "
                        + "\(Count.phrase(boxes, "annotation")); "
                        + (entries < boxes
                            ? "each box needs one with a confidence" : "each box needs exactly one, no more")))
        }
    }
}
