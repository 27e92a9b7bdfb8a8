import ArgumentParser
import Foundation
import ManifestKit
import ManifestUpload

extension CLManifest {
    /// `clmanifest pull --dataset-arn ARN [-o FILE]`.
    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download every entry of a dataset as a manifest.",
            discussion: """
                Reads the dataset with ListDatasetEntries, page by page, and writes one entry per line, in \
                the service's order, to standard output or to --output (written to a temporary file and \
                renamed, so a failed pull never leaves half a manifest). The entries keep the keys the \
                service adds (cl-metadata, errors, warnings) unless --strip-service-keys.
                """
        )

        @OptionGroup var aws: AWSOptions

        @Option(
            name: [.short, .long],
            help: ArgumentHelp(
                "Write the manifest here instead of standard output: a file, or s3://BUCKET/KEY (S3's endpoint from "
                    + "AWS_ENDPOINT_URL_S3 or the profile's endpoint_url).", valueName: "file"))
        var output: String?

        @Flag(help: "Remove the keys the service adds: cl-metadata, cl-errors, errors, warnings.")
        var stripServiceKeys = false

        func run() throws {
            let connection = try aws.connection()
            let progress = ProgressDisplay()
            let pulled: (manifest: [UInt8], entries: Int)
            do {
                defer { progress.end() }
                pulled = try connection.pull(strippingServiceKeys: stripServiceKeys) {
                    progress.note("pulling the dataset: \(Count.grouped($0)) entries")
                }
            } catch {
                throw CommandFailure(message: "cannot read the dataset: \(error)")
            }
            if let output {
                try ManifestInput(settings: aws.s3Settings).write(pulled.manifest, to: output)
            } else {
                Output.standardOutput(String(decoding: pulled.manifest, as: UTF8.self))
            }
            Output.standardError(
                "pulled \(Count.phrase(pulled.entries, "entry", "entries")) of \(connection.datasetARN)"
                    + (output.map { " to \($0)" } ?? "") + "\n")
        }
    }
}
