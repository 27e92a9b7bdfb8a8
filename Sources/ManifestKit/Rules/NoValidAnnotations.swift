/// Flags a bounding-box attribute whose boxes are all invalid.
public struct NoValidAnnotations: LineVerdictRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL309",
        name: "no-valid-annotations",
        mirrors: .noValidAnnotations,
        severity: .error,
        summary: "every box of a bounding-box attribute is invalid",
        rationale: """
            The service trains without each box that is off the image or too small, and when none of an \
            attribute's boxes is valid it reports ERROR_NO_VALID_ANNOTATIONS and the attribute teaches nothing. \
            The findings on the boxes say what to fix.
            """,
        fix: "fix the errors reported on the boxes",
        conditions: [
            "every box of an attribute is invalid"
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(
                    annotations: [DetectionExamples.box(left: "-1"), DetectionExamples.box(width: "1")],
                    annotationsMark: "↓"), condition: "every box of an attribute is invalid"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(top: "500")], annotationsMark: "↓"),
                condition: "every box of an attribute is invalid"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(left: "-1"), DetectionExamples.box()]),
                condition: "every box of an attribute is invalid"),
            // No boxes at all is CL310, not invalid boxes.
            Example(DetectionExamples.line(annotations: []), condition: "every box of an attribute is invalid"),
        ]
    )

    static func check(_ line: ManifestLine, errors: LineErrors, into findings: inout [LineFinding]) {
        let document = line.document
        for pair in line.pairs where pair.useCase == .detection && pair.annotationCount > 0 {
            guard let annotations = line.member(ManifestKeys.annotations, of: pair.attribute),
                document.children(of: annotations).allSatisfy({ line.hasError(within: $0, errors.boxLevel) })
            else { continue }
            findings.append(
                LineFinding(
                    rule: description, node: annotations,
                    message:
                        "all \(Count.phrase(pair.annotationCount, "box", "boxes")) are invalid: the attribute is not used"
                ))
        }
    }
}
