import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest stats FILE… [--test TESTFILE]`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count a dataset's entries, labels and boxes as the service will, before you upload it.",
            discussion: """
                For each manifest: DescribeDataset's DatasetStats (TotalEntries, LabeledEntries, TotalLabels, \
                ErrorEntries) and ListDatasetLabels' label descriptions (EntryCount, BoundingBoxCount), counted \
                as the README's "stats" section says; then boxes and labels per image, box sizes relative to \
                the image, image sizes, label pairs, the imbalance ratio, boxes far from their label's mean \
                size and labels with few images. Then the dataset's readiness for training as findings: the \
                manifest-wide findings of lint, and CL701–CL704 (with --test, the training manifest FILE against \
                its test manifest). Exit status: 0, 1 when a readiness finding is an error, 2 when a file \
                cannot be read.
                """
        )

        @Argument(help: "Training manifests, each reviewed on its own.")
        var files: [String]

        @Option(help: ArgumentHelp("The test manifest of the training manifest FILE (one FILE).", valueName: "file"))
        var test: String?

        @Option(help: "Output format: text (tables for a terminal) or json (the service's shapes and ours).")
        var format: StatsFormat = .text

        @OptionGroup var configFile: ConfigurationOptions

        @OptionGroup(title: "S3 (for s3://BUCKET/KEY manifests)") var s3: S3Options

        enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        mutating func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one manifest") }
            if test != nil && files.count > 1 { throw ValidationError("--test goes with one training manifest") }
            if files.contains("-") || test == "-" {
                throw ValidationError("stats reads files, not standard input")
            }
        }

        func run() throws {
            let run = DatasetReviewRun(configuration: configFile, images: [], input: ManifestInput(options: s3))
            let reviews = try files.map { try run.review(training: $0, test: test) }
            switch format {
            case .text:
                let renderer = DatasetStatisticsText(width: TerminalWidth.columns)
                var text = ""
                for review in reviews {
                    for manifest in [review.training, review.test].compactMap({ $0 }) {
                        text += renderer.render(file: manifest.name, manifest.statistics) + "\n"
                    }
                    text +=
                        review.readiness.isEmpty
                        ? "readiness: no findings\n"
                        : "readiness:\n" + TextReporter().render(review.readiness)
                }
                Output.standardOutput(text)
            case .json:
                let objects = reviews.map { review in
                    "  {\n    \"training\": "
                        + DatasetStatisticsJSON.object(
                            file: review.training.name, review.training.statistics, indent: 4)
                        + ",\n    \"test\": "
                        + (review.test.map { DatasetStatisticsJSON.object(file: $0.name, $0.statistics, indent: 4) }
                            ?? "null")
                        + ",\n    \"findings\": "
                        + String(JSONReporter().render(review.readiness).dropLast()).replacing("\n", with: "\n    ")
                        + "\n  }"
                }
                Output.standardOutput("[\n" + objects.joined(separator: ",\n") + "\n]\n")
            }
            if reviews.contains(where: { $0.readiness.contains { $0.severity == .error } }) {
                throw ExitCode(ExitStatus.findings)
            }
        }
    }
}
