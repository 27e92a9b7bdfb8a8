/// Flags images that are in both the training and the test manifest.
public struct ImageInBothSets: DatasetRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL703",
        name: "image-in-both-sets",
        mirrors: nil,
        severity: .warning,
        summary: "an image of the test manifest is also in the training manifest",
        rationale: """
            "There should not be an overlap between test and training datasets": a test image the model was \
            trained on makes its scores look better than they are. The documentation gives no severity. \
            Reported at the test line, naming the training line, by `stats --test` and `report --test`.
            """,
        fix: "remove the image from one of the sets (`clmanifest partition` makes disjoint sets)",
        conditions: ["a source-ref in both sets"],
        triggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "b"]), condition: "a source-ref in both sets",
                test: "↓" + DatasetExamples.entries(["a"]))
        ],
        nonTriggeringExamples: [
            Example(
                DatasetExamples.entries(["a", "b"]), condition: "a source-ref in both sets",
                test: DatasetExamples.entries(["a", "b"], image: "test"))
        ]
    )

    static func check(_ dataset: ReviewedDataset, into findings: inout [DatasetFinding]) {
        guard let test = dataset.test else { return }
        var training: [Hash128: Int] = [:]
        for entry in dataset.training.profile.entries {
            if let image = entry.image, training[image] == nil { training[image] = entry.line }
        }
        for entry in test.profile.entries {
            guard let image = entry.image, let line = training[image] else { continue }
            findings.append(
                DatasetFinding(
                    rule: description, file: test.name, line: entry.line,
                    message: "the image is also in the training set, at line \(line) of \(dataset.training.name)"))
        }
    }
}
