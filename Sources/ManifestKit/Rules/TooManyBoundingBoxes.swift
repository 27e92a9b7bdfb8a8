/// Flags a line with more than 50 bounding boxes.
public struct TooManyBoundingBoxes: LineRule {
    /// The most boxes an image may have.
    static let limit = 50

    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL305",
        name: "too-many-bounding-boxes",
        mirrors: .tooManyBoundingBoxes,
        severity: .error,
        summary: "an image has more than 50 bounding boxes",
        rationale: """
            An image may have at most 50 bounding boxes; beyond that the service reports \
            ERROR_TOO_MANY_BOUNDING_BOXES. Whether it then drops the line or only the extra boxes, and whether \
            the limit counts each attribute or the whole image, is undocumented: boxes are counted over all \
            bounding-box attributes of the line, and the finding points at the 51st. A lower limit can be set \
            in the configuration (`rules: {CL305: {max-boxes: 30}}`).
            """,
        fix: "keep at most 50 boxes per image",
        conditions: [
            "more than 50 boxes on one image, over all its attributes",
            "more boxes than the configuration's max-boxes",
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(
                    annotations: Array(repeating: DetectionExamples.box(), count: 50)
                        + ["↓" + DetectionExamples.box()]),
                condition: "more than 50 boxes on one image, over all its attributes"),
            Example(
                DetectionExamples.line(
                    annotations: Array(repeating: DetectionExamples.box(), count: 3) + ["↓" + DetectionExamples.box()]),
                condition: "more boxes than the configuration's max-boxes",
                configuration: "rules: {CL305: {max-boxes: 3}}"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(annotations: Array(repeating: DetectionExamples.box(), count: 50)),
                condition: "more than 50 boxes on one image, over all its attributes"),
            Example(
                DetectionExamples.line(annotations: Array(repeating: DetectionExamples.box(), count: 3)),
                condition: "more boxes than the configuration's max-boxes",
                configuration: "rules: {CL305: {max-boxes: 3}}"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let limit = line.options.maxBoxesPerImage
        guard line.boxes.count > limit else { return }
        findings.append(
            LineFinding(
                rule: description, node: line.boxes[limit].annotation,
                message:
                    "the image has \(Count.phrase(line.boxes.count, "bounding box", "bounding boxes")), over the limit of \(limit)"
                    + (limit == Self.limit ? "" : " set in the configuration")))
    }
}

extension TooManyBoundingBoxes: FixableRule {
    /// Keeps the largest boxes (by area; the earlier of equal ones) up to the limit and removes the rest
    /// with their `objects` entries: unsafe, the data loses boxes.
    static func fix(_ site: FixSite) -> Fix? {
        guard let model = site.model else { return nil }
        let limit = model.options.maxBoxesPerImage
        guard model.boxes.count > limit else { return nil }
        let byArea = model.boxes.indices.sorted { first, second in
            let a = area(model.boxes[first])
            let b = area(model.boxes[second])
            return a != b ? a > b : first < second
        }
        let removed = byArea.dropFirst(limit).sorted().map { model.boxes[$0] }
        return Fix(
            .unsafe, "keep the \(limit) largest boxes, removing \(removed.count)",
            edits: BoxRemoval.edits(removing: removed, from: site))
    }

    private static func area(_ box: Box) -> Double {
        guard let geometry = box.geometry else { return 0 }
        return geometry.width * geometry.height
    }

    static let fixApplicabilities: [Fix.Applicability] = [.unsafe]

    static let fixExamples = [
        FixExample(
            DetectionExamples.line(annotations: [
                DetectionExamples.box(width: "5"), DetectionExamples.box(width: "20"), DetectionExamples.box(),
            ]),
            DetectionExamples.line(annotations: [DetectionExamples.box(width: "20"), DetectionExamples.box()]),
            configuration: "rules: {CL305: {max-boxes: 2}}")
    ]
}
