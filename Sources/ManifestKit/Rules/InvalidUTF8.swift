/// Flags bytes that are not UTF-8.
public struct InvalidUTF8: RecordRule {
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
        conditions: [
            "a byte that starts no UTF-8 sequence (Latin-1)",
            "a sequence cut short",
            "an overlong or surrogate encoding",
        ],
        triggeringExamples: [
            // {"c":"caf↓<0xE9>"}: "café" saved in Latin-1.
            Example(
                rawBytes: Array(#"{"c":"caf↓"#.utf8) + [0xE9] + Array(#""}"#.utf8),
                condition: "a byte that starts no UTF-8 sequence (Latin-1)"),
            Example(
                rawBytes: Array(#"{"c":"caf↓"#.utf8) + [0xC3] + Array(#""}"#.utf8), condition: "a sequence cut short"),
            Example(
                rawBytes: Array(#"{"c":"↓"#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8),
                condition: "an overlong or surrogate encoding"),
            Example(
                rawBytes: Array(#"{"c":"↓"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
                condition: "an overlong or surrogate encoding"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"class-name": "café", "emoji": "🐱"}"#, condition: "a byte that starts no UTF-8 sequence (Latin-1)"),
            Example(
                rawBytes: Array(#"{"c":"caf"#.utf8) + [0xC3, 0xA9] + Array(#""}"#.utf8),
                condition: "a sequence cut short"),
            Example(
                rawBytes: Array(#"{"c":""#.utf8) + [0xED, 0x9F, 0xBF] + Array(#""}"#.utf8),
                condition: "an overlong or surrogate encoding"),
        ]
    )

    static var lines: RecordLines { .failed }

    static func check(_ line: inout RecordCheck) {
        line.reportParseError(.invalidUTF8, as: description)
    }
}
