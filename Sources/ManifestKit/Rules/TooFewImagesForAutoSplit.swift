/// Flags labels with too few images for the service to split the training set into a test set.
public struct TooFewImagesForAutoSplit: DatasetRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL704",
        name: "too-few-images-for-auto-split",
        mirrors: .insufficientImagesPerLabelForAutosplit,
        severity: .warning,
        summary: "without a test manifest, a label has too few images for the service's 20% split",
        rationale: """
            Without a test dataset the service moves 20% of the training entries into one (training's \
            auto-split, or DistributeDatasetEntries), and fails with \
            ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_AUTOSPLIT (or _FOR_DISTRIBUTE) when it cannot build an \
            acceptable test set. The threshold is undocumented; with fewer than 5 images, 20% of a label is \
            less than one image, so the label may be missing from the test set. Reported at the label's first \
            line by `stats` and `report` when no `--test` is given.
            """,
        fix: "add images of the label, or make your own test set (`clmanifest partition`) and pass it with --test",
        conditions: ["a label on fewer than 5 images"],
        triggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "a", "a", "a", "a"]) + "↓"
                    + DatasetExamples.entries(["b", "b", "b", "b"]),
                condition: "a label on fewer than 5 images")
        ],
        nonTriggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"]),
                condition: "a label on fewer than 5 images")
        ]
    )

    static func check(_ dataset: ReviewedDataset, into findings: inout [DatasetFinding]) {
        guard dataset.test == nil else { return }
        let statistics = dataset.training.statistics
        let firstLines = dataset.training.carriedLabels
        for label in statistics.fewImageLabels {
            findings.append(
                DatasetFinding(
                    rule: description, file: dataset.training.name, line: firstLines[label.name],
                    message: "the label \(JSONText.quoted(label.name)) is on \(Count.phrase(label.entries, "image")); "
                        + "the service's 20% split may need \(DatasetStatistics.minimumImagesPerLabel)"))
        }
    }
}
