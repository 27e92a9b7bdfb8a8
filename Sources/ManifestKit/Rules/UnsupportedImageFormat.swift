/// Flags an image whose content is not PNG or JPEG (`lint --images`).
public struct UnsupportedImageFormat: ImageRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL603",
        name: "unsupported-image-format",
        mirrors: .invalidImage,
        severity: .error,
        summary: "an image is not PNG or JPEG (lint --images)",
        rationale: """
            The service accepts PNG and JPEG images only. The format is read from the file's first bytes (its \
            signature), not from its name: a GIF, BMP, WebP, TIFF, HEIF or AVIF image is ERROR_INVALID_IMAGE (a \
            file with no image signature at all is CL602).
            """,
        fix: "convert the image to PNG or JPEG",
        conditions: [
            "another image format (GIF, WebP, BMP, TIFF)"
        ],
        triggeringExamples: [
            Example(
                ImageExamples.line("a.gif", mark: "↓"), condition: "another image format (GIF, WebP, BMP, TIFF)",
                images: [ExampleImage("a.gif", .bytes(Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0]))]),
            Example(
                ImageExamples.line("a.webp", mark: "↓"), condition: "another image format (GIF, WebP, BMP, TIFF)",
                images: [
                    ExampleImage(
                        "a.webp", .bytes(Array("RIFF".utf8) + [40, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [0, 0, 0, 0]))
                ]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.line("a.png"), condition: "another image format (GIF, WebP, BMP, TIFF)",
                images: [ExampleImage("a.png", .png(width: 100, height: 100))]),
        ]
    )

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let path = image.path, case .image(_, let header) = image.file, image.decodable == nil else { return }
        findings.append(
            ImageFinding(
                description, "'\(path)' is a \(header.format.rawValue) image; the service accepts PNG and JPEG"))
    }
}
