import ManifestKit

/// The one-line count printed to standard error after a human-readable report: what was reported, and how
/// many findings were not (recorded in the baseline, or left out by the rule selection).
struct Summary {
    let diagnostics: [Diagnostic]
    let files: Int
    var baselined = 0
    var unselected = 0

    var text: String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let infos = diagnostics.count - errors - warnings
        let fileText = Count.phrase(files, "file")
        var hidden: [String] = []
        if baselined > 0 { hidden.append("\(Count.grouped(baselined)) in the baseline") }
        if unselected > 0 { hidden.append("\(Count.grouped(unselected)) not selected") }
        let notShown =
            hidden.isEmpty
            ? ""
            : " (\(Count.phrase(baselined + unselected, "finding")) not shown: \(hidden.joined(separator: ", ")))"
        guard !diagnostics.isEmpty else {
            return (hidden.isEmpty ? "No problems found in " : "No problems reported in ") + fileText + notShown + "."
        }
        var parts = [Count.phrase(errors, "error"), Count.phrase(warnings, "warning")]
        if infos > 0 { parts.append("\(Count.grouped(infos)) info") }
        return "Found \(parts.joined(separator: ", ")) in \(fileText)\(notShown)."
    }
}
