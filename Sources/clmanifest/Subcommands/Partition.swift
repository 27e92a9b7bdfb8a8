import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest partition FILE --test-fraction F --seed N --train OUT --test OUT`.
    struct Partition: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a manifest into training and test manifests, stratified by label and reproducible.",
            discussion: """
                Each label's images are shared between the sets in proportion to --test-fraction (iterative \
                stratification, aware of images with several labels); every label on two or more images ends up \
                in both sets; the lines of one image stay together; every line is written as it was, byte for \
                byte and in its order, to exactly one output (blank lines are left out). The same input, \
                fraction and seed give the same files. Unlike the service's DistributeDatasetEntries (a random \
                20%, into an empty test dataset), the split is yours to review and to keep. Refused (exit 2) \
                when a line is not a JSON object or a label is on one image only (--allow-unsplit keeps those \
                in the training set).
                """
        )

        @Argument(help: "The manifest to split.")
        var file: String

        @Option(
            help: ArgumentHelp("The test set's share of the images, and of each label's (0 < F < 1).", valueName: "F"))
        var testFraction: Double = 0.2

        @Option(help: ArgumentHelp("The seed: the same seed gives the same split.", valueName: "N"))
        var seed: UInt64 = 0

        @Option(help: ArgumentHelp("Where to write the training manifest.", valueName: "file"))
        var train: String

        @Option(help: ArgumentHelp("Where to write the test manifest.", valueName: "file"))
        var test: String

        @Flag(help: "Keep the images of labels on one image in the training set instead of refusing.")
        var allowUnsplit = false

        @OptionGroup var configFile: ConfigurationOptions

        @OptionGroup(title: "S3 (for an s3://BUCKET/KEY manifest)") var s3: S3Options

        mutating func validate() throws {
            guard testFraction > 0, testFraction < 1 else {
                throw ValidationError("--test-fraction must be between 0 and 1 (exclusive), such as 0.2")
            }
            if file == "-" { throw ValidationError("partition reads a file, not standard input") }
            if train == test { throw ValidationError("--train and --test must be different files") }
            if train == file || test == file {
                throw ValidationError("write the sets beside the manifest, not over it")
            }
        }

        func run() throws {
            let run = DatasetReviewRun(configuration: configFile, images: [], input: ManifestInput(options: s3))
            let bytes = try run.bytes(of: file)
            let review = try run.review(training: file, bytes: bytes)
            let partition: ManifestPartition
            do throws(ManifestPartition.Failure) {
                partition = try ManifestPartition(
                    bytes: bytes, profile: review.training.profile, testFraction: testFraction, seed: seed,
                    allowUnsplit: allowUnsplit)
            } catch {
                throw CommandFailure(message: "cannot partition '\(file)': \(error.description)")
            }
            for (path, content) in [(train, partition.training), (test, partition.test)] {
                do {
                    try AtomicFile.write(content, to: path)
                } catch {
                    throw CommandFailure(message: "cannot write '\(path)': \(error.reason)")
                }
            }
            Output.standardOutput(summary(partition))
        }

        /// The per-label table and the totals.
        private func summary(_ partition: ManifestPartition) -> String {
            let nameWidth = max(5, partition.labels.map(\.name.count).max() ?? 0)
            let pad = { (text: String, width: Int) in String(repeating: " ", count: max(0, width - text.count)) + text }
            var text = "label" + String(repeating: " ", count: nameWidth - 5) + "   train    test  test share\n"
            for label in partition.labels {
                let share = Double(label.test) / Double(max(1, label.training + label.test))
                text += label.name + String(repeating: " ", count: nameWidth - label.name.count)
                text += pad(Count.grouped(label.training), 8) + pad(Count.grouped(label.test), 8)
                text += pad("\(Int((share * 100).rounded()))%", 12) + "\n"
            }
            text += "\(train): \(Count.phrase(partition.trainingEntries, "line")), "
            text += "\(Count.phrase(partition.trainingImages, "image"))\n"
            text +=
                "\(test): \(Count.phrase(partition.testEntries, "line")), \(Count.phrase(partition.testImages, "image"))"
            text += " (seed \(seed), test fraction \(testFraction))\n"
            if partition.blankLines > 0 { text += "\(Count.phrase(partition.blankLines, "blank line")) left out\n" }
            return text
        }
    }
}
