/// Flags a line that is valid JSON but not an object.
public struct JSONLineNotObject: RecordRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL002",
        name: "json-line-not-object",
        mirrors: .invalidJSONLine,
        severity: .error,
        summary: "line is valid JSON but not an object",
        rationale: """
            Each manifest line describes one image as a JSON object with a source-ref and label attributes. \
            The service's dataset entries must match `^\\{.*\\}$`; an array, string, number or literal is \
            reported as ERROR_INVALID_JSON_LINE and dropped.
            """,
        fix: "write one JSON object per line, e.g. {\"source-ref\": \"s3://bucket/image.jpg\", ...}",
        conditions: [
            "the line is an array",
            "the line is a string, number or literal",
        ],
        triggeringExamples: [
            Example(#"↓[{"source-ref": "s3://bucket/a.jpg"}]"#, condition: "the line is an array"),
            Example(#"  ↓"s3://bucket/a.jpg""#, condition: "the line is a string, number or literal"),
            Example("↓null", condition: "the line is a string, number or literal"),
            Example("↓42", condition: "the line is a string, number or literal"),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg"}"#),
            Example(#"{"images": [{"source-ref": "s3://bucket/a.jpg"}]}"#, condition: "the line is an array"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "n": 42, "x": null}"#,
                condition: "the line is a string, number or literal"),
        ]
    )

    static var lines: RecordLines { .parsed }

    static func check(_ line: inout RecordCheck) {
        // A line that parsed and starts with '{' is an object: most lines, told apart without the document.
        let bytes = line.record.bytes
        if let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), bytes[first] == UInt8(ascii: "{") {
            return
        }
        guard let document = line.document, document.root.kind != .object else { return }
        line.report(
            description, at: .byte(Int(document.root.start)),
            message: "line is a JSON \(kindName(document.root.kind)), not an object")
    }

    private static func kindName(_ kind: JSONNode.Kind) -> String {
        switch kind {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .true, .false: "boolean"
        case .null: "null"
        }
    }
}

extension JSONLineNotObject: FixableRule {
    /// A line that is an array holding one object becomes that object (safe: the entry is the same); any
    /// other value needs a person.
    static func fix(_ site: FixSite) -> Fix? {
        guard let document = site.document, document.root.kind == .array, document.root.count == 1,
            let element = document.elements(of: JSONDocument.rootIndex).first, document[element].kind == .object
        else { return nil }
        return Fix(
            .safe, "write the line as the object the array holds",
            edits: [site.replacing(site.range(of: JSONDocument.rootIndex), with: document.rawText(at: element))])
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample(
            #"[{"source-ref": "s3://bucket/a.jpg", "cat": 1}]"#, #"{"source-ref": "s3://bucket/a.jpg", "cat": 1}"#),
        FixExample(#"  [ {"source-ref": "s3://bucket/a.jpg"} ]"#, #"  {"source-ref": "s3://bucket/a.jpg"}"#),
    ]
}
