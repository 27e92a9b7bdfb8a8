/// One line per finding: `path:line:col: severity: [CODE] message (SERVICE_CODE)`.
///
/// The location drops `:col` for whole-line findings and `:line:col` for whole-file findings; the service
/// code in parentheses is left out where the rule predicts none.
public struct TextReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "text"
    /// Whether people read this format.
    public static let isHumanReadable = true

    /// Creates the reporter.
    public init() {}

    /// Renders one line per diagnostic.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += diagnostic.file
            if let line = diagnostic.line {
                output += ":\(line)"
                if let column = diagnostic.column { output += ":\(column)" }
            }
            output += ": \(diagnostic.severity.rawValue): [\(diagnostic.code)] \(diagnostic.message)"
            if let serviceCode = diagnostic.serviceCode { output += " (\(serviceCode.rawValue))" }
            output += "\n"
        }
        return output
    }
}
