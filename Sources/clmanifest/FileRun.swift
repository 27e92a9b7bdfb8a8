import ArgumentParser
import ManifestKit

/// Checks each file, prints the report in the chosen format and maps the outcome to the exit code.
///
/// Shared by `lint` and `validate`: a file that cannot be read is reported on standard error and the
/// others are still checked; the exit code is then 2.
struct FileRun {
    var files: [String]
    var format: OutputFormat

    func run(_ check: (String) throws(ManifestError) -> [Diagnostic]) throws {
        let reporter = format.reporter
        var diagnostics: [Diagnostic] = []
        var failures: [ManifestError] = []
        var checkedFiles = 0
        for file in files {
            do {
                diagnostics += try check(file)
                checkedFiles += 1
            } catch {
                failures.append(error)
            }
        }
        diagnostics.sort(by: Diagnostic.sortOrder)
        Output.standardOutput(reporter.render(diagnostics))
        for failure in failures { Output.standardError("error: \(failure.description)\n") }
        if type(of: reporter).isHumanReadable, checkedFiles > 0 {
            Output.standardError(Summary(diagnostics: diagnostics, files: checkedFiles).text + "\n")
        }
        if !failures.isEmpty { throw ExitCode(ExitStatus.couldNotRun) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.findings) }
    }
}
