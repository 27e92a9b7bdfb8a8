/// Flags label attribute metadata that does not have the fields its `type` requires, or is not an object.
public struct InvalidLabelAttributeMetadataFormat: SchemaRule, LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL202",
        name: "invalid-label-attribute-metadata-format",
        mirrors: .invalidLabelAttributeMetadataFormat,
        severity: .error,
        summary: "label attribute metadata does not match its type's format",
        rationale: """
            The `-metadata` object must carry `type`, `human-annotated` ("yes" or "no"), `creation-date`, and \
            for image-level labels `confidence` and `class-name`, for object localization `objects` and \
            `class-map`. Otherwise the service reports ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT and does \
            not use the line for training.
            """,
        fix: "complete or correct the metadata field named in the message",
        errorScope: .labelAttribute,
        conditions: [
            "a required field missing",
            "human-annotated other than \"yes\" or \"no\"",
            "a creation-date that is not an ISO 8601 date-time (a warning)",
            "a confidence outside 0 to 1",
            "a class-map key that is not a whole number",
            "metadata that is not an object (a string holding a JSON-encoded object is named)",
        ],
        triggeringExamples: [
            Example(
                ClassificationExamples.line(metadata: ClassificationExamples.metadata(humanAnnotated: "↓true")),
                condition: "human-annotated other than \"yes\" or \"no\""),
            Example(
                ClassificationExamples.line(metadata: ClassificationExamples.metadata(humanAnnotated: #"↓"Yes""#)),
                condition: "human-annotated other than \"yes\" or \"no\""),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": ↓{"class-name": "cat"}}"#,
                condition: "a required field missing"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata:
                        #"↓{"objects": [{"confidence": 1}], "type": "groundtruth/object-detection", "human-annotated": "yes", "creation-date": "2024-05-01T08:00:00"}"#
                ), condition: "a required field missing"),
            Example(
                ClassificationExamples.line(
                    metadata: ClassificationExamples.metadata(creationDate: #"↓"Wed May 01 2024""#)),
                condition: "a creation-date that is not an ISO 8601 date-time (a warning)"),
            Example(
                ClassificationExamples.line(metadata: ClassificationExamples.metadata(confidence: "↓1.5")),
                condition: "a confidence outside 0 to 1"),
            Example(
                ClassificationExamples.line(metadata: ClassificationExamples.metadata(confidence: "↓-0.1")),
                condition: "a confidence outside 0 to 1"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(classMap: #"{"0": "dog", ↓"cat": "cat"}"#)),
                condition: "a class-map key that is not a whole number"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": ↓"{\"confidence\": 1, "#
                    + #"\"class-name\": \"cat\", \"human-annotated\": \"yes\", "#
                    + #"\"creation-date\": \"2024-05-01T08:00:00\", "#
                    + #"\"type\": \"groundtruth/image-classification\"}"}"#,
                condition: "metadata that is not an object (a string holding a JSON-encoded object is named)"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": ↓null}"#,
                condition: "metadata that is not an object (a string holding a JSON-encoded object is named)"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": ↓[]}"#,
                condition: "metadata that is not an object (a string holding a JSON-encoded object is named)"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": ↓5}"#,
                condition: "metadata that is not an object (a string holding a JSON-encoded object is named)"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": {"confidence": 0.9, "class-name": "cat", "#
                    + #""human-annotated": "no", "creation-date": "2024-05-01T08:00:00.123Z", "#
                    + #""type": "groundtruth/image-classification", "job-name": "labeling-job/cats"}}"#,
                condition: "human-annotated other than \"yes\" or \"no\""),
            Example(ClassificationExamples.line(), condition: "a required field missing"),
            Example(
                ClassificationExamples.line(
                    metadata: ClassificationExamples.metadata(creationDate: #""2024-05-01 08:00:00+02:00""#)),
                condition: "a creation-date that is not an ISO 8601 date-time (a warning)"),
            Example(
                ClassificationExamples.line(metadata: ClassificationExamples.metadata(confidence: "0")),
                condition: "a confidence outside 0 to 1"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(),
                    metadata: DetectionExamples.metadata(classMap: #"{"0": "dog", "10": "cat"}"#)),
                condition: "a class-map key that is not a whole number"),
            // Without its label attribute a non-object `-metadata` is just another key (CL209).
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "note-metadata": "{}"}"#,
                condition: "metadata that is not an object (a string holding a JSON-encoded object is named)"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let document = line.document
        for pair in line.pairs where pair.useCase == .metadataNotObject {
            let name = document.string(at: pair.metadataKey)
            let kind = document[pair.metadata].kind
            var message = "'\(name)' is \(describe(kind)), not an object"
            if kind == .string, let text = document.stringValue(at: pair.metadata), holdsObject(text) {
                message += ": the metadata was JSON-encoded twice (the string holds a JSON object); write the object"
            }
            findings.append(LineFinding(rule: description, node: pair.metadata, message: message))
        }
    }

    private static func describe(_ kind: JSONNode.Kind) -> String {
        switch kind {
        case .string: "a string"
        case .null: "null"
        case .array: "a list"
        case .number: "a number"
        case .true, .false: "a boolean"
        case .object: "an object"
        }
    }

    /// Whether `text` is a JSON object.
    private static func holdsObject(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            (try? JSONParser().parse(UnsafeBufferPointer(buffer)))?.root.kind == .object
        }
    }
}

extension InvalidLabelAttributeMetadataFormat: FixableRule {
    /// The metadata's values written as the format has them: `human-annotated` `true`/`false` as
    /// `"yes"`/`"no"`, a `confidence` written as a string as its number, a `class-name` or `class-map` name
    /// written as a number as a string, and metadata JSON-encoded into a string as the object it holds.
    static func fix(_ site: FixSite) -> Fix? {
        guard let node = site.node, let document = site.document else { return nil }
        let tokens = site.pointerTokens
        let kind = document[node].kind
        switch (tokens.last, kind) {
        case ("human-annotated", .true), ("human-annotated", .false):
            let answer = kind == .true ? "yes" : "no"
            return Fix(
                .safe, "write human-annotated as \"\(answer)\"", edits: [site.replacing(node, with: "\"\(answer)\"")])
        case ("confidence", .string):
            return site.numberInsteadOfString(node).map { Fix(.safe, "write confidence as a number", edits: [$0]) }
        case ("class-name", .number):
            return Fix(
                .safe, "write class-name as a string",
                edits: [site.replacing(node, with: "\"\(document.rawText(at: node))\"")])
        case (_, .number) where tokens.count == 3 && tokens[1] == "class-map":
            return Fix(
                .safe, "write the class name as a string",
                edits: [site.replacing(node, with: "\"\(document.rawText(at: node))\"")])
        case (_, .string) where tokens.count == 1:
            guard let encoded = document.stringValue(at: node), isObject(encoded) else { return nil }
            return Fix(
                .safe, "write the metadata as the object the string holds", edits: [site.replacing(node, with: encoded)]
            )
        default:
            return nil
        }
    }

    /// Whether `text` is one JSON object.
    private static func isObject(_ text: String) -> Bool {
        let parser = JSONParser()
        return Array(text.utf8).withUnsafeBufferPointer { buffer in
            guard let document = try? parser.parse(buffer) else { return false }
            return document.root.kind == .object
        }
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample(
            ClassificationExamples.line(
                metadata: ClassificationExamples.metadata(confidence: #""0.9""#, humanAnnotated: "true")),
            ClassificationExamples.line(
                metadata: ClassificationExamples.metadata(confidence: "0.9", humanAnnotated: #""yes""#))),
        FixExample(
            ClassificationExamples.line(
                metadata: ClassificationExamples.metadata(className: "7", humanAnnotated: "false")),
            ClassificationExamples.line(
                metadata: ClassificationExamples.metadata(className: #""7""#, humanAnnotated: #""no""#))),
        FixExample(
            #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": "{\"confidence\": 1, "#
                + #"\"class-name\": \"cat\", \"human-annotated\": \"yes\", "#
                + #"\"creation-date\": \"2024-05-01T08:00:00\", \"type\": \"groundtruth/image-classification\"}"}"#,
            #"{"source-ref": "s3://bucket/a.jpg", "cat": 1, "cat-metadata": {"confidence": 1, "#
                + #""class-name": "cat", "human-annotated": "yes", "#
                + #""creation-date": "2024-05-01T08:00:00", "type": "groundtruth/image-classification"}}"#),
        FixExample(
            DetectionExamples.line(
                attribute: DetectionExamples.attribute(), metadata: DetectionExamples.metadata(classMap: #"{"0": 5}"#)),
            DetectionExamples.line(
                attribute: DetectionExamples.attribute(), metadata: DetectionExamples.metadata(classMap: #"{"0": "5"}"#)
            )),
    ]
}
