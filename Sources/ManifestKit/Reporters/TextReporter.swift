/// One line per finding: `path:line:col: severity: [CODE] message (SERVICE_CODE)`.
///
/// `[CODE] [*] message` marks a finding `clmanifest fix` would mend: a safe fix, or an unsafe one when
/// unsafe fixes are on (``marksUnsafeFixes``), as ruff marks them.
///
/// The location drops `:col` for whole-line findings and `:line:col` for whole-file findings; the service
/// code in parentheses is left out where the rule predicts none.
public struct TextReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "text"
    /// Whether people read this format.
    public static let isHumanReadable = true

    /// Whether to colour the output with ANSI escapes (severity and code).
    public var color: Bool

    /// Whether findings with an unsafe fix are marked too (`--unsafe-fixes`).
    public var marksUnsafeFixes: Bool

    /// Creates the reporter.
    public init(color: Bool = false, marksUnsafeFixes: Bool = false) {
        self.color = color
        self.marksUnsafeFixes = marksUnsafeFixes
    }

    /// Whether `diagnostic` gets the `[*]` mark.
    func isMarked(_ diagnostic: Diagnostic) -> Bool {
        guard let fix = diagnostic.fix, !fix.edits.isEmpty else { return false }
        return fix.applicability == .safe || (marksUnsafeFixes && fix.applicability == .unsafe)
    }

    /// Renders one line per diagnostic.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += diagnostic.file
            if let line = diagnostic.line {
                output += ":\(line)"
                if let column = diagnostic.column { output += ":\(column)" }
            }
            output += ": \(paint(diagnostic.severity.rawValue, Self.colors[diagnostic.severity] ?? ""))"
            output += ": [\(paint(diagnostic.code, "1"))] "
            if isMarked(diagnostic) { output += "[*] " }
            output += diagnostic.message
            if let serviceCode = diagnostic.serviceCode, serviceCode.rawValue != diagnostic.code {
                output += " (\(serviceCode.rawValue))"
            }
            output += "\n"
        }
        return output
    }

    /// SGR codes: bold red errors, bold yellow warnings, bold cyan info.
    private static let colors: [Severity: String] = [.error: "1;31", .warning: "1;33", .info: "1;36"]

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
