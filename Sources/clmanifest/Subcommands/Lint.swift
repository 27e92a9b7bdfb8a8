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
                A file that is not JSON Lines at all (XML, binary data, JSON spread over many lines) gets one \
                finding for the whole file (CL010-CL012). Exit status: 0 when there is no error-severity finding, 1 when there is one, 2 when \
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

        @Option(
            name: .customLong("images"),
            help: ArgumentHelp(
                "Check the images of source-refs starting with PREFIX in the local directory DIR, or in S3 itself "
                    + "(s3://BUCKET/PREFIX/ alone); repeatable.",
                discussion: """
                    Such as --images s3://bucket/datasets/cars/=photos/cars: s3://bucket/datasets/cars/a/1.jpg is \
                    read from photos/cars/a/1.jpg; with --images s3://bucket/datasets/cars/ it is read in S3 (a \
                    HEAD and a ranged GET of its first 64 KB, --s3-concurrency at once). Only headers are read: \
                    format by signature, size, dimensions \
                    (64-4,096), aspect ratio (20:1), truncation, and image_size and boxes against the real size \
                    (CL601-CL610). Also `images:` in the configuration; the longest matching prefix wins.
                    """,
                valueName: "PREFIX=DIR|s3://BUCKET/PREFIX/"))
        var images: [String] = []

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
            try report.validate(files: files)
            if fix || fixing.diff, report.baseline != nil || report.writeBaseline != nil || report.statistics {
                throw ValidationError("--fix and --diff do not take --baseline, --write-baseline or --statistics")
            }
            try ImageArguments.validate(images)
        }

        @OptionGroup var configFile: ConfigurationOptions

        @Flag(help: "After the report, summarise each dataset: size, boxes per image, images per label.")
        var summary = false

        @Flag(help: "Apply the fixes and report what remains, as `clmanifest fix` does.")
        var fix = false

        @OptionGroup var fixing: FixOptions

        @OptionGroup(title: "S3 (for s3://BUCKET/KEY manifests)") var s3: S3Options

        func run() throws {
            let settings = try LintSettings(
                configuration: configFile, schemas: schemas, servicePrecedence: servicePrecedence,
                excerpts: report.needsExcerpts, jobs: report.threadCount,
                partBytes: report.partBytes, images: try images.map { try ImageMapping(parsing: $0) },
                select: report.selectedCodes, ignore: report.ignoredCodes)
            let input = ManifestInput(options: s3)
            if fix || fixing.diff {
                if fix, let remote = files.first(where: ManifestInput.isS3) {
                    throw CommandFailure(
                        message: "--fix writes files, not S3 objects: \(remote); use --diff to see the fixes")
                }
                try FixRun(files: files, report: report, options: fixing, settings: settings, input: input).run()
                return
            }
            var lastLinter: ManifestLinter?
            let display = ProgressDisplay()
            var run = FileRun(files: files, report: report)
            // Unsafe fixes on the command line, or in the configuration of a file, mark their findings.
            run.unsafeFixes =
                fixing.unsafeFixes
                ?? files.contains { (try? settings.configuration(for: $0).fixPolicy.unsafeFixes) == true }
            try run.run(
                { file throws(ManifestError) in
                    let linter = try settings.linter(for: file)
                    try input.prepareImages(for: linter)
                    lastLinter = linter
                    display.begin()
                    let total = FileSize.regular(file)
                    linter.progress = { lines, bytes in
                        display.update(file: file, lines: lines, bytes: bytes, total: total)
                    }
                    linter.imageProgress = { checked in
                        display.note("\(file): \(Count.grouped(checked)) images checked")
                    }
                    defer { display.end() }
                    let diagnostics = try input.lint(
                        file, with: linter, displayName: file == "-" ? report.stdinFilename : nil)
                    return FileRun.Checked(diagnostics: diagnostics, partialSelection: linter.selection.isPartial)
                },
                describe: { file in
                    ManifestSummary(
                        file: file == "-" ? report.stdinFilename ?? file : file,
                        statistics: lastLinter?.statistics ?? LintStatistics(), detailed: summary,
                        partialSelection: lastLinter?.selection.isPartial ?? false
                    ).text
                })
        }
    }
}
