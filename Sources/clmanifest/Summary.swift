import ManifestKit

/// The one-line count printed to standard error after a human-readable report.
struct Summary {
    let diagnostics: [Diagnostic]
    let files: Int

    var text: String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let infos = diagnostics.count - errors - warnings
        let fileText = Self.plural(files, "file")
        guard !diagnostics.isEmpty else { return "No problems found in \(fileText)." }
        var parts = [Self.plural(errors, "error"), Self.plural(warnings, "warning")]
        if infos > 0 { parts.append("\(infos) info") }
        return "Found \(parts.joined(separator: ", ")) in \(fileText)."
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
