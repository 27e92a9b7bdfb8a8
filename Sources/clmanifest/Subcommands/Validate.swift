import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest validate --schema SCHEMA FILE…`.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every line of any JSON Lines file against a JSON Schema.",
            discussion: """
                Each line may hold any JSON value. Every violation of every line is reported, with the line, \
                column and JSON Pointer of the value, as [CL501]; lines that are not JSON get the same \
                findings as in lint. The schema is JSON Schema draft 2020-12 in YAML or JSON; keywords that \
                clmanifest does not support are an error, never silently ignored. Exit status as for lint.
                """
        )

        @Option(help: ArgumentHelp("The schema file (YAML or JSON).", valueName: "file"))
        var schema: String

        @Argument(help: "JSON Lines files to check; '-' reads standard input.")
        var files: [String]

        @OptionGroup var report: ReportOptions

        @OptionGroup(title: "S3 (for s3://BUCKET/KEY files)") var s3: S3Options

        mutating func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one file, or '-' for standard input") }
            try report.validate(files: files)
        }

        func run() throws {
            let compiled: SchemaSet
            let name: String
            do {
                let document = try ManifestSchemas.readFiles([schema])[0]
                name = document.name
                let value = try SchemaDocumentReader.read(document.text, name: document.name)
                compiled = try SchemaCompiler(documents: [(document.name, value)]).compile()
            } catch {
                throw CommandFailure(message: "schema \(error.description)")
            }
            guard let entry = compiled.entry(name) else {
                throw CommandFailure(message: "schema '\(schema)' could not be compiled")
            }
            var options = LintOptions()
            options.excerpts = report.needsExcerpts
            // No configuration file for validate: --select and --ignore decide the rules, as for lint.
            let selection = Configuration().selection(
                for: "", select: report.selectedCodes, ignore: report.ignoredCodes)
            let linter = ManifestLinter(options: options, validating: compiled, entry: entry, selection: selection)
            linter.jobs = report.threadCount
            if let partBytes = report.partBytes { linter.partBytes = partBytes }
            let input = ManifestInput(options: s3)
            try FileRun(files: files, report: report).run { file throws(ManifestError) in
                let diagnostics = try input.lint(
                    file, with: linter, displayName: file == "-" ? report.stdinFilename : nil)
                return FileRun.Checked(diagnostics: diagnostics, partialSelection: selection.isPartial)
            }
        }
    }
}
