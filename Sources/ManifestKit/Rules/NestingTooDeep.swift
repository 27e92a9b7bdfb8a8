/// Flags arrays and objects nested deeper than the parser accepts.
public struct NestingTooDeep: RecordRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL009",
        name: "nesting-too-deep",
        mirrors: nil,
        severity: .error,
        summary: "arrays and objects are nested deeper than 512 levels",
        rationale: """
            Manifest lines nest four or five levels deep. Much deeper nesting is not a manifest and can make \
            JSON readers fail; clmanifest stops reading the line at 512 levels, and the service's limit is \
            not documented.
            """,
        fix: "check how the line was generated; manifest lines do not nest this deep",
        conditions: [
            "more than 512 levels of arrays and objects"
        ],
        triggeringExamples: [
            Example(
                String(repeating: "[", count: 512) + "↓[" + String(repeating: "]", count: 513),
                condition: "more than 512 levels of arrays and objects")
        ],
        nonTriggeringExamples: [
            Example(
                "{\"a\": " + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}",
                condition: "more than 512 levels of arrays and objects")
        ]
    )

    static var lines: RecordLines { .failed }

    static func check(_ line: inout RecordCheck) {
        line.reportParseError(.nestingTooDeep, as: description)
    }
}
