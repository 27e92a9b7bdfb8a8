/// Flags a box with negative values or outside its image.
public struct InvalidBoundingBox: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL303",
        name: "invalid-bounding-box",
        mirrors: .invalidBoundingBox,
        severity: .error,
        summary: "a bounding box has negative values or lies outside the image",
        rationale: """
            A box must lie within its image: `left` and `top` at least 0, `left + width` at most the image \
            width and `top + height` at most its height. Otherwise the service reports \
            ERROR_INVALID_BOUNDING_BOX on that annotation and trains without the box. The image size is taken \
            from `image_size` (whether the service uses it or the real image is undocumented).
            """,
        fix: "correct the box so that it lies within image_size, or correct image_size",
        errorScope: .box,
        conditions: [
            "left is negative",
            "top is negative",
            "width is negative",
            "height is negative",
            "left + width is past the image width",
            "top + height is past the image height",
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(left: "↓-3")]), condition: "left is negative"
            ),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(top: "↓-3")]), condition: "top is negative"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(width: "↓-9")]),
                condition: "width is negative"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(height: "↓-0.5")]),
                condition: "height is negative"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(left: "↓600", width: "50")]),
                condition: "left + width is past the image width"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(top: "↓470", height: "20")]),
                condition: "top + height is past the image height"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(left: "0")]), condition: "left is negative"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(top: "0")]), condition: "top is negative"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(width: "2")]), condition: "width is negative"
            ),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(height: "2")]),
                condition: "height is negative"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(left: "590", width: "50")]),
                condition: "left + width is past the image width"),
            Example(
                DetectionExamples.line(annotations: [DetectionExamples.box(top: "0.5", height: "479.5")]),
                condition: "top + height is past the image height"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for box in line.boxes {
            guard let geometry = box.geometry else { continue }  // The schema reports it.
            let image = line.pairs[box.pair].imageSize
            if let (node, message) = problem(box, geometry, image) {
                findings.append(LineFinding(rule: description, node: node, message: message))
            }
        }
    }

    private static func problem(
        _ box: Box, _ geometry: (left: Double, top: Double, width: Double, height: Double), _ image: ImageSize?
    ) -> (Int, String)? {
        if geometry.left < 0 { return (box.left, "left is \(geometry.left.clean), below 0") }
        if geometry.top < 0 { return (box.top, "top is \(geometry.top.clean), below 0") }
        if geometry.width < 0 { return (box.width, "width is \(geometry.width.clean), below 0") }
        if geometry.height < 0 { return (box.height, "height is \(geometry.height.clean), below 0") }
        guard let image else { return nil }
        let right = geometry.left + geometry.width
        if right > image.width {
            return (
                box.left, "the box ends at x = \(right.clean), beyond the image width \(image.width.clean) (image_size)"
            )
        }
        let bottom = geometry.top + geometry.height
        if bottom > image.height {
            return (
                box.top,
                "the box ends at y = \(bottom.clean), beyond the image height \(image.height.clean) (image_size)"
            )
        }
        return nil
    }
}

extension InvalidBoundingBox: FixableRule {
    /// Clamps a box that reaches beyond its image (`image_size`) or starts before it to the image's edges.
    ///
    /// The box moves or shrinks, so the fix is unsafe. None when nothing of the box is inside the image.
    static func fix(_ site: FixSite) -> Fix? {
        guard let node = site.node, let box = site.box(holding: node), let geometry = box.geometry,
            let model = site.model, let image = model.pairs[box.pair].imageSize, geometry.width >= 0,
            geometry.height >= 0
        else { return nil }
        let left = max(0, geometry.left)
        let top = max(0, geometry.top)
        let width = min(geometry.left + geometry.width, image.width) - left
        let height = min(geometry.top + geometry.height, image.height) - top
        guard width > 1, height > 1 else { return nil }
        let edits = site.edits(moving: box, to: (left, top, width, height), wholePixels: false)
        return edits.isEmpty ? nil : Fix(.unsafe, "clamp the box to the image (image_size)", edits: edits)
    }

    static let fixApplicabilities: [Fix.Applicability] = [.unsafe]

    static let fixExamples = [
        FixExample(
            DetectionExamples.line(annotations: [
                DetectionExamples.box(top: "470", left: "-5", width: "20", height: "30")
            ]),
            DetectionExamples.line(annotations: [
                DetectionExamples.box(top: "470", left: "0", width: "15", height: "10")
            ]))
    ]
}
