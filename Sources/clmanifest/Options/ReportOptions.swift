import ArgumentParser
import ManifestKit

/// How findings are reported and what the exit status says: shared by `lint` and `validate`.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Output format, optionally to a file: FORMAT or FORMAT:FILE; repeatable.",
            discussion: """
                text (default; concise), full (with the line and a caret under the column, and the fix), \
                json (one array), jsonl (one object per line), sarif (SARIF 2.1.0, for code scanning), github \
                (workflow commands that GitHub shows as annotations), junit (JUnit XML). Give several to write \
                several at once, such as --format text --format sarif:results.sarif.
                """,
            valueName: "format[:file]"))
    var targets: [FormatTarget] = []

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Print how many findings each rule has, instead of the findings.")
    var statistics = false

    @Flag(help: "Exit 0 even when there are error findings (2 still means clmanifest could not run).")
    var exitZero = false

    @Flag(help: "Exit 1 when there are warnings too, not only errors.")
    var strict = false

    /// Where each format goes: the `--format` values, `text` by default; `--output` takes the one that
    /// names no file.
    var resolvedTargets: [FormatTarget] {
        let given = targets.isEmpty ? [FormatTarget(format: .text, file: nil)] : targets
        return given.map { target in
            target.file == nil ? FormatTarget(format: target.format, file: output) : target
        }
    }

    /// Whether a format needs each finding's line excerpt.
    var needsExcerpts: Bool { resolvedTargets.contains { $0.format == .full } }

    func validate() throws {
        if resolvedTargets.filter({ $0.file == nil }).count > 1 {
            throw ValidationError("only one format can go to standard output; send the others to files (FORMAT:FILE)")
        }
        let files = resolvedTargets.compactMap(\.file)
        if let repeated = files.first(where: { file in files.count { $0 == file } > 1 }) {
            throw ValidationError("two formats would be written to '\(repeated)'; give each its own file")
        }
        if exitZero && strict { throw ValidationError("--exit-zero and --strict contradict each other") }
    }
}
