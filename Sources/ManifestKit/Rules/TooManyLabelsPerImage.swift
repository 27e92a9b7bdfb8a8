/// Flags an image with more than 50 distinct labels.
public struct TooManyLabelsPerImage: LineRule {
    /// The most labels an image may have.
    static let limit = 50

    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL207",
        name: "too-many-labels-per-image",
        mirrors: nil,
        severity: .warning,
        summary: "an image has more than 50 distinct labels",
        rationale: """
            The service's limits allow at most 50 labels per image, counting each image-level label and each \
            distinct label of the line's boxes. The documentation names no error for a line over the limit and \
            does not say what the service does with it, so this is a warning.
            """,
        fix: "keep at most 50 labels per image",
        conditions: [
            "more than 50 distinct labels on one image"
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "#
                    + (0...50).map { label in
                        #""l\#(label)": 1, "l\#(label)-metadata": {"confidence": 1, "class-name": "#
                            + (label == 50 ? "↓" : "") + #""label \#(label)", "human-annotated": "yes", "#
                            + #""creation-date": "2024-05-01T08:00:00", "type": "groundtruth/image-classification"}"#
                    }.joined(separator: ", ") + "}", condition: "more than 50 distinct labels on one image")
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "#
                    + (0..<50).map { label in
                        #""l\#(label)": 1, "l\#(label)-metadata": {"confidence": 1, "class-name": "label \#(label)", "#
                            + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                            + #""type": "groundtruth/image-classification"}"#
                    }.joined(separator: ", ") + "}", condition: "more than 50 distinct labels on one image"),
            // 51 attributes, two with the same label: 50 distinct.
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "#
                    + (0...50).map { label in
                        #""l\#(label)": 1, "l\#(label)-metadata": {"confidence": 1, "class-name": "label \#(min(label, 49))", "#
                            + #""human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                            + #""type": "groundtruth/image-classification"}"#
                    }.joined(separator: ", ") + "}", condition: "more than 50 distinct labels on one image"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        guard line.labels.count > limit else { return }
        let document = line.document
        var seen: [Int] = []
        for label in line.labels where !seen.contains(where: { document.keysEqual($0, label) }) {
            seen.append(label)
            if seen.count == limit + 1 {
                findings.append(
                    LineFinding(
                        rule: description, node: label,
                        message: "label '\(document.string(at: label))' is the image's 51st distinct label, over "
                            + "the limit of \(limit); what the service does then is undocumented"))
                return
            }
        }
    }
}
