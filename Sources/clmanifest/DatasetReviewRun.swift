import ManifestKit

/// Reviews the datasets of `stats`, `report` and `partition`: each training manifest (with the test
/// manifest, when given) linted with its configuration and counted; `s3://` manifests read from S3.
struct DatasetReviewRun {
    let configuration: ConfigurationOptions
    let images: [ImageMapping]
    let input: ManifestInput

    /// The review of `training` (read from `bytes` when given, else from its path or S3) with `test` when
    /// given; an unreadable file stops the command (exit 2).
    func review(training: String, bytes: [UInt8]? = nil, test: String? = nil) throws -> DatasetReview {
        let settings = try LintSettings(configuration: configuration, schemas: [], excerpts: false, images: images)
        do {
            // Each manifest with its own configuration; the dataset rules with the training one's.
            let linter = try settings.linter(for: training)
            let trainingManifest: DatasetReview.Manifest
            if let bytes {
                trainingManifest = DatasetReview(training: (training, bytes), linter: linter).training
            } else {
                trainingManifest = try manifest(training, linter: linter)
            }
            var testManifest: DatasetReview.Manifest?
            if let test { testManifest = try manifest(test, linter: try settings.linter(for: test)) }
            return DatasetReview(training: trainingManifest, test: testManifest, linter: linter)
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
