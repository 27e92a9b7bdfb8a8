/// Flags a label attribute whose value does not have the shape its metadata `type` requires.
public struct InvalidLabelAttributeFormat: SchemaRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL201",
        name: "invalid-label-attribute-format",
        mirrors: .invalidLabelAttributeFormat,
        severity: .error,
        summary: "label attribute value does not match its type's format",
        rationale: """
            For object localization the attribute must hold `image_size` (one {width, height, depth}) and \
            `annotations` (boxes with class_id, top, left, width, height); for image-level labels it is an \
            integer. Otherwise the service reports ERROR_INVALID_LABEL_ATTRIBUTE_FORMAT and does not use the \
            line for training. Checked against schemas/object-detection.yaml and image-classification.yaml.
            """,
        fix: "give the attribute the fields its type requires (see the schema named in the message)",
        conditions: [
            "a bounding-box attribute without image_size or annotations",
            "an image_size that is not one {width, height, depth} of positive integers",
            "annotations that is not a list",
            "a box without class_id, top, left, width or height",
            "a box value that is not a number",
            "an image-level value that is not an integer (a warning)",
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(attribute: #"↓{"annotations": []}"#),
                condition: "a bounding-box attribute without image_size or annotations"),
            Example(
                DetectionExamples.line(attribute: #"↓{"image_size": [{"width": 640, "height": 480, "depth": 3}]}"#),
                condition: "a bounding-box attribute without image_size or annotations"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(imageSize: #"[↓{"width": 640, "height": 480}]"#)),
                condition: "an image_size that is not one {width, height, depth} of positive integers"),
            Example(
                DetectionExamples.line(attribute: DetectionExamples.attribute(imageSize: "↓[]")),
                condition: "an image_size that is not one {width, height, depth} of positive integers"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(imageSize: #"[{"width": ↓0, "height": 480, "depth": 3}]"#)),
                condition: "an image_size that is not one {width, height, depth} of positive integers"),
            Example(
                DetectionExamples.line(attribute: DetectionExamples.attribute(annotations: "↓{}")),
                condition: "annotations that is not a list"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[↓{"class_id": 0, "left": 2, "width": 9, "height": 9}]"#)),
                condition: "a box without class_id, top, left, width or height"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[{"class_id": 0, "top": 1, "left": 2, "width": ↓"9", "height": 9}]"#)),
                condition: "a box value that is not a number"),
            Example(
                ClassificationExamples.line(value: #"↓"dog""#),
                condition: "an image-level value that is not an integer (a warning)"),
            Example(
                ClassificationExamples.line(value: "↓1.5"),
                condition: "an image-level value that is not an integer (a warning)"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(attribute: DetectionExamples.attribute()),
                condition: "a bounding-box attribute without image_size or annotations"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(imageSize: #"[{"width": 1, "height": 480, "depth": 3}]"#)),
                condition: "an image_size that is not one {width, height, depth} of positive integers"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(annotations: "[]"),
                    metadata: DetectionExamples.metadata(objects: "[]")), condition: "annotations that is not a list"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[{"class_id": 0, "top": 0, "left": 0, "width": 9, "height": 9}]"#)),
                condition: "a box without class_id, top, left, width or height"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[{"class_id": 0, "top": 1, "left": 2, "width": 9.5, "height": 9}]"#)),
                condition: "a box value that is not a number"),
            Example(
                ClassificationExamples.line(value: "0"),
                condition: "an image-level value that is not an integer (a warning)"),
        ]
    )
}

extension InvalidLabelAttributeFormat: FixableRule {
    /// A number written as a string, where the format has a number (a box's `class_id`, `left`, `top`,
    /// `width`, `height`; `image_size`'s `width`, `height`, `depth`; an image-level label's value), written
    /// as the number.
    static func fix(_ site: FixSite) -> Fix? {
        guard let node = site.node, let model = site.model else { return nil }
        let tokens = site.pointerTokens
        let numeric: Bool
        switch tokens.count {
        case 1: numeric = model.pairs.contains { $0.attribute == node && $0.useCase == .classification }
        case 4 where tokens[1] == "annotations": numeric = boxFields.contains(tokens[3])
        case 4 where tokens[1] == "image_size": numeric = ["width", "height", "depth"].contains(tokens[3])
        default: numeric = false
        }
        guard numeric, let edit = site.numberInsteadOfString(node) else { return nil }
        return Fix(.safe, "write \(tokens.last ?? "the value") as a number", edits: [edit])
    }

    private static let boxFields: Set = ["class_id", "left", "top", "width", "height"]

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample(
            DetectionExamples.line(
                attribute: DetectionExamples.attribute(
                    imageSize: #"[{"width": "640", "height": 480, "depth": 3}]"#,
                    annotations: #"[{"class_id": "0", "top": 1, "left": "2.5", "width": 9, "height": 9}]"#)),
            DetectionExamples.line(
                attribute: DetectionExamples.attribute(
                    annotations: #"[{"class_id": 0, "top": 1, "left": 2.5, "width": 9, "height": 9}]"#))),
        FixExample(ClassificationExamples.line(value: #""1""#), ClassificationExamples.line(value: "1")),
    ]
}
