import ArgumentParser
import Foundation
import ManifestKit

/// `--color` values.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto
    case always
    case never
}

/// How findings are reported and what the exit status says: shared by `lint` and `validate`.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Output format, optionally to a file: FORMAT or FORMAT:FILE; repeatable.",
            discussion: """
                text (default; concise), full (with the line and a caret under the column, and the fix), \
                json (one array), jsonl (one object per line), sarif (SARIF 2.1.0, for code scanning), github \
                (workflow commands that GitHub shows as annotations), junit (JUnit XML: a failing test case per \
                finding that fails the run, a passing one per clean file). Give several to write \
                several at once, such as --format text --format sarif:results.sarif.
                """,
            valueName: "format[:file]"))
    var targets: [FormatTarget] = []

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Colour the text and full formats: auto (on a terminal, unless NO_COLOR is set), always, never.",
            discussion: "FORCE_COLOR turns auto on even when not on a terminal; machine formats are never coloured."))
    var color: ColorChoice = .auto

    @Option(
        help: ArgumentHelp(
            "Only these rules: codes, prefixes or names, comma-separated or repeated (CL3, CL401, invalid-json).",
            valueName: "codes"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Leave out these rules: codes, prefixes or names, as for --select.", valueName: "codes"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("The name to report for standard input ('-').", valueName: "name"))
    var stdinFilename: String?

    @Option(
        help: ArgumentHelp(
            "Do not report the findings recorded in this baseline file (by rule, source-ref and pointer).",
            valueName: "file"))
    var baseline: String?

    @Option(
        help: ArgumentHelp(
            "Record this run's findings in a baseline file, for --baseline later.", valueName: "file"))
    var writeBaseline: String?

    @Flag(
        help: ArgumentHelp(
            "Print how many findings each rule has, instead of the findings.",
            discussion: "A table in text and full; code, name and count objects in json and jsonl; sarif, github "
                + "and junit keep the findings."))
    var statistics = false

    @Flag(help: "Exit 0 even when there are error findings (2 still means clmanifest could not run).")
    var exitZero = false

    @Flag(help: "Exit 1 when there are warnings too, not only errors.")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Threads that check a file (default: every core); the findings are the same whatever the number.",
            valueName: "n"))
    var jobs: Int?

    /// The size of the parts a file is cut into for several threads (for tests, to cut small files).
    @Option(help: .hidden)
    var partBytes: Int?

    /// `--jobs`, else the number of cores.
    var threadCount: Int { jobs ?? CoreCount.available }

    /// Where each format goes: the `--format` values, `text` by default; `--output` takes the one that
    /// names no file.
    var resolvedTargets: [FormatTarget] {
        let given = targets.isEmpty ? [FormatTarget(format: .text, file: nil)] : targets
        return given.map { target in
            target.file == nil ? FormatTarget(format: target.format, file: output) : target
        }
    }

    /// The `--select` codes and prefixes (rule names resolved to their codes).
    var selectedCodes: [String] { (try? Self.codes(select)) ?? [] }
    /// The `--ignore` codes and prefixes (rule names resolved to their codes).
    var ignoredCodes: [String] { (try? Self.codes(ignore)) ?? [] }

    /// Each comma-separated selector of `values` resolved; an empty one or one that names no rule throws.
    private static func codes(_ values: [String]) throws(RuleSelector.Unknown) -> [String] {
        var codes: [String] = []
        for value in values {
            for selector in value.split(separator: ",", omittingEmptySubsequences: false) {
                codes.append(try RuleSelector.resolve(String(selector)))
            }
        }
        return codes
    }

    /// Whether to colour what goes to standard output.
    var colorsStandardOutput: Bool {
        let environment = ProcessInfo.processInfo.environment
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if environment["FORCE_COLOR"].map({ !$0.isEmpty && $0 != "0" }) == true { return true }
            if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
            return isatty(1) == 1 && environment["TERM"] != "dumb"
        }
    }

    /// Whether a format needs each finding's line excerpt.
    var needsExcerpts: Bool { resolvedTargets.contains { $0.format == .full } }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if resolvedTargets.filter({ $0.file == nil }).count > 1 {
            throw ValidationError("only one format can go to standard output; send the others to files (FORMAT:FILE)")
        }
        let files = resolvedTargets.compactMap(\.file)
        if let repeated = files.first(where: { file in files.count { $0 == file } > 1 }) {
            throw ValidationError("two formats would be written to '\(repeated)'; give each its own file")
        }
        if exitZero && strict { throw ValidationError("--exit-zero and --strict contradict each other") }
        if output != nil, !targets.isEmpty, targets.allSatisfy({ $0.file != nil }) {
            throw ValidationError("--output has nothing to write: every --format names its own file")
        }
        _ = try Self.resolvedCodes(select, option: "--select")
        _ = try Self.resolvedCodes(ignore, option: "--ignore")
    }

    /// The codes of an option's selectors, or a usage error naming the option.
    static func resolvedCodes(_ values: [String], option: String) throws(ValidationError) -> [String] {
        do {
            return try codes(values)
        } catch {
            throw ValidationError("\(option): \(error.description)")
        }
    }

    /// Checks what only makes sense with the files given: standard input once, `--stdin-filename` with it.
    func validate(files: [String]) throws {
        if files.count(where: { $0 == "-" }) > 1 {
            throw ValidationError("'-' (standard input) can be given only once")
        }
        if stdinFilename != nil, !files.contains("-") {
            throw ValidationError("--stdin-filename names standard input, but no '-' is given")
        }
    }
}
