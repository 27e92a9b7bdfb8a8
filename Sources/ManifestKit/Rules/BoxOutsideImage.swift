/// Flags a box that leaves the real picture where `image_size` says otherwise (`lint --images`).
public struct BoxOutsideImage: ImageRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL609",
        name: "box-outside-image",
        mirrors: .invalidBoundingBox,
        severity: .error,
        summary: "a bounding box extends beyond the real image (lint --images)",
        rationale: """
            When `image_size` differs from the picture, a box inside `image_size` can still leave the real frame: \
            the service checks boxes against the image and reports ERROR_INVALID_BOUNDING_BOX for that \
            annotation. Only reported where image_size differs from the picture (CL303 covers the rest).
            """,
        fix: "correct the box, or image_size and the boxes together",
        conditions: [
            "a box inside image_size but past the real picture's edge"
        ],
        triggeringExamples: [
            Example(
                ImageExamples.boxes(
                    "a.png", width: 1024, height: 768, boxes: ["↓" + DetectionExamples.box(left: "300", width: "50")]),
                condition: "a box inside image_size but past the real picture's edge",
                images: [ExampleImage("a.png", .png(width: 320, height: 240))]),
            Example(
                ImageExamples.boxes(
                    "a.png", width: 1024, height: 768, boxes: ["↓" + DetectionExamples.box(top: "200", height: "50")]),
                condition: "a box inside image_size but past the real picture's edge",
                images: [ExampleImage("a.png", .png(width: 320, height: 240))]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.boxes(
                    "a.png", width: 1024, height: 768, boxes: [DetectionExamples.box(left: "270", width: "50")]),
                condition: "a box inside image_size but past the real picture's edge",
                images: [ExampleImage("a.png", .png(width: 320, height: 240))]),
            // Where image_size is the picture's size, a box past the edge is CL303.
            Example(
                ImageExamples.boxes(
                    "a.png", width: 320, height: 240, boxes: [DetectionExamples.box(left: "300", width: "50")]),
                condition: "a box inside image_size but past the real picture's edge",
                images: [ExampleImage("a.png", .png(width: 320, height: 240))]),
        ]
    )

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let decodable = image.decodable else { return }
        let real = (width: Double(decodable.width), height: Double(decodable.height))
        for box in image.target.boxes {
            let declared = image.target.sizes[box.size]
            guard declared.width != real.width || declared.height != real.height else { continue }
            let right = box.left + box.width
            let bottom = box.top + box.height
            guard right <= declared.width && bottom <= declared.height, right > real.width || bottom > real.height
            else { continue }
            findings.append(
                ImageFinding(
                    description,
                    "the box ends at (\(right.clean), \(bottom.clean)), beyond the \(decodable.width) × "
                        + "\(decodable.height) image (image_size says \(declared.width.clean) × \(declared.height.clean))",
                    at: box.place))
        }
    }
}
