/// Applies the schemas to one parsed manifest line: the line schema, each user schema, and every label
/// attribute with its `-metadata`, by the metadata's `type`.
struct LineSchemaCheck: Sendable {
    let schemas: ManifestSchemas
    private let validator: SchemaValidator

    private static let metadataSuffix = Array("-metadata".utf8)
    private static let typeKey = Array("type".utf8)
    /// `source-ref-metadata` (video and point-cloud jobs) does not make `source-ref` a label attribute.
    private static let sourceRef = Array("source-ref".utf8)
    private static let classificationType = Array("groundtruth/image-classification".utf8)
    private static let detectionType = Array("groundtruth/object-detection".utf8)

    init(schemas: ManifestSchemas) {
        self.schemas = schemas
        self.validator = SchemaValidator(schemas: schemas.set)
    }

    /// Appends the violations of the object line `document` to `violations`.
    func check(_ document: JSONDocument, into violations: inout [SchemaViolation]) {
        let root = JSONDocument.rootIndex
        validator.validate(document, node: root, against: schemas.line, into: &violations)
        for extra in schemas.extras {
            validator.validate(document, node: root, against: extra, into: &violations)
        }
        var member = root + 1
        let end = Int(document[root].next)
        while member < end {
            let metadata = member + 1
            if document[metadata].kind == .object, let attribute = attribute(named: member, in: document) {
                checkPair(document, attribute: attribute, metadata: metadata, into: &violations)
            }
            member = Int(document[metadata].next)
        }
    }

    /// The attribute `X` paired with the key at `key` when that key is `X-metadata` (and `X` is not
    /// `source-ref`); reads the key's bytes in place unless it has escapes.
    private func attribute(named key: Int, in document: JSONDocument) -> Int? {
        let node = document[key]
        let suffixCount = Self.metadataSuffix.count
        guard Int(node.end - node.start) - 2 > suffixCount else { return nil }
        if node.flags & JSONNode.hasEscapes != 0 {
            let bytes = document.stringBytes(at: key)
            guard bytes.count > suffixCount, bytes.suffix(suffixCount).elementsEqual(Self.metadataSuffix) else {
                return nil
            }
            let name = Array(bytes.dropLast(suffixCount))
            return name == Self.sourceRef ? nil : document.member(utf8: name, in: JSONDocument.rootIndex)
        }
        let content = UnsafeBufferPointer(rebasing: document.bytes[Int(node.start) + 1..<Int(node.end) - 1])
        let name = UnsafeBufferPointer(rebasing: content.dropLast(suffixCount))
        guard let base = content.baseAddress,
            Self.metadataSuffix.withUnsafeBufferPointer({
                JSONDocument.bytesEqual(base + name.count, $0.baseAddress.unsafelyUnwrapped, suffixCount)
            })
        else { return nil }
        return name.elementsEqual(Self.sourceRef) ? nil : document.member(bytes: name, in: JSONDocument.rootIndex)
    }

    private func checkPair(
        _ document: JSONDocument, attribute: Int, metadata: Int, into violations: inout [SchemaViolation]
    ) {
        guard let type = document.member(utf8: Self.typeKey, in: metadata), document[type].kind == .string else {
            validator.validate(document, node: metadata, against: schemas.metadataBase, into: &violations)
            return
        }
        if Self.detectionType.withUnsafeBufferPointer({ document.keyEquals(type, $0) }) {
            validator.validate(document, node: attribute, against: schemas.detectionAttribute, into: &violations)
            validator.validate(document, node: metadata, against: schemas.detectionMetadata, into: &violations)
        } else if Self.classificationType.withUnsafeBufferPointer({ document.keyEquals(type, $0) }) {
            validator.validate(document, node: attribute, against: schemas.classificationAttribute, into: &violations)
            validator.validate(document, node: metadata, against: schemas.classificationMetadata, into: &violations)
        }
        // Other types have no bundled schema; reporting them is left to the rule catalogue (issue 4).
    }
}
