import ArgumentParser
import ManifestKit

/// The root command.
struct CLManifest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clmanifest",
        abstract: "Check, mend, convert and upload Amazon Rekognition Custom Labels manifests.",
        version: "\(ClmanifestVersion.number) (commit \(buildCommit))",
        subcommands: [
            Lint.self, FixCommand.self, Convert.self, Stats.self, Report.self, Partition.self, Validate.self, Diff.self,
            Split.self, Upload.self, Journals.self,
            Pull.self, Reconcile.self, Server.self,
            UpdateDatasetEntries.self, Rules.self, Explain.self,
        ]
    )
}
