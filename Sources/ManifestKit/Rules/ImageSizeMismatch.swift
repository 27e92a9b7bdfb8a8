/// Flags an `image_size` that differs from the picture's real size (`lint --images`).
public struct ImageSizeMismatch: ImageRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL608",
        name: "image-size-mismatch",
        mirrors: nil,
        severity: .warning,
        summary: "image_size differs from the image's real size (lint --images)",
        rationale: """
            Boxes are in the pixels of `image_size`; when the picture has another size, every box may be misplaced, \
            or judged against the wrong frame. The service checks the picture itself (the box and dimension \
            findings against the real size carry their codes); a mismatch it may not report at all trains on \
            wrong boxes. A JPEG whose EXIF orientation turns it a quarter is shown height × width: when \
            image_size matches that, the finding says so.
            """,
        fix:
            "correct image_size to the picture's width and height (and scale the boxes if they were drawn on another size)",
        conditions: [
            "image_size another size than the picture",
            "image_size matching the picture turned by its EXIF orientation (said so)",
        ],
        triggeringExamples: [
            Example(
                ImageExamples.boxes("a.png", width: 1024, height: 768, sizeMark: "↓"),
                condition: "image_size another size than the picture",
                images: [ExampleImage("a.png", .png(width: 320, height: 240))]),
            Example(
                ImageExamples.boxes("a.jpg", width: 800, height: 600, sizeMark: "↓"),
                condition: "image_size matching the picture turned by its EXIF orientation (said so)",
                images: [ExampleImage("a.jpg", .jpeg(width: 600, height: 800, orientation: 6))]),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/unmapped/a.jpg"}"#),
            Example(
                ImageExamples.boxes("a.png", width: 320, height: 240),
                condition: "image_size another size than the picture",
                images: [ExampleImage("a.png", .png(width: 320, height: 240))]),
            Example(
                ImageExamples.boxes("a.jpg", width: 600, height: 800),
                condition: "image_size matching the picture turned by its EXIF orientation (said so)",
                images: [ExampleImage("a.jpg", .jpeg(width: 600, height: 800, orientation: 6))]),
        ]
    )

    static func check(_ image: CheckedImage, into findings: inout [ImageFinding]) {
        guard let decodable = image.decodable else { return }
        let (width, height, header) = (decodable.width, decodable.height, decodable.header)
        for (index, declared) in image.target.sizes.enumerated()
        where declared.width != Double(width) || declared.height != Double(height) {
            var message =
                "image_size is \(declared.width.clean) × \(declared.height.clean) but the image is \(width) × \(height)"
            if header.isTurned {
                message +=
                    declared.width == Double(height) && declared.height == Double(width)
                    ? "; its EXIF orientation (\(header.orientation ?? 1)) shows it \(height) × \(width), which "
                        + "image_size matches: which one the service uses is undocumented"
                    : " (shown \(height) × \(width) by its EXIF orientation \(header.orientation ?? 1))"
            }
            var finding = ImageFinding(description, message, at: declared.place)
            let boxesFit = image.target.boxes.allSatisfy { box in
                box.size != index || (box.left + box.width <= Double(width) && box.top + box.height <= Double(height))
            }
            finding.fix = fix(
                declared, width: width, height: height, line: image.target.line,
                editable: !header.isTurned && boxesFit)
            findings.append(finding)
        }
    }
}

extension ImageSizeMismatch: FixingRule {
    /// Sets `image_size` to the image's own size.
    ///
    /// Unsafe: the boxes were drawn on some size. Advice only (not `editable`) when a box of the attribute
    /// would not fit the real size (the boxes need scaling, which only a person can confirm), or when the
    /// image is turned by its EXIF orientation (which size the service uses is undocumented).
    static func fix(_ declared: ImageTarget.DeclaredSize, width: Int, height: Int, line: Int, editable: Bool) -> Fix {
        guard editable else {
            return Fix(
                .displayOnly,
                "set image_size to the size the service reads (\(width) × \(height)) and scale the boxes to it")
        }
        var edits: [Fix.Edit] = []
        if declared.width != Double(width) {
            edits.append(
                Fix.Edit(
                    line: line, column: declared.widthColumns.lowerBound, endLine: line,
                    endColumn: declared.widthColumns.upperBound, content: String(width)))
        }
        if declared.height != Double(height) {
            edits.append(
                Fix.Edit(
                    line: line, column: declared.heightColumns.lowerBound, endLine: line,
                    endColumn: declared.heightColumns.upperBound, content: String(height)))
        }
        return Fix(.unsafe, "set image_size to the image's \(width) × \(height)", edits: edits)
    }

    static let fixApplicabilities: [Fix.Applicability] = [.unsafe, .displayOnly]

    static let fixExamples = [
        FixExample(
            ImageExamples.boxes("a.png", width: 1024, height: 240),
            ImageExamples.boxes("a.png", width: 320, height: 240),
            images: [ExampleImage("a.png", .png(width: 320, height: 240))])
    ]
}
