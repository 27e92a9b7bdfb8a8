/// Flags an image whose file name claims another format than its content (`lint --images`).
public struct ImageExtensionMismatch: ImageRule {
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
        conditions: [
            "a .jpg or .jpeg that holds a PNG",
            "a .png that holds a JPEG",
        ],
        triggeringExamples: [
            Example(
                ImageExamples.line("a.jpg", mark: "↓"), condition: "a .jpg or .jpeg that holds a PNG",
                images: [ExampleImage("a.jpg", .png(width: 100, height: 100))]),
            Example(
                ImageExamples.line("a.JPEG", mark: "↓"), condition: "a .jpg or .jpeg that holds a PNG",
                images: [ExampleImage("a.JPEG", .png(width: 100, height: 100))]),
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "a .png that holds a JPEG",
                images: [ExampleImage("a.png", .jpeg(width: 100, height: 100))]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.line("a.JPG"), condition: "a .jpg or .jpeg that holds a PNG",
                images: [ExampleImage("a.JPG", .jpeg(width: 100, height: 100))]),
            // An extension that names no image format is not checked.
            Example(
                ImageExamples.line("a.img"), condition: "a .png that holds a JPEG",
                images: [ExampleImage("a.img", .jpeg(width: 100, height: 100))]),
            Example(
                ImageExamples.line("a.PNG"), condition: "a .png that holds a JPEG",
                images: [ExampleImage("a.PNG", .png(width: 100, height: 100))]),
        ]
    )

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let decodable = image.decodable, let claimed = ImageFormat(fileExtensionOf: image.target.sourceRef),
            claimed != decodable.header.format
        else { return }
        findings.append(
            ImageFinding(
                description,
                "the name says \(claimed.rawValue) but '\(decodable.path)' holds a \(decodable.header.format.rawValue) "
                    + "image"))
    }
}
