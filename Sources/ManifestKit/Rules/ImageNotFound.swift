/// Flags a `source-ref` whose image is not in its mapped local directory (`lint --images`).
public struct ImageNotFound: ImageRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL601",
        name: "image-not-found",
        mirrors: .invalidImage,
        severity: .error,
        summary: "the image of a source-ref is not in its local directory (lint --images)",
        rationale: """
            With `--images PREFIX=DIR`, each `source-ref` that starts with PREFIX is looked for under DIR with the \
            rest of its key. A missing image is what the service reports as ERROR_INVALID_IMAGE (\"Check S3 \
            path\"): the line is dropped, and it counts toward the 20% of invalid lines that fails training. \
            The finding means the local copy is missing; check that the image is uploaded to the same key.
            """,
        fix: "copy the image to the key the source-ref names, or correct the source-ref",
        conditions: [
            "no file at the mapped path"
        ],
        triggeringExamples: [
            Example(
                ImageExamples.line("a.png", mark: "↓"), condition: "no file at the mapped path",
                images: [ExampleImage("a.png", .missing)])
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.line("a.png"), condition: "no file at the mapped path",
                images: [ExampleImage("a.png", .png(width: 640, height: 480))]),
        ]
    )

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let path = image.path, image.file == .missing else { return }
        if case .inS3 = image.target.location {
            findings.append(ImageFinding(description, "no such key: \(path)"))
        } else {
            findings.append(ImageFinding(description, "no image at '\(path)'"))
        }
    }
}
