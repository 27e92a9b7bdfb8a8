/// The rule catalogue as text: the table of `clmanifest rules`, the page of `clmanifest explain`, and
/// `docs/rules.md`, all from the rules' own descriptions.
public enum RuleDocumentation {
    /// The rule with code `code` (such as `CL303`, any case) or name `code` (such as `invalid-bounding-box`).
    public static func rule(named code: String) -> RuleDescription? {
        let wanted = code.uppercased()
        return RuleRegistry.all.map { $0.description }.first { $0.code == wanted || $0.name == code.lowercased() }
    }

    /// A plain-text table: code, name, severity, service code, fix, summary.
    public static func table() -> String {
        let rows = RuleRegistry.all.map { rule -> [String] in
            let description = rule.description
            return [
                description.code, description.name, description.severity.rawValue,
                description.mirrors?.rawValue ?? "—", fixes(of: description.code), description.summary,
            ]
        }
        let header = ["CODE", "NAME", "SEVERITY", "SERVICE CODE", "FIX", "SUMMARY"]
        let widths = (0..<5).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            (0..<5).map { row[$0].padding(to: widths[$0]) }.joined(separator: "  ") + "  " + row[5]
        }.joined(separator: "\n") + "\n"
    }

    /// The kinds of fix the rule with `code` offers, such as `safe` or `unsafe, display-only`; `—` for none.
    public static func fixes(of code: String) -> String {
        guard let rule = RuleRegistry.fixingRules.first(where: { $0.description.code == code }) else { return "—" }
        return rule.fixApplicabilities.map(\.rawValue).joined(separator: ", ")
    }

    /// The rule's fix examples as (before, after) text, for the documentation.
    public static func fixExamples(of code: String) -> [(before: String, after: String)] {
        RuleRegistry.fixingRules.first { $0.description.code == code }?.fixExamples.map { ($0.before, $0.after) } ?? []
    }

    /// Everything about one rule, for `clmanifest explain`.
    public static func explanation(of description: RuleDescription) -> String {
        var text = "\(description.code) \(description.name) (\(description.severity.rawValue))\n"
        if let mirrors = description.mirrors { text += "Service code: \(mirrors.rawValue)\n" }
        text += "\n\(sentence(description.summary))\n\n\(description.rationale)\n\nFix: \(description.fix).\n"
        if fixes(of: description.code) != "—" {
            text += "Fixable: \(fixes(of: description.code)) (clmanifest fix; unsafe fixes with --unsafe-fixes).\n"
        }
        text += "\nReported when:\n" + description.conditions.map { "  - \($0)\n" }.joined()
        if let example = description.triggeringExamples.first, example.bytes.count <= 2_000 {
            text +=
                "\nExample (reported):\n    \(example.text.replacing("↓", with: "").replacing("\n", with: "\n    "))\n"
            if let test = example.test {
                text +=
                    "  with the test manifest\n    \(test.replacing("↓", with: "").replacing("\n", with: "\n    "))\n"
            }
        }
        if let example = description.nonTriggeringExamples.first, example.bytes.count <= 2_000 {
            text += "\nExample (fine):\n    \(example.text.replacing("\n", with: "\n    "))\n"
            if let test = example.test {
                text += "  with the test manifest\n    \(test.replacing("\n", with: "\n    "))\n"
            }
        }
        if let (before, after) = fixExamples(of: description.code).first {
            text += "\nFixed:\n    \(before.replacing("\n", with: "\n    "))\n"
            text += "  becomes\n    \(after.replacing("\n", with: "\n    "))\n"
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

            | code | name | severity | service code | fix | summary |
            |---|---|---|---|---|---|

            """
        for rule in RuleRegistry.all {
            let description = rule.description
            text += "| [\(description.code)](#\(description.code.lowercased())) | \(description.name) | "
            text += "\(description.severity.rawValue) | \(description.mirrors.map { "`\($0.rawValue)`" } ?? "—") | "
            text += "\(fixes(of: description.code)) | \(description.summary) |\n"
        }
        for rule in RuleRegistry.all {
            let description = rule.description
            text += "\n## \(description.code)\n\n"
            text += "`\(description.name)` · \(description.severity.rawValue)"
            if let mirrors = description.mirrors { text += " · `\(mirrors.rawValue)`" }
            text += "\n\n\(sentence(description.summary))\n\n"
            text += "\(description.rationale)\n\n**Fix:** \(description.fix).\n"
            if fixes(of: description.code) != "—" {
                text += "\n**Fixable** by `clmanifest fix`: \(fixes(of: description.code)).\n"
            }
            text += "\nReported when (each with an example that meets it and a near miss, run as tests):\n\n"
            text += description.conditions.map { "- \($0)\n" }.joined()
            if let example = description.triggeringExamples.first, example.bytes.count <= 2_000 {
                text += "\nReported (at `↓`):\n\n```json\n\(example.text.trimmingSuffix("\n"))\n```\n"
                if let test = example.test {
                    text += "\nwith the test manifest (`--test`):\n\n```json\n\(test.trimmingSuffix("\n"))\n```\n"
                }
            }
            for (before, after) in fixExamples(of: description.code) {
                text += "\nFixed (run as a test):\n\n```diff\n"
                text += before.split(separator: "\n", omittingEmptySubsequences: false).map { "- \($0)\n" }.joined()
                text += after.split(separator: "\n", omittingEmptySubsequences: false).map { "+ \($0)\n" }.joined()
                text += "```\n"
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
