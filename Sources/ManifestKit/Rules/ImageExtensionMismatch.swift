/// Flags an image whose file name claims another format than its content (`lint --images`).
public struct ImageExtensionMismatch: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL604",
        name: "image-extension-mismatch",
        mirrors: nil,
        severity: .warning,
        summary: "an image's file name claims another format than its content (lint --images)",
        rationale: """
            A `.jpg` that holds a PNG, or a `.png` that holds a JPEG, is read by its content; whether the service \
            minds the name is undocumented, but tools that trust the name (browsers, S3 content types, image \
            libraries) may not. An extension that names no image format is not checked.
            """,
        fix: "rename the file (and its source-ref) to match its format, or convert it",
        triggeringExamples: [],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#)
        ]
    )
}
