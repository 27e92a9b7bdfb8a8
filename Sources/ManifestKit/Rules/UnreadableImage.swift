/// Flags an image file that is cut short, malformed, or not a readable regular file (`lint --images`).
public struct UnreadableImage: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL602",
        name: "unreadable-image",
        mirrors: .invalidImage,
        severity: .error,
        summary: "an image file is cut short, malformed or cannot be read (lint --images)",
        rationale: """
            An image whose header is cut short or does not follow its format, a file that ends before PNG's IEND \
            chunk, or a path that is a directory, a FIFO or unreadable, is one the service cannot decode: \
            ERROR_INVALID_IMAGE, and the line is dropped. A JPEG that does not end with its end-of-image marker \
            is a warning: it is usually truncated, but some cameras append data after the image.
            """,
        fix: "export the image again from its source and replace the file",
        triggeringExamples: [],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#)
        ]
    )
}
