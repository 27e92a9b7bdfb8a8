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
        errorScope: .labelAttribute,
        conditions: [
            "an objects entry without a confidence",
            "fewer objects entries than boxes",
            "more objects entries than boxes",
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(), metadata: DetectionExamples.metadata(objects: "[↓{}]")),
                condition: "an objects entry without a confidence"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(objects: #"[↓{"conf": 1}]"#)),
                condition: "an objects entry without a confidence"),
            Example(
                DetectionExamples.line(
                    annotations: [DetectionExamples.box(), DetectionExamples.box()], objects: 1, objectsMark: "↓"),
                condition: "fewer objects entries than boxes"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box()], objects: 3, objectsMark: "↓"),
                condition: "more objects entries than boxes"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(objects: #"[{"confidence": 0.8}]"#)),
                condition: "an objects entry without a confidence"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(), DetectionExamples.box()], objects: 2),
                condition: "fewer objects entries than boxes"),
            Example(DetectionExamples.line(annotations: [], objects: 0), condition: "more objects entries than boxes"),
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

extension MissingBoundingBoxConfidence: FixableRule {
    /// `objects` given one entry per box, matched by position: the entries there are kept, missing ones
    /// added as `{"confidence": 1}`, extra ones removed; an entry without a confidence gets one of 1.
    static func fix(_ site: FixSite) -> Fix? {
        guard let node = site.node, let document = site.document, let model = site.model else { return nil }
        if document[node].kind == .object, document.member("confidence", in: node) == nil {
            let content =
                document[node].count == 0
                ? #"{"confidence": 1}"# : #"{"confidence": 1, "# + document.rawText(at: node).dropFirst()
            return Fix(.safe, "give the entry a confidence of 1", edits: [site.replacing(node, with: content)])
        }
        guard document[node].kind == .array,
            let pair = model.pairs.first(where: { model.member(ManifestKeys.objects, of: $0.metadata) == node })
        else { return nil }
        let entries = Int(document[node].count)
        let boxes = pair.annotationCount
        let content = JSONValueText.array(
            node, of: site, keeping: Array(0..<min(entries, boxes)),
            adding: Array(repeating: #"{"confidence": 1}"#, count: max(0, boxes - entries)))
        return Fix(.safe, "give objects one entry per box", edits: [site.replacing(node, with: content)])
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample(
            DetectionExamples.line(annotations: [DetectionExamples.box(), DetectionExamples.box()], objects: 1),
            DetectionExamples.line(annotations: [DetectionExamples.box(), DetectionExamples.box()])),
        FixExample(
            DetectionExamples.line(annotations: [DetectionExamples.box()], objects: 3),
            DetectionExamples.line(annotations: [DetectionExamples.box()])),
        FixExample(
            DetectionExamples.line(
                attribute: DetectionExamples.attribute(),
                metadata: DetectionExamples.metadata(objects: #"[{"score": 0.5}]"#)),
            DetectionExamples.line(
                attribute: DetectionExamples.attribute(),
                metadata: DetectionExamples.metadata(objects: #"[{"confidence": 1, "score": 0.5}]"#))),
    ]
}
