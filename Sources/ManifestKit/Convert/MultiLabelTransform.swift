/// Rewrites a SageMaker Ground Truth multi-label output manifest into the form the service reads.
///
/// Ground Truth writes `groundtruth/image-classification-multilabel`: an array of class ids with a
/// `class-map` and a `confidence-map`. The service reads one image-level attribute per label (`"LABEL": 1`
/// with its `-metadata` of type `groundtruth/image-classification`), as AWS's transform writes them; each
/// keeps its label's confidence and the `creation-date`, `human-annotated` and `job-name`. Every other member
/// of a line is kept as written, in place; lines without a multi-label attribute are kept whole. A class id
/// missing from the `class-map` is an error at its line and column.
public struct MultiLabelTransform {
    /// The manifest, as named in errors.
    public let path: String

    /// A transform of the manifest at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The rewritten manifest and what was done.
    public func run() throws(ConversionError) -> (text: String, report: ConversionReport) {
        let bytes = try InputFile.bytes(of: path)
        var report = ConversionReport()
        var output = ""
        let parser = JSONParser()
        try InputFile.forEachManifestLine(bytes) { number, content throws(ConversionError) in
            report.images += 1
            let rewritten = try content.withUnsafeBufferPointer { buffer throws(ConversionError) -> String in
                try rewrite(buffer, parser: parser, line: number, report: &report)
            }
            output += rewritten + "\n"
            report.lines += 1
        }
        return (output, report)
    }

    private func rewrite(
        _ buffer: UnsafeBufferPointer<UInt8>, parser: JSONParser, line: Int, report: inout ConversionReport
    ) throws(ConversionError) -> String {
        let document: JSONDocument
        do {
            document = try parser.parse(buffer)
        } catch {
            throw ConversionError(
                file: path, line: line, column: UTF8Validation.scalarCount(buffer, upTo: error.offset) + 1,
                message: error.message)
        }
        let text = String(decoding: buffer, as: UTF8.self)
        guard document.root.kind == .object else { return text }
        let root = JSONDocument.rootIndex
        let members = document.members(of: root)
        let multiLabel = Set(
            members.compactMap { member -> String? in
                let key = document.string(at: member.key)
                guard key.hasSuffix("-metadata"), document[member.value].kind == .object,
                    document.member("type", in: member.value).flatMap(document.stringValue(at:))
                        == "groundtruth/image-classification-multilabel"
                else { return nil }
                return String(key.dropLast("-metadata".count))
            })
        guard !multiLabel.isEmpty else { return text }
        var parts: [String] = []
        for member in members {
            let key = document.string(at: member.key)
            if multiLabel.contains(key) {
                let metadata = document.member(key + "-metadata", in: root) ?? member.value
                parts += try labels(of: member.value, metadata: metadata, document, line: line)
                report.multiLabelAttributes += 1
            } else if key.hasSuffix("-metadata"), multiLabel.contains(String(key.dropLast("-metadata".count))) {
                continue
            } else {
                parts.append(document.rawText(at: member.key) + ": " + document.rawText(at: member.value))
            }
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// The attributes of the labels of one multi-label attribute.
    private func labels(of value: Int, metadata: Int, _ document: JSONDocument, line: Int) throws(ConversionError)
        -> [String]
    {
        guard document[value].kind == .array, let classMap = document.member("class-map", in: metadata) else {
            throw failure("a multi-label attribute is a list of class ids with a class-map", value, document, line)
        }
        let confidences = document.member("confidence-map", in: metadata)
        let keep = ["job-name", "human-annotated", "creation-date"].compactMap { name in
            document.member(name, in: metadata).map { "\(JSONText.quoted(name)): \(document.rawText(at: $0))" }
        }
        var parts: [String] = []
        for id in document.elements(of: value) {
            let key = document.rawText(at: id)
            guard let nameNode = document.member(key, in: classMap), let name = document.stringValue(at: nameNode)
            else { throw failure("class id \(key) is not in the class-map", id, document, line) }
            let confidence = confidences.flatMap { document.member(key, in: $0) }.map(document.rawText(at:)) ?? "1"
            parts.append(JSONText.quoted(name) + ": 1")
            parts.append(
                JSONText.quoted(name + "-metadata") + ": {\"confidence\": \(confidence), \"class-name\": "
                    + JSONText.quoted(name) + ", \"type\": \"groundtruth/image-classification\""
                    + keep.map { ", " + $0 }.joined() + "}")
        }
        return parts
    }

    private func failure(_ message: String, _ node: Int, _ document: JSONDocument, _ line: Int) -> ConversionError {
        ConversionError(
            file: path, line: line,
            column: UTF8Validation.scalarCount(document.bytes, upTo: Int(document[node].start)) + 1, message: message)
    }
}
