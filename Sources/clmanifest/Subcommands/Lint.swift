import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest lint FILE… | -`.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every line of a manifest that the service would reject, drop or ignore.",
            discussion: """
                Lines are checked for JSON syntax and encoding, against the bundled schemas (each label \
                attribute with its -metadata, chosen by the metadata type) and by the rule catalogue \
                (`clmanifest rules`), line by line and across the manifest (duplicates, buckets, labels, limits). \
                Exit status: 0 when there is no error-severity finding, 1 when there is one, 2 when \
                clmanifest could not run (bad arguments, a file or schema that cannot be read).
                """
        )

        @Argument(help: "Manifest files to check; '-' reads standard input.")
        var files: [String]

        @OptionGroup var report: ReportOptions

        @Option(
            name: .customLong("schema"),
            help: ArgumentHelp(
                "A schema file (YAML or JSON) to add; repeatable.",
                discussion: """
                    A file named like a bundled schema (manifest-line.yaml, common.yaml, \
                    image-classification.yaml, object-detection.yaml) replaces it; any other is applied to \
                    every whole line.
                    """,
                valueName: "file"))
        var schemas: [String] = []

        @Flag(
            help: ArgumentHelp(
                "Per line, report only what the service would report first.",
                discussion: """
                    The service stops validating a line at the first error of its documented precedence \
                    (missing or malformed source-ref, missing label attributes, attribute or metadata format, \
                    missing box confidence, missing class-map id, invalid JSON); this keeps only that error on \
                    such lines. By default every finding is reported.
                    """))
        var servicePrecedence = false

        mutating func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one manifest file, or '-' for standard input") }
        }

        func run() throws {
            let loaded: ManifestSchemas
            do {
                loaded = try ManifestSchemas.load(userSchemas: ManifestSchemas.readFiles(schemas))
            } catch let error as SchemaError {
                throw CommandFailure(message: "schema \(error.description)")
            }
            var options = LintOptions()
            options.servicePrecedence = servicePrecedence
            options.excerpts = report.needsExcerpts
            let linter = ManifestLinter(options: options, schemas: loaded)
            try FileRun(files: files, report: report).run(
                { file throws(ManifestError) in
                    try linter.lint(path: file, displayName: file == "-" ? report.stdinFilename : nil)
                },
                describe: { file in
                    ManifestSummary(
                        file: file == "-" ? report.stdinFilename ?? file : file, statistics: linter.statistics
                    ).text
                })
        }
    }
}
