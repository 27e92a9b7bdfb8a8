/// Flags an image under 64 or over 4,096 pixels on a side, measured on the picture (`lint --images`).
public struct ImageDimensionsOutOfRange: ImageRule {
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
        conditions: [
            "a side under 64 pixels",
            "a side over 4,096 pixels",
        ],
        triggeringExamples: [
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "a side under 64 pixels",
                images: [ExampleImage("a.png", .png(width: 63, height: 100))]),
            Example(
                ImageExamples.boxes("a.jpg", width: 100, height: 63, mark: "↓"), condition: "a side under 64 pixels",
                images: [ExampleImage("a.jpg", .jpeg(width: 100, height: 63))]),
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "a side over 4,096 pixels",
                images: [ExampleImage("a.png", .png(width: 100, height: 4097))]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.line("a.png"), condition: "a side under 64 pixels",
                images: [ExampleImage("a.png", .png(width: 64, height: 64))]),
            Example(
                ImageExamples.line("a.png"), condition: "a side over 4,096 pixels",
                images: [ExampleImage("a.png", .png(width: 4096, height: 200))]),
        ]
    )

    /// The side lengths the service accepts.
    static let sides = 64...4096

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let decodable = image.decodable, !sides.contains(decodable.width) || !sides.contains(decodable.height)
        else { return }
        findings.append(
            ImageFinding(
                description,
                "the image is \(decodable.width) × \(decodable.height) pixels; the service accepts 64 to 4,096 a side",
                serviceCode: .some(image.target.hasBoxes ? .invalidImageDimension : .invalidImage)))
    }
}
