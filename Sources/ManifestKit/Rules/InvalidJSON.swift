/// Flags a line that is not valid JSON (RFC 8259).
public struct InvalidJSON: RecordRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL001",
        name: "invalid-json",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "line is not valid JSON",
        rationale: """
            The service cannot read the line: it reports ERROR_INVALID_JSON_LINE ("The JSON Line has an invalid \
            format") during training and silently drops the line when a dataset is created or updated. Dropped \
            and invalid lines count towards the 20% invalid-row limit that fails training.
            """,
        fix: "correct the JSON syntax at the reported column; each line must be one complete JSON object",
        conditions: [
            "the line ends before its value is complete",
            "a trailing comma",
            "single quotes instead of double",
            "a number with a leading zero",
            "a missing comma between members",
            "an unterminated string",
            "a literal JSON does not have (True, NaN)",
        ],
        triggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg"↓"#, condition: "the line ends before its value is complete"),
            Example(#"{"source-ref": "s3://bucket/a.jpg",↓}"#, condition: "a trailing comma"),
            Example(#"{↓'source-ref': "s3://bucket/a.jpg"}"#, condition: "single quotes instead of double"),
            Example(#"{"confidence": ↓01}"#, condition: "a number with a leading zero"),
            Example(#"{"source-ref": "s3://bucket/a.jpg" ↓"cat": 1}"#, condition: "a missing comma between members"),
            Example(#"{"source-ref": ↓"s3://bucket/a.jpg}"#, condition: "an unterminated string"),
            Example(#"{"human-annotated": ↓True}"#, condition: "a literal JSON does not have (True, NaN)"),
            Example(#"{"confidence": ↓NaN}"#, condition: "a literal JSON does not have (True, NaN)"),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg", "cat": 1}"#),
            Example(#"  {"source-ref": "s3://bucket/\u00e9.jpg", "n": -1.5e3}  "#),
            Example(#"{"source-ref": "s3://bucket/a.jpg"}"#, condition: "the line ends before its value is complete"),
            Example(#"{"source-ref": "s3://bucket/a.jpg", "b": [1, 2]}"#, condition: "a trailing comma"),
            Example(#"{"source-ref": "s3://bucket/it's.jpg"}"#, condition: "single quotes instead of double"),
            Example(#"{"confidence": 0.1, "n": 0, "m": 10}"#, condition: "a number with a leading zero"),
            Example(#"{"source-ref": "s3://bucket/a.jpg" , "cat": 1}"#, condition: "a missing comma between members"),
            Example(#"{"source-ref": "s3://bucket/a\".jpg"}"#, condition: "an unterminated string"),
            Example(
                #"{"human-annotated": true, "confidence": null, "ok": false}"#,
                condition: "a literal JSON does not have (True, NaN)"),
        ]
    )

    static var lines: RecordLines { .failed }

    static func check(_ line: inout RecordCheck) {
        line.reportParseError(.syntax, as: description)
    }
}

extension InvalidJSON: FixableRule {
    /// Single quotes made double, a comma before `}` or `]` removed, `True`/`False`/`None` made JSON's
    /// literals; offered only when the line is then valid JSON.
    static func fix(_ site: FixSite) -> Fix? {
        guard let edits = JSONRepair.edits(in: site.bytes), JSONRepair.parses(site.bytes, after: edits) else {
            return nil
        }
        return Fix(
            .safe, "write the line as JSON (double quotes, no trailing comma, true/false/null)",
            edits: edits.map { site.replacing($0.range, with: $0.content) })
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample(
            #"{"source-ref": "s3://bucket/a.jpg", "cat": 1,}"#, #"{"source-ref": "s3://bucket/a.jpg", "cat": 1}"#),
        FixExample(
            #"{'source-ref': 's3://bucket/it\'s "a".jpg', 'ok': True, 'n': None, 'x': [False, ]}"#,
            #"{"source-ref": "s3://bucket/it's \"a\".jpg", "ok": true, "n": null, "x": [false ]}"#),
    ]
}
