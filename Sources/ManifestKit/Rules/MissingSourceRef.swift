/// Flags a line without a `source-ref`, naming a misspelt key when there is one.
public struct MissingSourceRef: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL101",
        name: "missing-source-ref",
        mirrors: .missingSourceRef,
        severity: .error,
        summary: "line has no source-ref",
        rationale: """
            Every line names its image in `source-ref`. Without it the service drops the line when a dataset is \
            created or updated (a terminal content error, not reported) and reports ERROR_MISSING_SOURCE_REF in \
            training, also for a misspelt key such as `source_ref` or `sourceRef`; it counts towards the 20% \
            invalid-row limit.
            """,
        fix: "add \"source-ref\": \"s3://bucket/key\" naming the image (exactly this key: lowercase, with a hyphen)",
        conditions: [
            "no source-ref key",
            "a misspelt source-ref key (source_ref, sourceRef, Source-Ref)",
        ],
        triggeringExamples: [
            Example(
                #"↓{"cat": 1, "cat-metadata": {"type": "groundtruth/image-classification"}}"#,
                condition: "no source-ref key"),
            Example(
                #"{↓"source_ref": "s3://bucket/a.jpg"}"#,
                condition: "a misspelt source-ref key (source_ref, sourceRef, Source-Ref)"),
            Example(
                #"{↓"sourceRef": "s3://bucket/a.jpg"}"#,
                condition: "a misspelt source-ref key (source_ref, sourceRef, Source-Ref)"),
            Example(
                #"{↓"Source-Ref": "s3://bucket/a.jpg"}"#,
                condition: "a misspelt source-ref key (source_ref, sourceRef, Source-Ref)"),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/images/a.jpg"}"#, condition: "no source-ref key"),
            Example(#"{"source-ref": "s3://bucket/images/a.jpg", "source-ref-metadata": {}}"#),
            // The misspelling beside the real key is another key (CL209), not a missing source-ref.
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "sourceRef": "s3://bucket/a.jpg"}"#,
                condition: "a misspelt source-ref key (source_ref, sourceRef, Source-Ref)"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        guard line.sourceRef == nil else { return }
        let document = line.document
        for member in document.members(of: JSONDocument.rootIndex) {
            let key = document.string(at: member.key)
            if isMisspelling(key) {
                findings.append(
                    LineFinding(
                        rule: description, node: member.key,
                        message: "no source-ref; the key '\(key)' looks like a misspelling of 'source-ref'"))
                return
            }
        }
        findings.append(LineFinding(rule: description, node: JSONDocument.rootIndex, message: "line has no source-ref"))
    }

    /// Whether `key` is `source-ref` written another way, such as `source_ref`, `sourceRef` or `Source-Ref`.
    static func isMisspelling(_ key: String) -> Bool {
        key != "source-ref"
            && String(key.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
                == "sourceref"
    }
}

extension MissingSourceRef: FixableRule {
    /// Renames a misspelled `source-ref` key (safe: the value is kept); without one, a person must add it.
    static func fix(_ site: FixSite) -> Fix? {
        guard let value = site.node, let document = site.document, value > 0,
            isMisspelling(document.string(at: value - 1))
        else { return Fix(.displayOnly, "add a source-ref holding the image's s3:// location") }
        return Fix(.safe, "rename the key to source-ref", edits: [site.replacing(value - 1, with: "\"source-ref\"")])
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe, .displayOnly]

    static let fixExamples = [
        FixExample(
            #"{"source_ref": "s3://bucket/a.jpg", "cat": 1}"#, #"{"source-ref": "s3://bucket/a.jpg", "cat": 1}"#),
        FixExample(#"{ "SourceRef" : "s3://bucket/a.jpg"}"#, #"{ "source-ref" : "s3://bucket/a.jpg"}"#),
    ]
}
