/// Flags a line whose bounding-box attributes have no boxes at all.
public struct NoAnnotations: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL310",
        name: "no-annotations",
        mirrors: .noAnnotations,
        severity: .warning,
        summary: "an object-localization line has no boxes",
        rationale: """
            A line whose bounding-box attributes all have empty `annotations` gets WARNING_NO_ANNOTATIONS: it is \
            valid and stays in the dataset but is not used for training (it does not count against the 20% \
            invalid-row limit). That suits a test image with nothing to find; in training it adds nothing.
            """,
        fix: "add the image's boxes, or leave the image out of the training set",
        conditions: [
            "every bounding-box attribute of the line has empty annotations"
        ],
        triggeringExamples: [
            Example(
                "↓" + DetectionExamples.line(annotations: []),
                condition: "every bounding-box attribute of the line has empty annotations")
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box()]),
                condition: "every bounding-box attribute of the line has empty annotations"),
            // An image-level line has no bounding-box attribute to be empty.
            Example(
                ClassificationExamples.line(),
                condition: "every bounding-box attribute of the line has empty annotations"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        guard line.boxes.isEmpty else { return }
        var detection = 0
        for pair in line.pairs where pair.useCase == .detection && pair.attribute >= 0 {
            guard line.member(ManifestKeys.annotations, of: pair.attribute) != nil else { return }
            detection += 1
        }
        guard detection > 0 else { return }
        findings.append(
            LineFinding(
                rule: description, node: JSONDocument.rootIndex,
                message: "the line has no boxes: valid, but not used for training"))
    }
}
