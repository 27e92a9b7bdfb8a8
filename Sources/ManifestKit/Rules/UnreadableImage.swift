/// Flags an image file that is cut short, malformed, or not a readable regular file (`lint --images`).
public struct UnreadableImage: ImageRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL602",
        name: "unreadable-image",
        mirrors: .invalidImage,
        severity: .error,
        summary: "an image file is cut short, malformed or cannot be read (lint --images)",
        rationale: """
            A file with no image signature, an image whose header is cut short or does not follow its format, a \
            file that ends before PNG's IEND \
            chunk, or a path that is a directory, a FIFO or unreadable, is one the service cannot decode: \
            ERROR_INVALID_IMAGE, and the line is dropped. A JPEG that does not end with its end-of-image marker \
            is a warning: it is usually truncated, but some cameras append data after the image.
            """,
        fix: "export the image again from its source and replace the file",
        conditions: [
            "a PNG cut short (no IEND chunk)",
            "a JPEG cut before its frame header",
            "a JPEG without its end-of-image marker (a warning)",
            "no image signature at all",
        ],
        triggeringExamples: [
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "a PNG cut short (no IEND chunk)",
                images: [ExampleImage("a.png", .prefix(.png(width: 100, height: 100), count: 60))]),
            Example(
                ImageExamples.line("a.jpg", mark: "↓"), condition: "a JPEG cut before its frame header",
                images: [ExampleImage("a.jpg", .prefix(.jpeg(width: 100, height: 100), count: 10))]),
            Example(
                ImageExamples.line("a.jpg", mark: "↓"), condition: "a JPEG without its end-of-image marker (a warning)",
                images: [ExampleImage("a.jpg", .prefix(.jpeg(width: 1000, height: 1000), count: 1000))]),
            Example(
                ImageExamples.line("a.jpg", mark: "↓"), condition: "no image signature at all",
                images: [ExampleImage("a.jpg", .bytes(Array("not an image at all".utf8)))]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.line("a.png"), condition: "a PNG cut short (no IEND chunk)",
                images: [ExampleImage("a.png", .png(width: 100, height: 100))]),
            Example(
                ImageExamples.line("a.jpg"), condition: "a JPEG cut before its frame header",
                images: [ExampleImage("a.jpg", .jpeg(width: 100, height: 100))]),
            Example(
                ImageExamples.line("a.jpg"), condition: "a JPEG without its end-of-image marker (a warning)",
                images: [ExampleImage("a.jpg", .jpeg(width: 100, height: 100, orientation: 1))]),
            Example(
                ImageExamples.line("a.png"), condition: "no image signature at all",
                images: [ExampleImage("a.png", .png(width: 64, height: 64))]),
        ]
    )

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let path = image.path else {
            findings.append(
                ImageFinding(
                    description, "the key holds a '..' component, so its local copy is not looked for",
                    severity: .warning))
            return
        }
        switch image.file {
        case .missing:
            return
        case .unreadable(let reason):
            findings.append(ImageFinding(description, "'\(path)' cannot be read as an image: \(reason)"))
        case .defective(_, let defect):
            findings.append(ImageFinding(description, "'\(path)': \(defect.message)"))
        case .image:
            guard let image = image.decodable, image.header.endsProperly == false else { return }
            let png = image.header.format == .png
            findings.append(
                ImageFinding(
                    description,
                    png
                        ? "'\(path)' ends without PNG's IEND chunk: the file is truncated"
                        : "'\(path)' does not end with JPEG's end-of-image marker: truncated, or data appended "
                            + "after the image",
                    severity: png ? nil : .warning))
        }
    }
}
