/// The rule catalogue as text: the table of `clmanifest rules`, the page of `clmanifest explain`, and
/// `docs/rules.md`, all from the rules' own descriptions.
public enum RuleDocumentation {
    /// The rule with code `code` (such as `CL303`, any case) or name `code` (such as `invalid-bounding-box`).
    public static func rule(named code: String) -> RuleDescription? {
        let wanted = code.uppercased()
        return RuleRegistry.all.map { $0.description }.first { $0.code == wanted || $0.name == code.lowercased() }
    }

    /// A plain-text table: code, name, severity, service code, summary.
    public static func table() -> String {
        let rows = RuleRegistry.all.map { rule -> [String] in
            let description = rule.description
            return [
                description.code, description.name, description.severity.rawValue,
                description.mirrors?.rawValue ?? "—", description.summary,
            ]
        }
        let header = ["CODE", "NAME", "SEVERITY", "SERVICE CODE", "SUMMARY"]
        let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            (0..<4).map { row[$0].padding(to: widths[$0]) }.joined(separator: "  ") + "  " + row[4]
        }.joined(separator: "\n") + "\n"
    }

    /// Everything about one rule, for `clmanifest explain`.
    public static func explanation(of description: RuleDescription) -> String {
        var text = "\(description.code) \(description.name) (\(description.severity.rawValue))\n"
        if let mirrors = description.mirrors { text += "Service code: \(mirrors.rawValue)\n" }
        text += "\n\(sentence(description.summary))\n\n\(description.rationale)\n\nFix: \(description.fix).\n"
        text += "\nReported when:\n" + description.conditions.map { "  - \($0)\n" }.joined()
        if let example = description.triggeringExamples.first, example.bytes.count <= 2_000 {
            text +=
                "\nExample (reported):\n    \(example.text.replacing("↓", with: "").replacing("\n", with: "\n    "))\n"
        }
        if let example = description.nonTriggeringExamples.first, example.bytes.count <= 2_000 {
            text += "\nExample (fine):\n    \(example.text.replacing("\n", with: "\n    "))\n"
        }
        return text
    }

    /// `docs/rules.md`: the table, then a section per rule.
    public static func markdown() -> String {
        var text = """
            # Rules

            Generated from the rule descriptions in `Sources/ManifestKit/Rules/` (`clmanifest rules`, \
            `clmanifest explain CODE`); a test fails when this file is stale. Regenerate with \
            `UPDATE_GENERATED=1 swift test --filter RuleDocumentationTests`.

            | code | name | severity | service code | summary |
            |---|---|---|---|---|

            """
        for rule in RuleRegistry.all {
            let description = rule.description
            text += "| [\(description.code)](#\(description.code.lowercased())) | \(description.name) | "
            text += "\(description.severity.rawValue) | \(description.mirrors.map { "`\($0.rawValue)`" } ?? "—") | "
            text += "\(description.summary) |\n"
        }
        for rule in RuleRegistry.all {
            let description = rule.description
            text += "\n## \(description.code)\n\n"
            text += "`\(description.name)` · \(description.severity.rawValue)"
            if let mirrors = description.mirrors { text += " · `\(mirrors.rawValue)`" }
            text += "\n\n\(sentence(description.summary))\n\n"
            text += "\(description.rationale)\n\n**Fix:** \(description.fix).\n"
            text += "\nReported when (each with an example that meets it and a near miss, run as tests):\n\n"
            text += description.conditions.map { "- \($0)\n" }.joined()
            if let example = description.triggeringExamples.first, example.bytes.count <= 2_000 {
                text += "\nReported (at `↓`):\n\n```json\n\(example.text.trimmingSuffix("\n"))\n```\n"
            }
        }
        return text
    }
}

/// `summary` as a sentence: capitalised, with a final period.
private func sentence(_ summary: String) -> String {
    summary.prefix(1).uppercased() + summary.dropFirst() + "."
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func trimmingSuffix(_ suffix: Character) -> String {
        var text = self
        while text.last == suffix { text.removeLast() }
        return text
    }
}
