import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest fix FILE… | -`.
    struct FixCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fix",
            abstract: "Mend what lint finds: apply each finding's fix, then report what remains.",
            discussion: """
                Safe fixes keep the data's meaning (JSON syntax, numbers written as strings, human-annotated as \
                a boolean, a misspelled source-ref, an S3 web URL) and are applied by default; unsafe fixes \
                change it (clamp, round or drop boxes, drop an earlier repeated line) and need --unsafe-fixes; \
                display-only fixes are advice. Each file is written in place (a temporary file beside it, then \
                renamed; its mode kept, a symlink's target written); '-' reads standard input and writes the \
                fixed manifest to standard output, the report to standard error. Nothing is written when a \
                file cannot be read or fixed. Exit status: 0 when no finding that fails lint remains, 1 when \
                one does (with --diff: when there is something to fix), 2 when clmanifest could not run.
                """
        )

        @Argument(help: "Manifest files to fix in place; '-' reads standard input and writes standard output.")
        var files: [String]

        @OptionGroup var fixing: FixOptions
        @OptionGroup var report: ReportOptions
        @OptionGroup(title: "S3 (for s3://BUCKET/KEY manifests, with --diff)") var s3: S3Options

        @Option(
            name: .customLong("schema"),
            help: ArgumentHelp("A schema file to add, as for lint; repeatable.", valueName: "file"))
        var schemas: [String] = []

        @Option(
            name: .customLong("images"),
            help: ArgumentHelp(
                "Check the images of source-refs starting with PREFIX in DIR, as for lint; repeatable.",
                discussion: "With --unsafe-fixes, image_size is set from the image where it differs (CL608).",
                valueName: "PREFIX=DIR"))
        var images: [String] = []

        @OptionGroup var configFile: ConfigurationOptions

        mutating func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one manifest file, or '-' for standard input") }
            try report.validate(files: files)
            try ImageArguments.validate(images)
            if report.baseline != nil || report.writeBaseline != nil || report.statistics {
                throw ValidationError("fix does not take --baseline, --write-baseline or --statistics; use lint")
            }
        }

        func run() throws {
            let settings = try LintSettings(
                configuration: configFile, schemas: schemas, excerpts: report.needsExcerpts,
                jobs: report.threadCount, partBytes: report.partBytes,
                images: try images.map { try ImageMapping(parsing: $0) }, select: report.selectedCodes,
                ignore: report.ignoredCodes)
            try FixRun(
                files: files, report: report, options: fixing, settings: settings, input: ManifestInput(options: s3)
            )
            .run()
        }
    }
}
