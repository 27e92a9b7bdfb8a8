/// Flags an image whose content is not PNG or JPEG (`lint --images`).
public struct UnsupportedImageFormat: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL603",
        name: "unsupported-image-format",
        mirrors: .invalidImage,
        severity: .error,
        summary: "an image is not PNG or JPEG (lint --images)",
        rationale: """
            The service accepts PNG and JPEG images only. The format is read from the file's first bytes (its \
            signature), not from its name: a GIF, BMP, WebP, TIFF, HEIF or AVIF image, or a file with no image \
            signature at all, is ERROR_INVALID_IMAGE.
            """,
        fix: "convert the image to PNG or JPEG",
        triggeringExamples: [],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#)
        ]
    )
}
