/// Flags an image file over the service's 15 MB (`lint --images`).
public struct ImageFileTooLarge: ImageRule {
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
        conditions: [
            "over 15,728,640 bytes (15 MiB)",
            "over 15,000,000 bytes, at most 15 MiB (a warning)",
        ],
        triggeringExamples: [
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "over 15,728,640 bytes (15 MiB)",
                images: [ExampleImage("a.png", .png(width: 100, height: 100), size: 15_728_641)]),
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "over 15,000,000 bytes, at most 15 MiB (a warning)",
                images: [ExampleImage("a.png", .png(width: 100, height: 100), size: 15_000_001)]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.line("a.png"), condition: "over 15,728,640 bytes (15 MiB)",
                images: [ExampleImage("a.png", .png(width: 100, height: 100), size: 15_000_000)]),
            Example(
                ImageExamples.line("a.png"), condition: "over 15,000,000 bytes, at most 15 MiB (a warning)",
                images: [ExampleImage("a.png", .png(width: 100, height: 100), size: 15_000_000)]),
        ]
    )

    /// The larger reading of the service's 15 MB: over this is an error.
    static let maxBytes = 15 << 20
    /// The smaller reading of 15 MB: over this (up to ``maxBytes``) is a warning.
    static let maxBytesDecimal = 15_000_000

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let decodable = image.decodable, decodable.bytes > maxBytesDecimal else { return }
        let over = decodable.bytes > maxBytes
        findings.append(
            ImageFinding(
                description,
                "'\(decodable.path)' is \(Count.bytes(decodable.bytes)), over the service's 15 MB"
                    + (over ? "" : " if MB means 1,000,000 bytes (undocumented)"),
                severity: over ? nil : .warning))
    }
}
