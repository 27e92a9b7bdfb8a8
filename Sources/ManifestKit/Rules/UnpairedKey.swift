/// Flags a top-level key that is neither `source-ref`, nor a label attribute with its `-metadata`.
public struct UnpairedKey: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL209",
        name: "unpaired-key",
        mirrors: nil,
        severity: .warning,
        summary: "a top-level key is neither source-ref nor a label attribute with its -metadata",
        rationale: """
            The service reads `source-ref` and pairs of `X` and `X-metadata`. What it does with any other \
            top-level key is undocumented (Ground Truth passes such keys through): it may be an image-level \
            label whose metadata was lost, or a note of your own. Objects that look like bounding-box attributes \
            are CL203; the service's own keys are CL208.
            """,
        fix: "add the key's -metadata if it is a label, or remove it",
        conditions: [
            "a top-level key with no -metadata",
            "a -metadata key without its attribute that is not an object",
        ],
        triggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/a.jpg", ↓"dog": 1}"#, condition: "a top-level key with no -metadata"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", ↓"note-metadata": "checked"}"#,
                condition: "a -metadata key without its attribute that is not an object"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "dog": 1, "dog-metadata": {"confidence": 1, "#
                    + #""class-name": "dog", "human-annotated": "yes", "creation-date": "2024-05-01T08:00:00", "#
                    + #""type": "groundtruth/image-classification"}}"#, condition: "a top-level key with no -metadata"),
            // An object -metadata without its attribute is CL203.
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "note-metadata": {"checked": true}}"#,
                condition: "a -metadata key without its attribute that is not an object"),
        ]
    )

    /// Keys that are not label attributes: `source-ref` (also repeated, which is CL008) and its metadata.
    private static let sourceRefKeys = ["source-ref", "source-ref-metadata"].map { Array($0.utf8) }

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let document = line.document
        for key in line.otherKeys {
            guard
                // Bounding-box-like objects are CL203, the service's keys CL208.
                !line.looksLikeBoxAttribute(key + 1),
                !ServiceAddedKey.isServiceKey(key, in: document),
                !sourceRefKeys.contains(where: { name in name.withUnsafeBufferPointer { document.keyEquals(key, $0) } }
                ),
                // A misspelt source-ref is CL101.
                line.sourceRef != nil || !MissingSourceRef.isMisspelling(document.string(at: key))
            else { continue }
            findings.append(
                LineFinding(
                    rule: description, node: key,
                    message: "'\(document.string(at: key))' is neither source-ref nor a label attribute with its "
                        + "-metadata; how the service treats it is undocumented"))
        }
    }
}
