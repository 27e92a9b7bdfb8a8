import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest lint FILE… | -`.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every line of a manifest that the service would reject, drop or ignore.",
            discussion: """
                Exit status: 0 when there is no error-severity finding, 1 when there is one, \
                2 when clmanifest could not run (bad arguments, a file that cannot be read).
                """
        )

        @Argument(help: "Manifest files to check; '-' reads standard input.")
        var files: [String]

        @Option(help: "Output format: text (default) or jsonl (one JSON object per finding).")
        var format: OutputFormat = .text

        mutating func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one manifest file, or '-' for standard input") }
        }

        func run() throws {
            let linter = ManifestLinter()
            let reporter = format.reporter
            var diagnostics: [Diagnostic] = []
            var failures: [ManifestError] = []
            var checkedFiles = 0
            for file in files {
                do {
                    diagnostics += try linter.lint(path: file)
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
}
