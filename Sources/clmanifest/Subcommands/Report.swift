import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest report FILE -o report.html [--images PREFIX=DIR] [--test TESTFILE]`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML page about a dataset: numbers, charts, findings, images.",
            discussion: """
                The page needs no network: inline styles, charts as inline SVG (titled, in colours that \
                survive colour-blindness), the findings as a table to filter by code and severity (the one \
                inline script; everything reads without it), and with --images a gallery per label of sample \
                images with their boxes drawn over them (at most 4 images for each of 24 labels, files up to \
                1 MiB, 24 MiB in all, embedded as they are). The images are also checked, as lint --images \
                does. Exit status: 0, 1 when a readiness finding is an error, 2 when a file cannot be read or \
                written.
                """
        )

        @Argument(help: "The training manifest.")
        var file: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("The test manifest of FILE.", valueName: "file"))
        var test: String?

        @Option(
            name: .customLong("images"),
            help: ArgumentHelp(
                "Show (and check) the images of source-refs starting with PREFIX from the local directory DIR; "
                    + "repeatable.", valueName: "PREFIX=DIR"))
        var images: [String] = []

        @OptionGroup var configFile: ConfigurationOptions

        @OptionGroup(title: "S3 (for s3://BUCKET/KEY manifests)") var s3: S3Options

        mutating func validate() throws {
            if file == "-" || test == "-" { throw ValidationError("report reads files, not standard input") }
            try ImageArguments.validate(images)
        }

        func run() throws {
            var mappings: [ImageMapping] = []
            for text in images {
                do throws(ImageMappingError) {
                    let mapping = try ImageMapping(parsing: text)
                    try mapping.validate()
                    mappings.append(mapping)
                } catch {
                    throw CommandFailure(message: "--images: \(error.description)")
                }
            }
            // The gallery's images: --images, then the configuration's `images:`, as lint takes them.
            let checked = mappings
            mappings += try configFile.configuration(for: file).options.images
            let run = DatasetReviewRun(configuration: configFile, images: checked, input: ManifestInput(options: s3))
            let bytes = try run.bytes(of: file)
            let review = try run.review(training: file, bytes: bytes, test: test)
            let page = HTMLReport(review: review, trainingBytes: bytes, images: mappings).html
            do throws(FileContents.Failure) {
                try AtomicFile.write(Array(page.utf8), to: output)
            } catch {
                throw CommandFailure(message: "cannot write '\(output)': \(error.reason)")
            }
            Output.standardError(
                "Wrote \(output) (\(Count.bytes(page.utf8.count))): "
                    + "\(Count.phrase(review.readiness.count, "readiness finding")).\n")
            if review.readiness.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.findings) }
        }
    }
}
