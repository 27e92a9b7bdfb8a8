/// JUnit XML, as CI systems read test results: a test suite per file, a failing test case per finding.
public struct JUnitReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "junit"
    /// Whether people read this format.
    public static let isHumanReadable = false

    /// Creates the reporter.
    public init() {}

    /// Renders one document; a file without findings does not appear (it was not given any).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var files: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            if byFile[diagnostic.file] == nil { files.append(diagnostic.file) }
            byFile[diagnostic.file, default: []].append(diagnostic)
        }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"clmanifest\" tests=\"\(diagnostics.count)\" failures=\"\(diagnostics.count)\">\n"
        for file in files {
            let findings = byFile[file] ?? []
            output += "  <testsuite name=\(Self.attribute(file)) tests=\"\(findings.count)\" "
            output += "failures=\"\(findings.count)\">\n"
            for finding in findings {
                var location = file
                if let line = finding.line { location += ":\(line)" + (finding.column.map { ":\($0)" } ?? "") }
                output += "    <testcase name=\(Self.attribute("\(finding.code) \(finding.name) at \(location)")) "
                output += "classname=\(Self.attribute(file))>\n"
                var text = finding.message
                if let serviceCode = finding.serviceCode { text += " (\(serviceCode.rawValue))" }
                if let help = finding.help { text += "\nhelp: \(help)" }
                output += "      <failure message=\(Self.attribute(finding.message)) "
                output += "type=\(Self.attribute(finding.severity.rawValue))>\(Self.escape(text))</failure>\n"
                output += "    </testcase>\n"
            }
            output += "  </testsuite>\n"
        }
        output += "</testsuites>\n"
        return output
    }

    /// `text` quoted as an XML attribute value.
    private static func attribute(_ text: String) -> String {
        "\"" + escape(text).replacing("\"", with: "&quot;") + "\""
    }

    /// `text` with `&`, `<` and `>` escaped, and characters XML 1.0 forbids replaced by U+FFFD.
    private static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default: output.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0xFFFE ? "\u{FFFD}" : scalar)
            }
        }
        return output
    }
}
