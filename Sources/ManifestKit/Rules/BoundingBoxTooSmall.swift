/// Flags a box of one pixel or less on a side, before or after the service's training-time downscale.
public struct BoundingBoxTooSmall: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL304",
        name: "bounding-box-too-small",
        mirrors: .boundingBoxTooSmall,
        severity: .error,
        summary: "a bounding box is 1 pixel or less wide or high, before or after the 1,280-pixel downscale",
        rationale: """
            Boxes must be more than 1 × 1 pixels. Training scales down images whose larger side exceeds 1,280 \
            pixels, and the scaled box must still be more than 1 pixel on each side; otherwise the service \
            reports ERROR_BOUNDING_BOX_TOO_SMALL on that annotation and trains without the box. A box that is \
            too small only after the downscale is a warning, as the resize algorithm is undocumented (this \
            assumes the larger side becomes 1,280 pixels).
            """,
        fix: "enlarge or remove the box",
        triggeringExamples: [
            Example(DetectionExamples.line(annotations: [DetectionExamples.box(width: "↓1")])),
            Example(
                DetectionExamples.line(
                    width: "4000", height: "3000", annotations: [DetectionExamples.box(width: "↓3", height: "40")])),
        ],
        nonTriggeringExamples: [
            Example(DetectionExamples.line(annotations: [DetectionExamples.box(width: "2", height: "2")])),
            Example(
                DetectionExamples.line(
                    width: "4000", height: "3000", annotations: [DetectionExamples.box(width: "4", height: "40")])),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for box in line.boxes {
            let scale = line.pairs[box.pair].imageSize?.trainingScale ?? 1
            if let finding = finding(box.width, box.widthValue, "width", scale)
                ?? finding(box.height, box.heightValue, "height", scale)
            {
                findings.append(finding)
            }
        }
    }

    private static func finding(_ node: Int, _ value: Double?, _ name: String, _ scale: Double) -> LineFinding? {
        guard let value, value >= 0 else { return nil }
        if value <= 1 {
            return LineFinding(
                rule: description, node: node,
                message: "\(name) is \(value.clean) pixel\(value == 1 ? "" : "s"); boxes need more than 1")
        }
        guard value * scale <= 1 else { return nil }
        return LineFinding(
            rule: description, node: node,
            message: "\(name) is \(value.clean) pixels, \((value * scale).formatted2) after training scales the image "
                + "down to 1,280 pixels; boxes need more than 1",
            severity: .warning)
    }
}
