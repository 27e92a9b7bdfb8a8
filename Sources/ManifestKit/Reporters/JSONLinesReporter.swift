/// One JSON object per finding, with exactly the documented fields.
///
/// The fields, in this order: `file`, `line`, `column`, `code`, `name`, `serviceCode`, `severity`,
/// `message`, `pointer`, `sourceRef`. Absent values are `null`.
public struct JSONLinesReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "jsonl"
    /// Whether people read this format.
    public static let isHumanReadable = false

    /// Creates the reporter.
    public init() {}

    /// Renders one line per diagnostic.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += Self.object(for: diagnostic)
            output += "\n"
        }
        return output
    }

    /// The diagnostic as one compact JSON object.
    static func object(for diagnostic: Diagnostic) -> String {
        var output = "{\"file\":" + JSONText.quoted(diagnostic.file)
        output += ",\"line\":" + (diagnostic.line.map(String.init) ?? "null")
        output += ",\"column\":" + (diagnostic.column.map(String.init) ?? "null")
        output += ",\"code\":" + JSONText.quoted(diagnostic.code)
        output += ",\"name\":" + JSONText.quoted(diagnostic.name)
        output += ",\"serviceCode\":" + (diagnostic.serviceCode.map { JSONText.quoted($0.rawValue) } ?? "null")
        output += ",\"severity\":" + JSONText.quoted(diagnostic.severity.rawValue)
        output += ",\"message\":" + JSONText.quoted(diagnostic.message)
        output += ",\"pointer\":" + (diagnostic.pointer.map(JSONText.quoted) ?? "null")
        output += ",\"sourceRef\":" + (diagnostic.sourceRef.map(JSONText.quoted) ?? "null")
        output += ",\"fix\":" + (diagnostic.fix.map(object(for:)) ?? "null")
        output += "}"
        return output
    }

    /// The `fix` field: applicability, message and edits.
    static func object(for fix: Fix) -> String {
        var output = "{\"applicability\":" + JSONText.quoted(fix.applicability.rawValue)
        output += ",\"message\":" + JSONText.quoted(fix.message) + ",\"edits\":["
        output += fix.edits.map { edit in
            "{\"line\":\(edit.line),\"column\":\(edit.column),\"endLine\":\(edit.endLine),"
                + "\"endColumn\":\(edit.endColumn),\"content\":\(JSONText.quoted(edit.content))}"
        }.joined(separator: ",")
        return output + "]}"
    }
}
