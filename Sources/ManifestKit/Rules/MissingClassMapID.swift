/// Flags an annotation whose `class_id` has no entry in the metadata's `class-map`.
public struct MissingClassMapID: LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL302",
        name: "missing-class-map-id",
        mirrors: .missingClassMapID,
        severity: .error,
        summary: "an annotation's class_id is not a key of class-map",
        rationale: """
            Each box names its label through `class_id`, a key of the metadata's `class-map`. A class_id that \
            class-map lacks is ERROR_MISSING_CLASS_MAP_ID, which stops validation of the line.
            """,
        fix: "add the class_id to class-map with its label, or correct the class_id",
        errorScope: .labelAttribute,
        conditions: [
            "an integer class_id that class-map lacks",
            "a string class_id that class-map lacks",
        ],
        triggeringExamples: [
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[{"class_id": ↓3, "top": 1, "left": 2, "width": 9, "height": 9}]"#)),
                condition: "an integer class_id that class-map lacks"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[{"class_id": ↓64, "top": 1, "left": 2, "width": 9, "height": 9}]"#),
                    metadata: DetectionExamples.metadata(classMap: #"{"0": "dog", "6": "cat", "640": "owl"}"#)),
                condition: "an integer class_id that class-map lacks"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[{"class_id": ↓"5", "top": 1, "left": 2, "width": 9, "height": 9}]"#)),
                condition: "a string class_id that class-map lacks"),
        ],
        nonTriggeringExamples: [
            Example(
                DetectionExamples.line(attribute: DetectionExamples.attribute()),
                condition: "an integer class_id that class-map lacks"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations:
                            #"[{"class_id": 64, "top": 1, "left": 2, "width": 9, "height": 9}, {"class_id": 1.0, "top": 1, "left": 2, "width": 9, "height": 9}]"#
                    ),
                    metadata: DetectionExamples.metadata(
                        objects: #"[{"confidence": 1}, {"confidence": 1}]"#, classMap: #"{"1": "dog", "64": "cat"}"#)),
                condition: "an integer class_id that class-map lacks"),
            Example(
                DetectionExamples.line(
                    attribute: DetectionExamples.attribute(
                        annotations: #"[{"class_id": "0", "top": 1, "left": 2, "width": 9, "height": 9}]"#)),
                condition: "a string class_id that class-map lacks"),
        ]
    )

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        let document = line.document
        for box in line.boxes where box.classID >= 0 {
            let pair = line.pairs[box.pair]
            guard pair.classMap >= 0 else { continue }
            // Most class_ids are small integers that the bits of class-map's keys settle.
            let node = document[box.classID]
            if node.kind == .number, node.flags & JSONNode.isInteger != 0, node.end - node.start <= 2 {
                let digits = document.bytes[Int(node.start)..<Int(node.end)]
                let value = digits.reduce(0) { $0 * 10 + Int($1) - 48 }
                if digits.allSatisfy({ $0 &- 48 < 10 }), value < 64, pair.classMapIDs & (1 << UInt64(value)) != 0 {
                    continue
                }
            }
            let classMap = pair.classMap
            guard !hasKey(matching: box.classID, in: classMap, document) else { continue }
            switch document[box.classID].kind {
            case .string:
                findings.append(
                    LineFinding(
                        rule: description, node: box.classID,
                        message: "class_id '\(document.string(at: box.classID))' is not a key of class-map"))
            case .number:
                findings.append(
                    LineFinding(
                        rule: description, node: box.classID,
                        message: "class_id \(document.rawText(at: box.classID)) is not a key of class-map"))
            default:
                continue  // The schema reports a class_id of another type.
            }
        }
    }

    /// Whether `classMap` has a key spelling the class_id at `classID`: an integer's digits, or a string's text.
    private static func hasKey(matching classID: Int, in classMap: Int, _ document: JSONDocument) -> Bool {
        let node = document[classID]
        switch node.kind {
        case .number where node.flags & JSONNode.isInteger != 0:
            let digits = UnsafeBufferPointer(rebasing: document.bytes[Int(node.start)..<Int(node.end)])
            return document.children(of: classMap).contains { document.keyEquals($0, digits) }
        case .number:
            // 1.0 or 1e0: compare as numbers with each key that is an integer.
            guard let value = document.number(at: classID) else { return false }
            return document.children(of: classMap).contains { Double(document.string(at: $0)) == value }
        case .string:
            return document.children(of: classMap).contains { document.keysEqual($0, classID) }
        default:
            return true
        }
    }
}

extension MissingClassMapID: FixableRule {
    /// Only a person knows the class's name.
    static func fix(_ site: FixSite) -> Fix? {
        guard let node = site.node, let document = site.document else { return nil }
        return Fix(.displayOnly, "add \(document.rawText(at: node)) to class-map with the name of its class")
    }

    static let fixApplicabilities: [Fix.Applicability] = [.displayOnly]

    static let fixExamples: [FixExample] = []
}
