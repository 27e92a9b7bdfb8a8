/// JUnit XML, as CI systems read test results: a test suite per file, a test case per finding (failing when the
/// finding fails the run), one passing test case for a clean file.
public struct JUnitReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "junit"
    /// Whether people read this format.
    public static let isHumanReadable = false

    /// Creates the reporter.
    public init() {}

    /// Renders the findings alone: a test suite per file that has findings (no file list is known).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        render(diagnostics, context: ReportContext())
    }

    /// Renders one document: a test suite per file checked, with a failing test case per error finding
    /// (per warning too when `strict`, as the exit code), a passing test case per other finding (its text in
    /// `system-out`), one passing test case for a file without findings, and an erroring one for a file that
    /// could not be read.
    public func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var files = context.files
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            if byFile[diagnostic.file] == nil, !files.contains(diagnostic.file) { files.append(diagnostic.file) }
            byFile[diagnostic.file, default: []].append(diagnostic)
        }
        let fails = { (finding: Diagnostic) in
            finding.severity == .error || (context.strict && finding.severity == .warning)
        }
        var suites = ""
        var (tests, failures, errors) = (0, 0, 0)
        for file in files {
            let findings = byFile[file] ?? []
            let failing = findings.count(where: fails)
            let cases = max(1, findings.count)
            tests += cases
            failures += failing
            suites +=
                "  <testsuite name=\(Self.attribute(file)) tests=\"\(cases)\" failures=\"\(failing)\" errors=\"0\">\n"
            if findings.isEmpty {
                suites += "    <testcase name=\"no findings\" classname=\(Self.attribute(file))/>\n"
            }
            for finding in findings {
                var location = file
                if let line = finding.line { location += ":\(line)" + (finding.column.map { ":\($0)" } ?? "") }
                suites += "    <testcase name=\(Self.attribute("\(finding.code) \(finding.name) at \(location)")) "
                suites += "classname=\(Self.attribute(file))>\n"
                var text = finding.message
                if let serviceCode = finding.serviceCode, serviceCode.rawValue != finding.code {
                    text += " (\(serviceCode.rawValue))"
                }
                if let help = finding.help { text += "\nhelp: \(help)" }
                if let fix = finding.fix { text += "\nfix (\(fix.applicability.rawValue)): \(fix.message)" }
                if fails(finding) {
                    suites += "      <failure message=\(Self.attribute(finding.message)) "
                    suites += "type=\(Self.attribute(finding.severity.rawValue))>\(Self.escape(text))</failure>\n"
                } else {
                    suites += "      <system-out>\(Self.escape("\(finding.severity.rawValue): \(text)"))</system-out>\n"
                }
                suites += "    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        for failure in context.failures {
            tests += 1
            errors += 1
            suites += "  <testsuite name=\(Self.attribute(failure.file)) tests=\"1\" failures=\"0\" errors=\"1\">\n"
            suites += "    <testcase name=\"read\" classname=\(Self.attribute(failure.file))>\n"
            suites += "      <error message=\(Self.attribute(failure.message)) type=\"unreadable\">"
            suites += "\(Self.escape(failure.message))</error>\n    </testcase>\n  </testsuite>\n"
        }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"clmanifest\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        output += suites
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
