/// Flags a box coordinate or size, or an `image_size` value, that is not a whole number.
public struct NonIntegerBoxValue: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL311",
        name: "non-integer-box-value",
        mirrors: nil,
        severity: .warning,
        summary: "a box value is not a whole number of pixels",
        rationale: """
            The service documents integers for `image_size` and for `top`, `left`, `width` and `height`, but \
            the AWS COCO converter writes COCO's fractional pixels unchanged, and whether the service accepts \
            them is undocumented. The first such value of each box is reported.
            """,
        fix: "round the values to whole pixels",
        conditions: [
            "a box value with a fraction"
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(left: "↓19.23")]),
                condition: "a box value with a fraction"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(top: "1", height: "↓9.5")]),
                condition: "a box value with a fraction"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(left: "19.0")]),
                condition: "a box value with a fraction"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(height: "9e0")]),
                condition: "a box value with a fraction"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let document = line.document
        for box in line.boxes where box.hasNonIntegerNumber {
            guard
                let node = fractional(box.left, box.leftValue, document)
                    ?? fractional(box.top, box.topValue, document) ?? fractional(box.width, box.widthValue, document)
                    ?? fractional(box.height, box.heightValue, document)
            else { continue }
            findings.append(
                LineFinding(
                    rule: description, node: node,
                    message: "\(document.rawText(at: node)) is not a whole number of pixels; whether the "
                        + "service accepts fractions is undocumented"))
        }
    }

    /// `node` when its number has a fraction (written as an integer, the common case, it has none).
    @inline(__always)
    private static func fractional(_ node: Int, _ value: Double?, _ document: JSONDocument) -> Int? {
        guard node >= 0, let value, document[node].flags & JSONNode.isInteger == 0, value != value.rounded() else {
            return nil
        }
        return node
    }
}

extension NonIntegerBoxValue: FixableRule {
    /// Rounds the box's edges to whole pixels.
    ///
    /// Left and right, top and bottom, so that the box keeps its place: unsafe, the box changes. None when the rounded box would be 1 pixel or less on a side.
    static func fix(_ site: FixSite) -> Fix? {
        guard let node = site.node, let box = site.box(holding: node), let geometry = box.geometry else { return nil }
        let left = geometry.left.rounded()
        let top = geometry.top.rounded()
        let width = (geometry.left + geometry.width).rounded() - left
        let height = (geometry.top + geometry.height).rounded() - top
        guard width > 1, height > 1 else { return nil }
        let edits = site.edits(moving: box, to: (left, top, width, height), wholePixels: true)
        return edits.isEmpty ? nil : Fix(.unsafe, "round the box to whole pixels", edits: edits)
    }

    static let fixApplicabilities: [Fix.Applicability] = [.unsafe]

    static let fixExamples = [
        FixExample(
            DetectionExamples.line(annotations: [
                DetectionExamples.box(top: "1.4", left: "19.5", width: "10.2", height: "9")
            ]),
            DetectionExamples.line(annotations: [DetectionExamples.box(top: "1", left: "20", width: "10", height: "9")])
        )
    ]
}
