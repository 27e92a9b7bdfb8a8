/// Flags a box coordinate or size, or an `image_size` value, that is not a whole number.
public struct NonIntegerBoxValue: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL311",
        name: "non-integer-box-value",
        mirrors: nil,
        severity: .warning,
        summary: "a box or image_size value is not a whole number of pixels",
        rationale: """
            The service documents integers for `image_size` and for `top`, `left`, `width` and `height`, but \
            the AWS COCO converter writes COCO's fractional pixels unchanged, and whether the service accepts \
            them is undocumented. The first such value of each box is reported.
            """,
        fix: "round the values to whole pixels",
        triggeringExamples: [
            Example(DetectionExamples.line(annotations: [DetectionExamples.box(left: "↓19.23")]))
        ],
        nonTriggeringExamples: [
            Example(DetectionExamples.line(annotations: [DetectionExamples.box(left: "19.0")]))
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let document = line.document
        for box in line.boxes {
            for node in [box.left, box.top, box.width, box.height] where node >= 0 {
                let value = document[node]
                // Written as an integer (the common case), or a number whose fraction is zero.
                guard value.kind == .number, value.flags & JSONNode.isInteger == 0,
                    let number = document.number(at: node), number != number.rounded()
                else { continue }
                findings.append(
                    LineFinding(
                        rule: description, node: node,
                        message: "\(document.rawText(at: node)) is not a whole number of pixels; whether the "
                            + "service accepts fractions is undocumented"))
                break
            }
        }
    }
}
