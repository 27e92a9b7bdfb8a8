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
        conditions: [
            "a class-name over 256 characters",
            "a class-map value over 256 characters",
            "a label of exactly 256 characters (a warning)",
        ],
        triggeringExamples: [
            Example(
                ClassificationExamples.line(
                    metadata: ClassificationExamples.metadata(
                        className: "↓\"" + String(repeating: "x", count: 257) + "\"")),
                condition: "a class-name over 256 characters"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(
                        classMap: #"{"0": ↓""# + String(repeating: "é", count: 300) + #""}"#)),
                condition: "a class-map value over 256 characters"),
            Example(
                ClassificationExamples.line(
                    metadata: ClassificationExamples.metadata(
                        className: "↓\"" + String(repeating: "x", count: 256) + "\"")),
                condition: "a label of exactly 256 characters (a warning)"),
        ],
        nonTriggeringExamples: [
            Example(
                ClassificationExamples.line(
                    metadata: ClassificationExamples.metadata(
                        className: "\"" + String(repeating: "x", count: 255) + "\"")),
                condition: "a class-name over 256 characters"),
            // 255 characters, though 510 bytes.
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(
                        classMap: #"{"0": ""# + String(repeating: "é", count: 255) + #""}"#)),
                condition: "a class-map value over 256 characters"),
            Example(
                ClassificationExamples.line(
                    metadata: ClassificationExamples.metadata(
                        className: "\"" + String(repeating: "x", count: 255) + "\"")),
                condition: "a label of exactly 256 characters (a warning)"),
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
