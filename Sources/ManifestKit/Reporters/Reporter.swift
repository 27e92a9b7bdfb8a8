/// Turns diagnostics into text in one output format.
public protocol Reporter: Sendable {
    /// The name users pass to `--format`.
    static var identifier: String { get }
    /// Whether people read this format (a summary then goes to standard error).
    static var isHumanReadable: Bool { get }
    /// The rendered report; empty when there are no diagnostics. Each diagnostic ends with a newline.
    func render(_ diagnostics: [Diagnostic]) -> String
}
