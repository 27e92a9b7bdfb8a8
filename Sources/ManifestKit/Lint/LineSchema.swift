/// Schemas applied to each parsed line, and the rules that report their violations: the bundled and user
/// schemas of `lint` (``LineSchemaCheck``), or the one schema of `validate` (``WholeLineSchema``).
protocol LineSchema: AnyObject, Sendable {
    /// The rules that report this schema's violations.
    var rules: [RuleDescription] { get }
    /// Appends the violations of a parsed line: `document`, and `line`, its model, when the run reads
    /// manifest lines.
    func check(_ document: JSONDocument, line: ManifestLine?, into violations: inout [SchemaViolation])
    /// The rule that reports `violation`.
    func rule(for violation: SchemaViolation) -> RuleDescription
}
