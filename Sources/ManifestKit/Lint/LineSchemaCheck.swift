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
            if document[metadata].kind == .object {
                let key = document.stringBytes(at: member)
                let name = Array(key.dropLast(Self.metadataSuffix.count))
                if key.count > Self.metadataSuffix.count,
                    key.suffix(Self.metadataSuffix.count).elementsEqual(Self.metadataSuffix),
                    name != Self.sourceRef, let attribute = document.member(utf8: name, in: root)
                {
                    checkPair(document, attribute: attribute, metadata: metadata, into: &violations)
                }
            }
            member = Int(document[metadata].next)
        }
    }

    private func checkPair(
        _ document: JSONDocument, attribute: Int, metadata: Int, into violations: inout [SchemaViolation]
    ) {
        guard let type = document.member(utf8: Self.typeKey, in: metadata), document[type].kind == .string else {
            validator.validate(document, node: metadata, against: schemas.metadataBase, into: &violations)
            return
        }
        let typeName = document.stringBytes(at: type)
        if typeName == Self.detectionType {
            validator.validate(document, node: attribute, against: schemas.detectionAttribute, into: &violations)
            validator.validate(document, node: metadata, against: schemas.detectionMetadata, into: &violations)
        } else if typeName == Self.classificationType {
            validator.validate(document, node: attribute, against: schemas.classificationAttribute, into: &violations)
            validator.validate(document, node: metadata, against: schemas.classificationMetadata, into: &violations)
        }
        // Other types are reported by the unsupported-type rule, not here.
    }
}
