/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which GitHub shows as
/// annotations on the pull request.
///
/// Values are escaped as `@actions/core` escapes them: `%`, CR and LF in the message, and also `:` and `,`
/// in properties such as `file=`. GitHub shows at most 10 errors, 10 warnings and 10 notices a step; when
/// there are more, a closing line says how many were not annotated.
public struct GitHubReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "github"
    /// Whether people read this format.
    public static let isHumanReadable = false
    /// The annotations of each kind GitHub shows per step.
    public static let shownPerKind = 10

    /// Creates the reporter.
    public init() {}

    /// Renders one workflow command per diagnostic, then the note about hidden annotations, if any.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics {
            let command = Self.command(for: diagnostic.severity)
            counts[command, default: 0] += 1
            var properties = ["file=" + Self.escapeProperty(diagnostic.file)]
            if let line = diagnostic.line {
                properties.append("line=\(line)")
                if let column = diagnostic.column { properties.append("col=\(column)") }
            }
            properties.append("title=" + Self.escapeProperty("\(diagnostic.code) \(diagnostic.name)"))
            var message = diagnostic.message
            if let serviceCode = diagnostic.serviceCode, serviceCode.rawValue != diagnostic.code {
                message += " (\(serviceCode.rawValue))"
            }
            if let help = diagnostic.help { message += "\nhelp: \(help)" }
            if let fix = diagnostic.fix { message += "\nfix (\(fix.applicability.rawValue)): \(fix.message)" }
            output += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        let hidden = counts.values.reduce(0) { $0 + max(0, $1 - Self.shownPerKind) }
        if hidden > 0 {
            output +=
                "clmanifest: \(hidden) of \(diagnostics.count) findings are beyond GitHub's limit of "
                + "\(Self.shownPerKind) annotations of each kind a step and are not annotated; the log above and "
                + "`--format text` or `sarif` have them all\n"
        }
        return output
    }

    private static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// `%`, CR and LF escaped, as for a command's message.
    static func escapeData(_ text: String) -> String {
        var output = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// ``escapeData(_:)`` plus `:` and `,`, as for a property value.
    static func escapeProperty(_ text: String) -> String {
        var output = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}
