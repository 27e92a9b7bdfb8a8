/// Flags a label name longer than the service allows.
public struct InvalidLabelNameLength: LineRule {
    /// The longest label name the service accepts, in characters.
    static let limit = 256

    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL205",
        name: "invalid-label-name-length",
        mirrors: .invalidLabelNameLength,
        severity: .error,
        summary: "a label name (class-name or a class-map value) is over 256 characters",
        rationale: """
            Label names are at most 256 characters; a longer one is ERROR_INVALID_LABEL_NAME_LENGTH and the \
            line is not used. The API's label strings (for example the ContainsLabels filter of \
            ListDatasetEntries) hold at most 255, so a name of exactly 256 characters is a warning.
            """,
        fix: "shorten the label name",
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"confidence": 1, "class-name": ↓""#
                    + String(repeating: "x", count: 257) + #"", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00", "type": "groundtruth/image-classification"}}"#)
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "l": 1, "l-metadata": {"confidence": 1, "class-name": ""#
                    + String(repeating: "x", count: 255) + #"", "human-annotated": "yes", "#
                    + #""creation-date": "2024-05-01T08:00:00", "type": "groundtruth/image-classification"}}"#)
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        for label in line.labels {
            let node = line.document[label]
            // Most names are short: a byte count under the limit settles it without counting characters.
            guard Int(node.end - node.start) - 2 >= limit else { continue }
            let characters = line.document.string(at: label).unicodeScalars.count
            guard characters >= limit else { continue }
            findings.append(
                LineFinding(
                    rule: description, node: label,
                    message: characters > limit
                        ? "label name is \(Count.phrase(characters, "character")), over the limit of \(limit)"
                        : "label name is \(limit) characters; the API's label filters take at most 255",
                    severity: characters > limit ? nil : .warning))
        }
    }
}
