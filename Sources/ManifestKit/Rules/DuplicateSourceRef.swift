/// Flags a `source-ref` that an earlier line of the manifest already names.
public struct DuplicateSourceRef: ManifestRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL401",
        name: "duplicate-source-ref",
        mirrors: nil,
        severity: .error,
        summary: "a source-ref appears on more than one line",
        rationale: """
            An image can be referenced only once in a dataset. When a dataset is created or updated the service \
            removes lines whose source-ref repeats (a terminal content error that is not reported anywhere), \
            and which of the lines survives is undocumented. Every occurrence after the first is reported, with \
            the line of the first.
            """,
        fix: "merge the labels of the repeated lines into one line per image",
        conditions: [
            "the same source-ref on two lines",
            "the same source-ref written with JSON escapes",
        ],
        triggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"source-ref\": ↓\"s3://bucket/a.jpg\"}\n",
                condition: "the same source-ref on two lines"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n" + #"{"source-ref": ↓"s3:\/\/bucket\/a.jpg"}"# + "\n",
                condition: "the same source-ref written with JSON escapes"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n" + #"{"source-ref": ↓"s3://bucket/\u0061.jpg"}"# + "\n",
                condition: "the same source-ref written with JSON escapes"),
        ],
        nonTriggeringExamples: [
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"source-ref\": \"s3://bucket/A.jpg\"}\n",
                condition: "the same source-ref on two lines"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n" + #"{"source-ref": "s3:\/\/bucket\/b.jpg"}"# + "\n",
                condition: "the same source-ref written with JSON escapes"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n" + #"{"source-ref": "s3://bucket/\u0062.jpg"}"# + "\n",
                condition: "the same source-ref written with JSON escapes"),
        ]
    )

    static var events: ManifestEventKinds { .sourceRefs }

    static func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {
        guard case .sourceRef(let seen) = event, let first = seen.firstLine else { return }
        let sourceRef = seen.text
        findings.append(
            ManifestFinding(
                description, line: seen.number, column: seen.column, pointer: "/source-ref", sourceRef: sourceRef,
                message: "source-ref '\(sourceRef)' already appears on line \(first)", fix: keepingLast(first)))
    }
}

extension DuplicateSourceRef: FixingRule {
    /// Keeps the later line, as a dataset update does, and removes the earlier one: it changes the data.
    static func keepingLast(_ first: Int) -> Fix {
        Fix(.unsafe, "remove line \(first), keeping this later entry for the image", edits: [.removingLine(first)])
    }

    static let fixApplicabilities: [Fix.Applicability] = [.unsafe]

    static let fixExamples = [
        FixExample(
            #"{"source-ref": "s3://bucket/a.jpg", "n": 1}"# + "\n" + #"{"source-ref": "s3://bucket/b.jpg"}"# + "\n"
                + #"{"source-ref": "s3://bucket/a.jpg", "n": 2}"# + "\n"
                + #"{"source-ref": "s3://bucket/a.jpg", "n": 3}"#,
            #"{"source-ref": "s3://bucket/b.jpg"}"# + "\n" + #"{"source-ref": "s3://bucket/a.jpg", "n": 3}"#)
    ]
}
