import ArgumentParser

/// The root command.
struct CLManifest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clmanifest",
        abstract: "Check Amazon Rekognition Custom Labels manifests before they are uploaded.",
        version: "0.2.0",
        subcommands: [
            Lint.self, FixCommand.self, Convert.self, Stats.self, Report.self, Partition.self, Validate.self, Diff.self,
            Split.self, Upload.self, Journals.self,
            Pull.self, Reconcile.self, Server.self,
            UpdateDatasetEntries.self, Rules.self, Explain.self,
        ]
    )
}
