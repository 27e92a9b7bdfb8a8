/// Applies the schemas of `lint` to one parsed manifest line.
///
/// That is the line schema, each user schema, and every label attribute with its `-metadata`, by the
/// metadata's `type`. A violation is reported by the rule that claims its service code (a ``SchemaRule``),
/// else as CL501.
final class LineSchemaCheck: LineSchema {
    let schemas: ManifestSchemas
    private let validator: SchemaValidator

    init(schemas: ManifestSchemas) {
        self.schemas = schemas
        self.validator = SchemaValidator(schemas: schemas.set)
    }

    var rules: [RuleDescription] {
        RuleRegistry.schemaRules.map { $0.description }
    }

    func rule(for violation: SchemaViolation) -> RuleDescription {
        SchemaRules.rule(for: violation.serviceCode)
    }

    /// Appends the violations of the object line `line` to `violations`.
    func check(_ document: JSONDocument, line: ManifestLine?, into violations: inout [SchemaViolation]) {
        guard let line else { return }
        let root = JSONDocument.rootIndex
        validator.validate(document, node: root, against: schemas.line, into: &violations)
        for extra in schemas.extras {
            validator.validate(document, node: root, against: extra, into: &violations)
        }
        for pair in line.pairs where pair.attribute >= 0 {
            switch pair.useCase {
            case .detection:
                validator.validate(
                    document, node: pair.attribute, against: schemas.detectionAttribute, into: &violations)
                validator.validate(document, node: pair.metadata, against: schemas.detectionMetadata, into: &violations)
            case .classification:
                validator.validate(
                    document, node: pair.attribute, against: schemas.classificationAttribute, into: &violations)
                validator.validate(
                    document, node: pair.metadata, against: schemas.classificationMetadata, into: &violations)
            case .missingType:
                validator.validate(document, node: pair.metadata, against: schemas.metadataBase, into: &violations)
            case .unsupported:
                continue  // Reported by UnsupportedUseCaseType (CL204).
            case .metadataNotObject:
                continue  // Reported by InvalidLabelAttributeMetadataFormat (CL202), which says what it holds.
            }
        }
    }
}
