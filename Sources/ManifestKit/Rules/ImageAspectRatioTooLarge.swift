/// Flags an image whose longer side is more than 20 times its shorter (`lint --images`).
public struct ImageAspectRatioTooLarge: ImageRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL607",
        name: "image-aspect-ratio-too-large",
        mirrors: .invalidImage,
        severity: .error,
        summary: "an image is more than 20 times as long as it is wide (lint --images)",
        rationale: """
            The service accepts aspect ratios up to 20:1 (longer side over shorter side); a longer or thinner \
            image is ERROR_INVALID_IMAGE.
            """,
        fix: "crop or pad the image to at most 20:1",
        conditions: [
            "the longer side over 20 times the shorter"
        ],
        triggeringExamples: [
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "the longer side over 20 times the shorter",
                images: [ExampleImage("a.png", .png(width: 2100, height: 100))]),
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "the longer side over 20 times the shorter",
                images: [ExampleImage("a.png", .png(width: 100, height: 2001))]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.line("a.png"), condition: "the longer side over 20 times the shorter",
                images: [ExampleImage("a.png", .png(width: 2000, height: 100))]),
        ]
    )

    /// The longest side over the shortest that the service accepts.
    static let maxRatio = 20.0

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let decodable = image.decodable else { return }
        let (width, height) = (decodable.width, decodable.height)
        let ratio = Double(max(width, height)) / Double(min(width, height))
        guard ratio > maxRatio else { return }
        findings.append(
            ImageFinding(
                description,
                "the image is \(width) × \(height) pixels, an aspect ratio of \(ratio.clean):1, over the service's 20:1"
            ))
    }
}
