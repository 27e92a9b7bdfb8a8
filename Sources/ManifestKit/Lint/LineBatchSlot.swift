/// One line's place in a ``LineChecker`` batch: its parser (whose document lives until the batch is done),
/// its line model, and what the stages found.
final class LineBatchSlot {
    /// How far the stages took a line.
    enum Parsed {
        /// Not parsed: too long to read, or blank.
        case skipped
        case document(JSONDocument)
        case failed(JSONSyntaxError)
    }

    let parser: JSONParser
    let model: ManifestLine
    // Used by one thread at a time (the checker's).
    @exclusivity(unchecked) var parsed = Parsed.skipped
    @exclusivity(unchecked) var violations: [SchemaViolation] = []
    @exclusivity(unchecked) var findings: [LineFinding] = []

    init(options: LintOptions) {
        parser = JSONParser(maxDepth: options.maxDepth)
        model = ManifestLine(options: options)
    }
}
