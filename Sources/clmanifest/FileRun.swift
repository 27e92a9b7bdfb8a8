import ArgumentParser
import ManifestKit

/// Checks each file, writes the report in every chosen format and maps the outcome to the exit code.
///
/// Shared by `lint` and `validate`: a file that cannot be read is reported on standard error and the
/// others are still checked; the exit code is then 2.
struct FileRun {
    var files: [String]
    var report: ReportOptions

    /// Checks every file with `check`; `describe` may add a line about each checked file to the summary.
    func run(
        _ check: (String) throws(ManifestError) -> [Diagnostic], describe: ((String) -> String)? = nil
    ) throws {
        var diagnostics: [Diagnostic] = []
        var failures: [ManifestError] = []
        var checkedFiles = 0
        var notes: [String] = []
        for file in files {
            do {
                diagnostics += try check(file)
                checkedFiles += 1
                if let describe { notes.append(describe(file)) }
            } catch {
                failures.append(error)
            }
        }
        if let path = report.baseline {
            let baseline = try Baseline(path: path)
            diagnostics.removeAll(where: baseline.contains)
        }
        diagnostics.sort(by: Diagnostic.sortOrder)
        if let path = report.writeBaseline {
            do {
                try Output.write(Baseline.text(for: diagnostics), toFile: path)
            } catch {
                throw CommandFailure(message: "cannot write '\(path)': \(error.reason)")
            }
        }
        var humanOnStandardOutput = false
        for target in report.resolvedTargets {
            let text =
                report.statistics && target.format != .sarif
                ? Statistics(diagnostics: diagnostics).text
                : target.format.reporter(color: target.file == nil && report.colorsStandardOutput).render(diagnostics)
            if let file = target.file {
                do {
                    try Output.write(text, toFile: file)
                } catch {
                    throw CommandFailure(message: "cannot write '\(file)': \(error.reason)")
                }
            } else {
                Output.standardOutput(text)
                humanOnStandardOutput = type(of: target.format.reporter()).isHumanReadable
            }
        }
        for failure in failures { Output.standardError("error: \(failure.description)\n") }
        if humanOnStandardOutput, checkedFiles > 0 {
            Output.standardError(Summary(diagnostics: diagnostics, files: checkedFiles).text + "\n")
            for note in notes { Output.standardError(note + "\n") }
        }
        if !failures.isEmpty { throw ExitCode(ExitStatus.couldNotRun) }
        let failing = diagnostics.contains { $0.severity == .error || (report.strict && $0.severity == .warning) }
        if failing && !report.exitZero { throw ExitCode(ExitStatus.findings) }
    }
}
