/// Flags an image file over the service's 15 MB (`lint --images`).
public struct ImageFileTooLarge: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL605",
        name: "image-file-too-large",
        mirrors: .invalidImage,
        severity: .error,
        summary: "an image file is over 15 MB (lint --images)",
        rationale: """
            Images may be at most 15 MB; a larger file is ERROR_INVALID_IMAGE. Whether MB means 1,000,000 or \
            1,048,576 bytes is undocumented: over 15,728,640 bytes is an error, between 15,000,000 and that a \
            warning.
            """,
        fix: "compress or downscale the image below 15 MB",
        triggeringExamples: [],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#)
        ]
    )
}
