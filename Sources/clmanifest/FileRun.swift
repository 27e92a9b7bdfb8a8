import ArgumentParser
import ManifestKit

/// Checks each file, writes the report in every chosen format and maps the outcome to the exit code.
///
/// Shared by `lint` and `validate`: a file that cannot be read is reported on standard error and the
/// others are still checked; the exit code is then 2.
struct FileRun {
    var files: [String]
    var report: ReportOptions
    /// Whether standard output carries something else (`fix -` writes the manifest there): the report
    /// that would go there goes to standard error.
    var standardOutputIsTaken = false
    /// A line printed on standard error before the summary (`fix` says what it fixed).
    var closingNote: String?
    /// Whether unsafe fixes are on: findings they mend are marked `[*]` and counted as fixable.
    var unsafeFixes = false

    /// What checking one file gives: the findings to report, and whether some rules were not selected (and
    /// did not run).
    struct Checked {
        var diagnostics: [Diagnostic]
        var partialSelection = false
    }

    /// Checks every file with `check`; `describe` may add a line about each checked file to the summary.
    func run(_ check: (String) throws(ManifestError) -> Checked, describe: ((String) -> String)? = nil) throws {
        var diagnostics: [Diagnostic] = []
        var failures: [ReportContext.Failure] = []
        var checkedFiles: [String] = []
        var partialSelection = false
        var notes: [String] = []
        for file in files {
            do {
                let checked = try check(file)
                diagnostics += checked.diagnostics
                partialSelection = partialSelection || checked.partialSelection
                checkedFiles.append(file == "-" ? report.stdinFilename ?? file : file)
                if let describe { notes.append(describe(file)) }
            } catch {
                failures.append(ReportContext.Failure(file: file, message: error.description))
            }
        }
        var baselined = 0
        if let path = report.baseline {
            let baseline = try Baseline(path: path)
            let before = diagnostics.count
            diagnostics.removeAll(where: baseline.contains)
            baselined = before - diagnostics.count
        }
        diagnostics.sort(by: Diagnostic.sortOrder)
        if let path = report.writeBaseline {
            do {
                try Output.write(Baseline.text(for: diagnostics, baselineFile: path), toFile: path)
            } catch {
                throw CommandFailure(message: "cannot write '\(path)': \(error.reason)")
            }
        }
        let context = ReportContext(files: checkedFiles, failures: failures, strict: report.strict)
        var humanOnStandardOutput = false
        for target in report.resolvedTargets {
            let reporter = target.format.reporter(
                color: target.file == nil && report.colorsStandardOutput, marksUnsafeFixes: unsafeFixes)
            let text =
                (report.statistics ? Statistics(diagnostics: diagnostics).rendered(as: target.format) : nil)
                ?? reporter.render(diagnostics, context: context)
            if let file = target.file {
                do {
                    try Output.write(text, toFile: file)
                } catch {
                    throw CommandFailure(message: "cannot write '\(file)': \(error.reason)")
                }
            } else if standardOutputIsTaken {
                Output.standardError(text)
            } else {
                Output.standardOutput(text)
                humanOnStandardOutput = type(of: reporter).isHumanReadable
            }
        }
        for failure in failures { Output.standardError("error: \(failure.message)\n") }
        if let closingNote { Output.standardError(closingNote + "\n") }
        if humanOnStandardOutput, !checkedFiles.isEmpty {
            let summary = Summary(
                diagnostics: diagnostics, files: checkedFiles.count, baselined: baselined,
                partialSelection: partialSelection, unsafeFixes: unsafeFixes, showsFixable: closingNote == nil)
            Output.standardError(summary.text + "\n")
            for note in notes { Output.standardError(note + "\n") }
        }
        if !failures.isEmpty { throw ExitCode(ExitStatus.couldNotRun) }
        let failing = diagnostics.contains { $0.severity == .error || (report.strict && $0.severity == .warning) }
        if failing && !report.exitZero { throw ExitCode(ExitStatus.findings) }
    }
}
