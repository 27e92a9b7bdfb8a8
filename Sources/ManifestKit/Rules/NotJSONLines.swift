/// Notes a file that is not JSON Lines at all, such as a Windows application manifest (XML), and skips it.
public struct NotJSONLines: Rule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL010",
        name: "not-json-lines",
        mirrors: nil,
        severity: .info,
        summary: "the file is XML, not JSON Lines, and is skipped",
        rationale: """
            `.manifest` is also the extension of Windows application manifests, which are XML. A pre-commit \
            hook on `*.manifest` meets them; they are not datasets, so clmanifest notes and skips such a file \
            (its first character is `<`) instead of failing on every line.
            """,
        fix: "nothing, if the file is not a dataset; exclude it from the hook's files to silence the note",
        triggeringExamples: [
            Example("↓<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assembly manifestVersion=\"1.0\"/>\n")
        ],
        nonTriggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n")
        ]
    )

    /// Whether `line`, the first of a file, opens an XML document (after a byte order mark and spaces).
    static func opensXML(_ line: LineRecord) -> Bool {
        line.number == 1 && line.bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D } == UInt8(ascii: "<")
    }
}
