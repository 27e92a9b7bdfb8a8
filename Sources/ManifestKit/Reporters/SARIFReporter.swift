/// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
///
/// Every rule is listed with its help text. Each result has a `partialFingerprints` entry computed from
/// the line's `source-ref`, the rule and the JSON Pointer, not from the line number, so an alert survives
/// the manifest being sorted or regenerated. Columns count Unicode code points (`columnKind`).
public struct SARIFReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "sarif"
    /// Whether people read this format.
    public static let isHumanReadable = false
    /// The `partialFingerprints` key; its version changes if the way it is computed does.
    public static let fingerprintKey = "sourceRefRulePointer/v1"

    /// The tool version written into the report.
    public var version: String

    /// Creates the reporter.
    public init(version: String = ClmanifestVersion.number) {
        self.version = version
    }

    /// Renders one SARIF log with one run.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        render(diagnostics, context: ReportContext())
    }

    /// Renders one SARIF log with one run and its invocation: `executionSuccessful` is false, with an error
    /// notification per file, when a file could not be read.
    public func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let rules = RuleRegistry.all.map { $0.description }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        var output = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        output += "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
        output += "      \"tool\": {\n        \"driver\": {\n          \"name\": \"clmanifest\",\n"
        output += "          \"version\": \(JSONText.quoted(version)),\n"
        output += "          \"rules\": [\n"
        output += rules.map { "            " + Self.rule($0) }.joined(separator: ",\n")
        output += "\n          ]\n        }\n      },\n"
        output += "      \"invocations\": [{\"executionSuccessful\": \(context.failures.isEmpty)"
        if !context.failures.isEmpty {
            output += ", \"toolExecutionNotifications\": ["
            output += context.failures.map { failure in
                "{\"level\": \"error\", \"message\": {\"text\": \(JSONText.quoted(failure.message))}, "
                    + "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
                    + "\(JSONText.quoted(Self.uri(failure.file)))}}}]}"
            }.joined(separator: ", ")
            output += "]"
        }
        output += "}],\n"
        output += "      \"columnKind\": \"unicodeCodePoints\",\n"
        output += "      \"results\": ["
        output +=
            diagnostics.isEmpty
            ? "]\n"
            : "\n"
                + diagnostics.map { diagnostic in
                    "        " + Self.result(diagnostic, ruleIndex: ruleIndex[diagnostic.code])
                }.joined(separator: ",\n") + "\n      ]\n"
        output += "    }\n  ]\n}\n"
        return output
    }

    private static func rule(_ rule: RuleDescription) -> String {
        var text = "{\"id\": \(JSONText.quoted(rule.code)), \"name\": \(JSONText.quoted(rule.name)), "
        text += "\"shortDescription\": {\"text\": \(JSONText.quoted(rule.summary))}, "
        text += "\"fullDescription\": {\"text\": \(JSONText.quoted(rule.rationale))}, "
        text += "\"help\": {\"text\": \(JSONText.quoted("Fix: \(rule.fix).")), "
        text += "\"markdown\": \(JSONText.quoted("**Fix:** \(rule.fix).\n\n\(rule.rationale)"))}, "
        text += "\"defaultConfiguration\": {\"level\": \(JSONText.quoted(level(rule.severity)))}, "
        text += "\"properties\": {\"serviceCode\": \(rule.mirrors.map { JSONText.quoted($0.rawValue) } ?? "null")}}"
        return text
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int?) -> String {
        var text = "{\"ruleId\": \(JSONText.quoted(diagnostic.code)), "
        if let ruleIndex { text += "\"ruleIndex\": \(ruleIndex), " }
        text += "\"level\": \(JSONText.quoted(level(diagnostic.severity))), "
        var message = diagnostic.message
        if let serviceCode = diagnostic.serviceCode, serviceCode.rawValue != diagnostic.code {
            message += " (\(serviceCode.rawValue))"
        }
        text += "\"message\": {\"text\": \(JSONText.quoted(message))}, "
        var region = ""
        if let line = diagnostic.line {
            region = ", \"region\": {\"startLine\": \(line)"
            if let column = diagnostic.column { region += ", \"startColumn\": \(column)" }
            region += "}"
        }
        text += "\"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
        text += "\(JSONText.quoted(uri(diagnostic.file)))}\(region)}}], "
        text +=
            "\"partialFingerprints\": {\(JSONText.quoted(fingerprintKey)): \(JSONText.quoted(fingerprint(diagnostic)))}, "
        if let fix = diagnostic.fix, !fix.edits.isEmpty {
            text += "\"fixes\": [\(Self.fix(fix, file: diagnostic.file))], "
        }
        text +=
            "\"properties\": {\"serviceCode\": \(diagnostic.serviceCode.map { JSONText.quoted($0.rawValue) } ?? "null"), "
        text += "\"pointer\": \(diagnostic.pointer.map(JSONText.quoted) ?? "null"), "
        text += "\"sourceRef\": \(diagnostic.sourceRef.map(JSONText.quoted) ?? "null")}}"
        return text
    }

    /// A SARIF `fix`: its description and the replacements in the finding's file.
    ///
    /// The byte order mark (column 0) is a byte region, as SARIF columns start at 1.
    private static func fix(_ fix: Fix, file: String) -> String {
        let replacements = fix.edits.map { edit in
            let region =
                edit.column == 0
                ? "{\"byteOffset\": 0, \"byteLength\": 3}"
                : "{\"startLine\": \(edit.line), \"startColumn\": \(edit.column), \"endLine\": \(edit.endLine), "
                    + "\"endColumn\": \(edit.endColumn)}"
            return "{\"deletedRegion\": \(region), \"insertedContent\": {\"text\": \(JSONText.quoted(edit.content))}}"
        }
        return "{\"description\": {\"text\": \(JSONText.quoted("\(fix.message) (\(fix.applicability.rawValue))"))}, "
            + "\"artifactChanges\": [{\"artifactLocation\": {\"uri\": \(JSONText.quoted(uri(file)))}, "
            + "\"replacements\": [\(replacements.joined(separator: ", "))]}]}"
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The file as a relative URI reference: path separators kept, other reserved characters escaped.
    private static func uri(_ file: String) -> String {
        PercentEncoding.encode(file, keepingSlash: true)
    }

    /// FNV-1a (64 bits) of the source-ref (or, without one, the file and line), the rule and the pointer.
    static func fingerprint(_ diagnostic: Diagnostic) -> String {
        let anchor = diagnostic.sourceRef ?? "\(diagnostic.file):\(diagnostic.line.map(String.init) ?? "")"
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(anchor)\u{0}\(diagnostic.code)\u{0}\(diagnostic.pointer ?? "")".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
