/// Flags a test manifest whose labels cover under half of the training manifest's.
public struct InsufficientLabelOverlap: DatasetRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL701",
        name: "insufficient-label-overlap",
        mirrors: .insufficientLabelOverlap,
        severity: .error,
        summary: "the test manifest shares fewer than half of the training manifest's labels",
        rationale: """
            Training fails with ERROR_INSUFFICIENT_LABEL_OVERLAP when the labels common to the test and \
            training sets are fewer than 50% of the training set's labels ("Overlaps are (common labels between \
            test and train)/(train labels)"). Labels count when an entry without errors carries them. Checked \
            by `stats --test` and `report --test`.
            """,
        fix: "add test images of the training labels the test set lacks, or partition the dataset again",
        conditions: ["under half of the training labels in the test set"],
        triggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "b", "c"]) + "↓",
                condition: "under half of the training labels in the test set",
                test: DatasetExamples.entries(["a", "d"]))
        ],
        nonTriggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "b", "c", "d"]),
                condition: "under half of the training labels in the test set",
                test: DatasetExamples.entries(["a", "b"]))
        ]
    )

    static func check(_ dataset: ReviewedDataset, into findings: inout [DatasetFinding]) {
        guard let test = dataset.test else { return }
        let training = Set(dataset.training.carriedLabels.keys)
        guard !training.isEmpty else { return }
        let common = training.intersection(test.carriedLabels.keys).count
        guard common * 2 < training.count else { return }
        findings.append(
            DatasetFinding(
                rule: description, file: dataset.training.name, line: nil,
                message: "the test set has \(common) of the training set's \(Count.phrase(training.count, "label")) "
                    + "(\(Int((Double(common) * 100 / Double(training.count)).rounded(.down)))%); training needs 50%"))
    }
}
