/// Flags a box of 1 pixel or less after the real picture's 1,280-pixel downscale (`lint --images`).
public struct BoxTooSmallInImage: ImageRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL610",
        name: "box-too-small-in-image",
        mirrors: .boundingBoxTooSmall,
        severity: .error,
        summary: "a bounding box is 1 pixel or less after the real image's 1,280-pixel downscale (lint --images)",
        rationale: """
            Training scales images whose larger side exceeds 1,280 pixels down to 1,280 and needs boxes of more \
            than 1 × 1 pixels after that (ERROR_BOUNDING_BOX_TOO_SMALL). With `--images` the scale is computed \
            from the picture's real size. Only reported where image_size differs from the picture (CL304 \
            covers the rest).
            """,
        fix: "remove the box or draw it larger",
        conditions: [
            "a box the real picture's 1,280-pixel downscale makes 1 pixel or less"
        ],
        triggeringExamples: [
            Example(
                ImageExamples.boxes(
                    "a.png", width: 400, height: 300, boxes: ["↓" + DetectionExamples.box(width: "3", height: "40")]),
                condition: "a box the real picture's 1,280-pixel downscale makes 1 pixel or less",
                images: [ExampleImage("a.png", .png(width: 4000, height: 3000))])
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.boxes(
                    "a.png", width: 400, height: 300, boxes: [DetectionExamples.box(width: "4", height: "40")]),
                condition: "a box the real picture's 1,280-pixel downscale makes 1 pixel or less",
                images: [ExampleImage("a.png", .png(width: 4000, height: 3000))]),
        ]
    )

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let decodable = image.decodable else { return }
        let real = (width: Double(decodable.width), height: Double(decodable.height))
        for box in image.target.boxes {
            let declared = image.target.sizes[box.size]
            guard declared.width != real.width || declared.height != real.height else { continue }
            let realScale = ImageSize.trainingScale(width: real.width, height: real.height)
            let declaredScale = ImageSize.trainingScale(width: declared.width, height: declared.height)
            let small = { (scale: Double) in box.width * scale <= 1 || box.height * scale <= 1 }
            guard small(realScale), !small(declaredScale) else { continue }
            findings.append(
                ImageFinding(
                    description,
                    "the box is \((box.width * realScale).clean) × \((box.height * realScale).clean) pixels after the "
                        + "\(decodable.width) × \(decodable.height) image is scaled down to 1,280; boxes need more than 1",
                    at: box.place))
        }
    }
}
