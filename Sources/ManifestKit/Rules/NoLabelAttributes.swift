/// Flags a `-metadata` without its label attribute, and a bounding-box attribute without its `-metadata`.
public struct NoLabelAttributes: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL203",
        name: "no-label-attributes",
        mirrors: .noLabelAttributes,
        severity: .error,
        summary: "a label attribute and its -metadata are not both present",
        rationale: """
            The service finds labels by pairs of keys: an attribute `X` and its metadata `X-metadata`. When \
            either is missing it reports ERROR_NO_LABEL_ATTRIBUTES, which stops validation of the line, and \
            the line is not used for training.
            """,
        fix:
            "add the missing half of the pair, or rename the keys so that the metadata is the attribute's name plus -metadata",
        conditions: [
            "an X-metadata without its attribute X",
            "an object with image_size or annotations without its -metadata",
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"dog-metadata": "# + ClassificationExamples.metadata() + "}",
                condition: "an X-metadata without its attribute X"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"bb": {"image_size": [{"width": 64, "height": 64, "depth": 3}], "#
                    + #""annotations": []}}"#,
                condition: "an object with image_size or annotations without its -metadata"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"boxes": {"annotations": []}}"#,
                condition: "an object with image_size or annotations without its -metadata"),
        ],
        nonTriggeringExamples: [
            Example(ClassificationExamples.line("dog"), condition: "an X-metadata without its attribute X"),
            Example(#"{"source-ref": "s3://bucket/a.jpg", "note": 3}"#),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "bb": {"boxes": [], "size": [64, 64]}}"#,
                condition: "an object with image_size or annotations without its -metadata"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let document = line.document
        for pair in line.pairs where pair.attribute < 0 {
            let name = document.string(at: pair.metadataKey).dropLast(ManifestLine.metadataSuffix.count)
            findings.append(
                LineFinding(
                    rule: description, node: pair.metadataKey,
                    message: "'\(name)-metadata' has no label attribute '\(name)'"))
        }
        // An object with image_size or annotations is a bounding-box attribute whatever its name.
        for key in line.otherKeys where line.looksLikeBoxAttribute(key + 1) {
            let name = document.string(at: key)
            findings.append(
                LineFinding(
                    rule: description, node: key,
                    message: "bounding-box attribute '\(name)' has no '\(name)-metadata'"))
        }
    }
}
