/// Flags an `image_size` that differs from the picture's real size (`lint --images`).
public struct ImageSizeMismatch: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL608",
        name: "image-size-mismatch",
        mirrors: nil,
        severity: .warning,
        summary: "image_size differs from the image's real size (lint --images)",
        rationale: """
            Boxes are in the pixels of `image_size`; when the picture has another size, every box may be misplaced, \
            or judged against the wrong frame. The service checks the picture itself (the box and dimension \
            findings against the real size carry their codes); a mismatch it may not report at all trains on \
            wrong boxes. A JPEG whose EXIF orientation turns it a quarter is shown height × width: when \
            image_size matches that, the finding says so.
            """,
        fix:
            "correct image_size to the picture's width and height (and scale the boxes if they were drawn on another size)",
        triggeringExamples: [],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#)
        ]
    )
}
