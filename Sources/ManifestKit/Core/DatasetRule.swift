/// A rule about a dataset as training will see it (CL7xx): a training manifest and, with `--test`, its
/// test manifest, judged from their ``DatasetProfile``s by `stats` and `report` (not by `lint`, which sees
/// one file).
protocol DatasetRule: Rule {
    /// Reports the rule's findings on the dataset.
    static func check(_ dataset: ReviewedDataset, into findings: inout [DatasetFinding])
}

/// The manifests of a dataset under review.
struct ReviewedDataset {
    /// A manifest: its name in findings, what its entries hold and their numbers.
    struct Manifest {
        let name: String
        let profile: DatasetProfile
        let statistics: DatasetStatistics
        /// The labels carried by entries without errors, each with the first line carrying it.
        let carriedLabels: [String: Int]

        init(name: String, profile: DatasetProfile, statistics: DatasetStatistics) {
            self.name = name
            self.profile = profile
            self.statistics = statistics
            var first = [Int](repeating: 0, count: profile.labels.count)
            for entry in profile.entries where !entry.hasErrors {
                for use in profile.labelUses[entry.labels] where use.isCarried && first[use.label] == 0 {
                    first[use.label] = entry.line
                }
            }
            var carried: [String: Int] = [:]
            for (label, line) in first.enumerated() where line > 0 { carried[profile.labels[label]] = line }
            carriedLabels = carried
        }
    }

    let training: Manifest
    /// Nil when the service is to split the training set itself.
    let test: Manifest?
}

/// A finding of a ``DatasetRule``: in one of the dataset's manifests, at a line or about the whole.
struct DatasetFinding {
    let rule: RuleDescription
    /// The manifest's name, and the line (nil for the whole manifest).
    let file: String
    let line: Int?
    /// One sentence, lowercase, no final period.
    let message: String
}
