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
        errorScope: .box,
        conditions: [
            "width of 1 pixel or less",
            "height of 1 pixel or less",
            "a side of 1 pixel or less after the 1,280-pixel downscale (a warning)",
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(width: "↓1")]),
                condition: "width of 1 pixel or less"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(height: "↓0.5")]),
                condition: "height of 1 pixel or less"),
            Example(
                DetectionExamples.line(
                    width: "4000", height: "3000", annotations: [DetectionExamples.box(width: "↓3", height: "40")]),
                condition: "a side of 1 pixel or less after the 1,280-pixel downscale (a warning)"),
            Example(
                DetectionExamples.line(
                    width: "3000", height: "4000", annotations: [DetectionExamples.box(width: "40", height: "↓3")]),
                condition: "a side of 1 pixel or less after the 1,280-pixel downscale (a warning)"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(width: "2", height: "2")]),
                condition: "width of 1 pixel or less"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(width: "9", height: "1.5")]),
                condition: "height of 1 pixel or less"),
            Example(
                DetectionExamples.line(
                    width: "4000", height: "3000", annotations: [DetectionExamples.box(width: "4", height: "40")]),
                condition: "a side of 1 pixel or less after the 1,280-pixel downscale (a warning)"),
            // Within 1,280 pixels nothing is scaled: 3 pixels stay 3.
            Example(
                DetectionExamples.line(
                    width: "1280", height: "960", annotations: [DetectionExamples.box(width: "3", height: "3")]),
                condition: "a side of 1 pixel or less after the 1,280-pixel downscale (a warning)"),
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

extension BoundingBoxTooSmall: FixableRule {
    /// Removes every box of the line that is 1 pixel or less on a side, with its `objects` entry: the data
    /// loses the box, so the fix is unsafe. (Boxes too small only after the downscale are left alone.)
    static func fix(_ site: FixSite) -> Fix? {
        guard let model = site.model else { return nil }
        let tiny = model.boxes.filter { box in
            [box.widthValue, box.heightValue].contains { value in value.map { $0 >= 0 && $0 <= 1 } ?? false }
        }
        guard !tiny.isEmpty else { return nil }
        return Fix(
            .unsafe, "remove the \(Count.phrase(tiny.count, "box", "boxes")) of 1 pixel or less",
            edits: BoxRemoval.edits(removing: tiny, from: site))
    }

    static let fixApplicabilities: [Fix.Applicability] = [.unsafe]

    static let fixExamples = [
        FixExample(
            DetectionExamples.line(annotations: [
                DetectionExamples.box(width: "1"), DetectionExamples.box(), DetectionExamples.box(height: "0.5"),
            ]),
            DetectionExamples.line(annotations: [DetectionExamples.box()]))
    ]
}
