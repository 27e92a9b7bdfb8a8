import ManifestKit

/// Reviews the datasets of `stats` and `report`: each training manifest (with the test manifest, when
/// given) linted with its configuration and counted.
struct DatasetReviewRun {
    let configuration: ConfigurationOptions
    let images: [ImageMapping]

    /// The review of `training` with `test`; an unreadable file stops the command (exit 2).
    func review(training: String, test: String?) throws -> DatasetReview {
        let settings = try LintSettings(configuration: configuration, schemas: [], excerpts: false, images: images)
        do {
            let linter = try settings.linter(for: training)
            var testLinter: ManifestLinter?
            if let test { testLinter = try settings.linter(for: test) }
            if let testLinter, testLinter !== linter {
                // Each manifest with its own configuration; the dataset rules with the training one's.
                let trainingReview = try DatasetReview(training: training, linter: linter)
                let testReview = try DatasetReview(training: test ?? "", linter: testLinter)
                return DatasetReview(training: trainingReview.training, test: testReview.training, linter: linter)
            }
            return try DatasetReview(training: training, test: test, linter: linter)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}
