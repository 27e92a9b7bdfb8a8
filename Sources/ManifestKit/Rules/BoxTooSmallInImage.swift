/// Flags a box of 1 pixel or less after the real picture's 1,280-pixel downscale (`lint --images`).
public struct BoxTooSmallInImage: Rule {
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
}
