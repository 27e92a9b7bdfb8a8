/// A rule about a dataset as training will see it (CL7xx): a training manifest and, with `--test`, its
/// test manifest, judged from their ``DatasetProfile``s by `stats` and `report` (not by `lint`, which sees
/// one file).
protocol DatasetRule: Rule {
    /// Reports the rule's findings on the dataset.
    static func check(_ dataset: ReviewedDataset, into findings: inout [DatasetFinding])
}

/// The manifests of a dataset under review.
struct ReviewedDataset {
    /// A manifest: its name in findings and what its entries hold.
    struct Manifest {
        let name: String
        let profile: DatasetProfile

        /// The labels carried by entries without errors, each with the first line carrying it.
        var carriedLabels: [String: Int] {
            var first: [String: Int] = [:]
            for entry in profile.entries where !entry.hasErrors {
                for use in profile.labelUses[entry.labels] where use.isCarried {
                    let name = profile.labels[use.label]
                    if first[name] == nil { first[name] = entry.line }
                }
            }
            return first
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
