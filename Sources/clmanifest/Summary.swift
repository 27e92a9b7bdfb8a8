import ManifestKit

/// The one-line count printed to standard error after a human-readable report: what was reported, whether
/// only some rules ran, and how many findings the baseline kept back.
struct Summary {
    let diagnostics: [Diagnostic]
    let files: Int
    var baselined = 0
    /// Whether the rule selection left some rules out: they did not run, so nothing of theirs is counted.
    var partialSelection = false
    /// Whether unsafe fixes are on (they count as fixable, not as "more with --unsafe-fixes").
    var unsafeFixes = false
    /// Whether to say how many findings `clmanifest fix` would mend (not after `fix` itself).
    var showsFixable = true

    var text: String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let infos = diagnostics.count - errors - warnings
        let fileText = Count.phrase(files, "file") + (partialSelection ? " with the selected rules" : "")
        let notShown =
            baselined == 0
            ? "" : " (\(Count.phrase(baselined, "finding")) not shown: \(Count.grouped(baselined)) in the baseline)"
        guard !diagnostics.isEmpty else {
            return (baselined == 0 ? "No problems found in " : "No problems reported in ") + fileText + notShown + "."
        }
        var parts = [Count.phrase(errors, "error"), Count.phrase(warnings, "warning")]
        if infos > 0 { parts.append("\(Count.grouped(infos)) info") }
        return "Found \(parts.joined(separator: ", ")) in \(fileText)\(notShown)." + fixable
    }

    /// `\n[*] N fixable with clmanifest fix (M more with --unsafe-fixes).`, or nothing when none is.
    private var fixable: String {
        guard showsFixable else { return "" }
        let policy = FixPolicy(unsafeFixes: unsafeFixes)
        let fixable = diagnostics.count(where: policy.applies)
        let hidden = diagnostics.count(where: policy.needsUnsafeFixes)
        guard fixable > 0 || hidden > 0 else { return "" }
        let command =
            unsafeFixes && diagnostics.contains { $0.fix?.applicability == .unsafe } ? "fix --unsafe-fixes" : "fix"
        var text = "\n[*] \(Count.grouped(fixable)) fixable with `clmanifest \(command)`"
        if hidden > 0 { text += " (\(Count.grouped(hidden)) more with --unsafe-fixes)" }
        return text + "."
    }
}
