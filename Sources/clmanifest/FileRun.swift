import ArgumentParser
import ManifestKit

/// Checks each file, prints the report in the chosen format and maps the outcome to the exit code.
///
/// Shared by `lint` and `validate`: a file that cannot be read is reported on standard error and the
/// others are still checked; the exit code is then 2.
struct FileRun {
    var files: [String]
    var format: OutputFormat

    /// Checks every file with `check`; `describe` may add a line about each checked file to the summary.
    func run(
        _ check: (String) throws(ManifestError) -> [Diagnostic], describe: ((String) -> String)? = nil
    ) throws {
        let reporter = format.reporter
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
        diagnostics.sort(by: Diagnostic.sortOrder)
        Output.standardOutput(reporter.render(diagnostics))
        for failure in failures { Output.standardError("error: \(failure.description)\n") }
        if type(of: reporter).isHumanReadable, checkedFiles > 0 {
            Output.standardError(Summary(diagnostics: diagnostics, files: checkedFiles).text + "\n")
            for note in notes { Output.standardError(note + "\n") }
        }
        if !failures.isEmpty { throw ExitCode(ExitStatus.couldNotRun) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.findings) }
    }
}
