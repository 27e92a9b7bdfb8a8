/// Flags an `image_size` outside the 64–4096 pixels the service accepts.
public struct InvalidImageDimension: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL306",
        name: "invalid-image-dimension",
        mirrors: .invalidImageDimension,
        severity: .error,
        summary: "image_size is under 64 or over 4,096 pixels on a side",
        rationale: """
            Images must be 64 to 4,096 pixels wide and high. For images with bounding boxes the service reports \
            ERROR_INVALID_IMAGE_DIMENSION and does not use the line. This rule reads `image_size`; the service \
            checks the image itself, so a wrong image_size also misleads the box checks.
            """,
        fix: "resize the image to 64–4,096 pixels a side (and its boxes with it), or correct image_size",
        conditions: [
            "a side over 4,096 pixels",
            "a side under 64 pixels",
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(width: "↓5000", height: "3000", annotations: []),
                condition: "a side over 4,096 pixels"),
            Example(
                DetectionExamples.line(width: "640", height: "↓4097", annotations: []),
                condition: "a side over 4,096 pixels"),
            Example(
                DetectionExamples.line(width: "640", height: "↓32", annotations: []),
                condition: "a side under 64 pixels"),
            Example(
                DetectionExamples.line(width: "↓63", height: "640", annotations: []),
                condition: "a side under 64 pixels"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(width: "4096", height: "4096", annotations: [DetectionExamples.box()]),
                condition: "a side over 4,096 pixels"),
            Example(
                DetectionExamples.line(width: "64", height: "64", annotations: [DetectionExamples.box()]),
                condition: "a side under 64 pixels"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for pair in line.pairs {
            guard let size = pair.imageSize else { continue }
            if let finding = finding("width", size.width, size.widthNode) { findings.append(finding) }
            if let finding = finding("height", size.height, size.heightNode) { findings.append(finding) }
        }
    }

    private static func finding(_ name: String, _ value: Double, _ node: Int) -> LineFinding? {
        guard value < 64 || value > 4096 else { return nil }
        return LineFinding(
            rule: description, node: node, message: "image \(name) \(value.clean) is outside 64–4,096 pixels")
    }
}
