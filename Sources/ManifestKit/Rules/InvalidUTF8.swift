/// Flags bytes that are not UTF-8.
public struct InvalidUTF8: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL005",
        name: "invalid-utf8",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "line contains bytes that are not UTF-8",
        rationale: """
            Manifests must be UTF-8. A file saved in Latin-1 or Windows-1252 (common for label names with \
            accents) cannot be decoded, and the service reports ERROR_INVALID_JSON_LINE for the line.
            """,
        fix: "re-encode the file as UTF-8, e.g. with `iconv -f WINDOWS-1252 -t UTF-8`",
        triggeringExamples: [
            // {"c":"caf↓<0xE9>"}: "café" saved in Latin-1.
            Example(rawBytes: Array(#"{"c":"caf↓"#.utf8) + [0xE9] + Array(#""}"#.utf8))
        ],
        nonTriggeringExamples: [
            Example(#"{"class-name": "café", "emoji": "🐱"}"#)
        ]
    )
}
