import ManifestKit

/// Reviews the datasets of `stats`, `report` and `partition`: each training manifest (with the test
/// manifest, when given) linted with its configuration and counted; `s3://` manifests read from S3.
struct DatasetReviewRun {
    let configuration: ConfigurationOptions
    let images: [ImageMapping]
    let input: ManifestInput

    /// The review of `training` with `test`; an unreadable file stops the command (exit 2).
    func review(training: String, test: String?) throws -> DatasetReview {
        let settings = try LintSettings(configuration: configuration, schemas: [], excerpts: false, images: images)
        do {
            // Each manifest with its own configuration; the dataset rules with the training one's.
            let linter = try settings.linter(for: training)
            let trainingManifest = try manifest(training, linter: linter)
            var testManifest: DatasetReview.Manifest?
            if let test { testManifest = try manifest(test, linter: try settings.linter(for: test)) }
            return DatasetReview(training: trainingManifest, test: testManifest, linter: linter)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// The review of the training manifest `bytes` read from `name`, with `test` when given.
    func review(_ name: String, bytes: [UInt8], test: String? = nil) throws -> DatasetReview {
        let settings = try LintSettings(configuration: configuration, schemas: [], excerpts: false, images: images)
        do {
            let linter = try settings.linter(for: name)
            let training = DatasetReview(training: (name, bytes), linter: linter).training
            var testManifest: DatasetReview.Manifest?
            if let test { testManifest = try manifest(test, linter: try settings.linter(for: test)) }
            return DatasetReview(training: training, test: testManifest, linter: linter)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// The bytes of `path`: a file, or an `s3://` object.
    func bytes(of path: String) throws -> [UInt8] {
        do {
            return ManifestInput.isS3(path) ? try input.bytes(of: path) : try FileContents.bytes(path)
        } catch let error as ManifestError {
            throw CommandFailure(message: error.description)
        } catch let error as FileContents.Failure {
            throw CommandFailure(message: "cannot read '\(path)': \(error.reason)")
        }
    }

    private func manifest(_ path: String, linter: ManifestLinter) throws(ManifestError) -> DatasetReview.Manifest {
        if ManifestInput.isS3(path) {
            return DatasetReview(training: (path, try input.bytes(of: path)), linter: linter).training
        }
        return try DatasetReview(training: path, linter: linter).training
    }
}
