/// A dataset looked at before training: its training manifest and, optionally, its test manifest, each
/// linted with its entries' facts collected (``DatasetProfile``) and counted (``DatasetStatistics``), and
/// the findings that say whether training can start: the whole-manifest findings of `lint` and the
/// dataset rules (CL7xx).
///
/// ```swift
/// let review = try DatasetReview(training: "train.manifest", test: "test.manifest", linter: ManifestLinter())
/// print(review.training.statistics.totalEntries, review.readiness.count)
/// ```
public struct DatasetReview: Sendable {
    /// One manifest of the dataset.
    public struct Manifest: Sendable {
        /// Its name in findings.
        public let name: String
        /// Its entries' facts.
        public let profile: DatasetProfile
        /// Its numbers.
        public let statistics: DatasetStatistics
        /// Every finding of `lint` on it.
        public let findings: [Diagnostic]
    }

    /// The training manifest.
    public let training: Manifest
    /// Nil when the service is to split the training manifest itself.
    public let test: Manifest?
    /// The findings on the dataset's readiness for training: the findings of `lint` about each manifest as
    /// a whole (no line), then the dataset rules', in order of file and line.
    public let readiness: [Diagnostic]

    /// Lints and counts the manifest at `training` and, when given, the one at `test`, with `linter`.
    ///
    /// - Throws: ``ManifestError`` when a file cannot be read.
    public init(
        training: String, test: String? = nil, linter: ManifestLinter, trainingName: String? = nil,
        testName: String? = nil
    ) throws(ManifestError) {
        let lint = { (path: String, name: String?) throws(ManifestError) -> Manifest in
            try Self.manifest(name: name ?? path, linter: linter) { () throws(ManifestError) in
                try linter.lint(path: path, displayName: name)
            }
        }
        let trainingManifest = try lint(training, trainingName)
        var testManifest: Manifest?
        if let test { testManifest = try lint(test, testName) }
        self.init(training: trainingManifest, test: testManifest, linter: linter)
    }

    /// Lints and counts manifests held in memory (`training` and `test` are (name, bytes)).
    public init(training: (String, [UInt8]), test: (String, [UInt8])? = nil, linter: ManifestLinter) {
        let lint = { (file: (String, [UInt8])) -> Manifest in
            Self.manifest(name: file.0, linter: linter) { linter.lint(bytes: file.1, name: file.0) }
        }
        self.init(training: lint(training), test: test.map(lint), linter: linter)
    }

    /// The review of manifests already linted and counted, with the dataset rules `linter` runs.
    public init(training: Manifest, test: Manifest?, linter: ManifestLinter) {
        self.training = training
        self.test = test
        let dataset = ReviewedDataset(
            training: .init(name: training.name, profile: training.profile, statistics: training.statistics),
            test: test.map { .init(name: $0.name, profile: $0.profile, statistics: $0.statistics) })
        var findings: [DatasetFinding] = []
        for rule in linter.rules.datasetRules { rule.check(dataset, into: &findings) }
        let wholeManifest = [training, test].compactMap { $0 }.flatMap { $0.findings.filter { $0.line == nil } }
        readiness =
            wholeManifest
            + findings.map {
                linter.rules.diagnostic(
                    $0.rule, file: $0.file, line: $0.line, column: $0.line == nil ? nil : 1, message: $0.message)
            }.sorted(by: Diagnostic.sortOrder)
    }

    private static func manifest<E: Error>(
        name: String, linter: ManifestLinter, lint: () throws(E) -> [Diagnostic]
    ) throws(E) -> Manifest {
        linter.collectsProfile = true
        defer { linter.collectsProfile = false }
        let findings = try lint()
        let profile = linter.profile ?? DatasetProfile()
        return Manifest(name: name, profile: profile, statistics: DatasetStatistics(profile), findings: findings)
    }
}
