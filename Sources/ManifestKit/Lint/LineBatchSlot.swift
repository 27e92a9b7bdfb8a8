/// One line's place in a ``LineChecker`` batch: its parser (whose document lives until the batch is done),
/// its line model, and what the stages found.
final class LineBatchSlot {
    let parser: JSONParser
    let model: ManifestLine
    // Used by one thread at a time (the checker's).
    @exclusivity(unchecked) var parsed = ParsedLine.notParsed
    /// Whether the line is a manifest object, loaded into ``model``.
    @exclusivity(unchecked) var isManifestObject = false
    @exclusivity(unchecked) var violations: [SchemaViolation] = []
    @exclusivity(unchecked) var findings: [LineFinding] = []

    init(options: LintOptions) {
        parser = JSONParser(maxDepth: options.maxDepth)
        model = ManifestLine(options: options)
    }
}
