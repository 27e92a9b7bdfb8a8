/// One JSON document: an array of the findings, each the same object as in `jsonl`.
public struct JSONReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "json"
    /// Whether people read this format.
    public static let isHumanReadable = false

    /// Creates the reporter.
    public init() {}

    /// Renders the array, one finding per line; `[]` when there is none.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        return "[\n" + diagnostics.map { "  " + JSONLinesReporter.object(for: $0) }.joined(separator: ",\n") + "\n]\n"
    }
}
