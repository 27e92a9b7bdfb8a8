/// Flags an image under 64 or over 4,096 pixels on a side, measured on the picture (`lint --images`).
public struct ImageDimensionsOutOfRange: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL606",
        name: "image-dimensions-out-of-range",
        mirrors: .invalidImage,
        severity: .error,
        summary: "an image is under 64 or over 4,096 pixels on a side (lint --images)",
        rationale: """
            Images must be 64 to 4,096 pixels wide and high, measured on the picture itself. The service reports \
            ERROR_INVALID_IMAGE_DIMENSION for images with bounding boxes and ERROR_INVALID_IMAGE for others; \
            each finding carries the code that applies to its line.
            """,
        fix: "resize the image to 64–4,096 pixels a side (and its boxes with it)",
        triggeringExamples: [],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#)
        ]
    )
}
