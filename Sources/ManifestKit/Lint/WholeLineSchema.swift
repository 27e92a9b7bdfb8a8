/// The schema of `clmanifest validate`: applied to each whole line, whatever JSON value it holds, its
/// violations reported as CL501.
final class WholeLineSchema: LineSchema {
    private let validator: SchemaValidator
    private let entry: SchemaReference

    /// Validates each line against `entry` of the compiled `schemas`.
    init(_ schemas: SchemaSet, entry: SchemaReference) {
        validator = SchemaValidator(schemas: schemas)
        self.entry = entry
    }

    var rules: [RuleDescription] { [SchemaViolationRule.description] }

    func check(_ document: JSONDocument, line: ManifestLine?, into violations: inout [SchemaViolation]) {
        validator.validate(document, node: JSONDocument.rootIndex, against: entry, into: &violations)
    }

    func rule(for violation: SchemaViolation) -> RuleDescription {
        SchemaViolationRule.description
    }
}
