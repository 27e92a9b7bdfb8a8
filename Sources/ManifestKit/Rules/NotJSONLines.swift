/// Notes a file that is not JSON Lines at all, such as a Windows application manifest (XML), and skips it.
public struct NotJSONLines: FileRule {
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
            instead of failing on every line. A file is taken as XML when it is text (not binary data, see \
            CL011) that starts as XML does after an optional byte order mark and whitespace: `<?xml`, `<!` \
            (a comment or DOCTYPE) or `<` and a name; any other file is linted.
            """,
        fix: "nothing, if the file is not a dataset; exclude it from the hook's files to silence the note",
        conditions: [
            "an XML declaration",
            "an XML element or comment after blank space",
        ],
        triggeringExamples: [
            Example(
                "↓<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assembly manifestVersion=\"1.0\"/>\n",
                condition: "an XML declaration"),
            Example(
                "↓\n  <!-- an application manifest -->\n<assembly/>\n",
                condition: "an XML element or comment after blank space"),
            Example(
                "↓\u{FEFF}<assembly manifestVersion=\"1.0\"/>\n",
                condition: "an XML element or comment after blank space"),
        ],
        nonTriggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n"),
            Example("<? not xml\n", condition: "an XML declaration"),
            Example("< not xml\n", condition: "an XML element or comment after blank space"),
            Example(
                "<\u{01}\u{02}\u{03}\u{04}\u{05}\u{06}binary\n",
                condition: "an XML element or comment after blank space"),
        ]
    )

    /// Whether the text that starts a file, `prefix` (not binary, see ``BinaryFile``), opens an XML document:
    /// after a byte order mark and whitespace, `<?xml`, `<!`, or `<` and a name's first character.
    static func opensXML(_ prefix: [UInt8]) -> Bool {
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard bytes.first == UInt8(ascii: "<"), let next = bytes.dropFirst().first else { return false }
        if bytes.starts(with: Array("<?xml".utf8)) || next == UInt8(ascii: "!") { return true }
        // A name starts with a letter, '_' or ':' (or any non-ASCII character).
        return (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z")) || next == UInt8(ascii: "_")
            || next == UInt8(ascii: ":") || next >= 0x80
    }

    static func check(_ start: FileStart) -> FileVerdict? {
        // Binary data that happens to start with '<' is CL011's.
        guard BinaryFile.kind(of: start.prefix) == nil, opensXML(start.prefix) else { return nil }
        return .message("the file is XML, not JSON Lines: skipped", atStart: true)
    }
}
