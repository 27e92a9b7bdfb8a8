/// Flags labels of the test manifest that no training entry carries.
public struct TestLabelNotInTraining: DatasetRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL702",
        name: "test-label-not-in-training",
        mirrors: nil,
        severity: .warning,
        summary: "a label of the test manifest is not in the training manifest",
        rationale: """
            A model never predicts a label it was not trained on, so its test images only lower the measured \
            scores; the documentation asks for test labels to be in the training set. Reported at the first \
            test line carrying the label, by `stats --test` and `report --test`.
            """,
        fix: "add training images of the label, or remove it from the test set",
        conditions: ["a test label the training set lacks"],
        triggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "b"]), condition: "a test label the training set lacks",
                test: DatasetExamples.entries(["a", "b"]) + "↓" + DatasetExamples.entries(["c"]))
        ],
        nonTriggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "b", "c"]), condition: "a test label the training set lacks",
                test: DatasetExamples.entries(["a", "b", "c"]))
        ]
    )

    static func check(_ dataset: ReviewedDataset, into findings: inout [DatasetFinding]) {
        guard let test = dataset.test else { return }
        let training = dataset.training.carriedLabels
        for (label, line) in test.carriedLabels.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) })
        where training[label] == nil {
            findings.append(
                DatasetFinding(
                    rule: description, file: test.name, line: line,
                    message: "the label \(JSONText.quoted(label)) is not carried by any training entry"))
        }
    }
}
