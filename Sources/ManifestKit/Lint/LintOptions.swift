/// Limits and switches for a lint run.
public struct LintOptions: Sendable {
    /// The longest line the service accepts, in characters (Unicode scalar values).
    public var maxLineCharacters = 100_000
    /// The deepest nesting the parser accepts.
    public var maxDepth = 512
    /// The longest line kept in memory, in bytes; longer lines are measured, reported and skipped.
    public var maxLineBytes = JSONLinesReader.defaultMaxLineBytes

    /// Creates options with the defaults.
    public init() {}
}
