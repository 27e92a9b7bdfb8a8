import Crypto
public import ManifestKit

/// One upload of a manifest's changes to a dataset, step by step: the lint gate, the change set (the lines
/// that differ from the live dataset or a prior manifest, or every line), the plan, the send (journalled,
/// so that it resumes), and the service's entry errors mapped back to the manifest's lines.
///
/// `clmanifest upload` and `clmanifest update-dataset-entries` both run it; they add the arguments, the
/// printing, the prompt and the exit statuses.
///
/// ```swift
/// let session = UploadSession(datasetARN: arn, connection: connection)
/// let changes = try session.changeSet(of: .file("train.manifest"), comparedWith: .liveDataset())
/// let plan = try UploadPlan(changeSet: changes.bytes, lineSizes: changes.lineSizes, maxBatchBytes: 5_242_880)
/// let report = try session.send(plan)
/// ```
public struct UploadSession {
    /// The dataset.
    public let datasetARN: String
    /// The connection to it; nil for a dry run that needs none (against a file, or of every line).
    public let connection: DatasetConnection?

    /// A session for the dataset `datasetARN`, through `connection`.
    public init(datasetARN: String, connection: DatasetConnection?) {
        self.datasetARN = datasetARN
        self.connection = connection
    }

    /// Why a step could not be taken, in one sentence.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// One sentence, lowercase.
        public var description: String

        /// A failure saying `description`.
        public init(_ description: String) {
            self.description = description
        }
    }

    // MARK: - The lint gate

    /// The findings that stop a send (those of error severity, after the configuration), or nil when there
    /// are none.
    public static func blockingFindings(in diagnostics: [Diagnostic]) -> [Diagnostic]? {
        let errors = diagnostics.filter { $0.severity == .error }
        return errors.isEmpty ? nil : errors
    }

    // MARK: - The change set

    /// What the manifest is compared with.
    public enum Comparison {
        /// Nothing: every non-blank line is sent.
        case everyLine
        /// A prior manifest (such as one pulled earlier).
        case prior(ManifestSource)
        /// The dataset as it is now, pulled with `ListDatasetEntries` (kept in memory: a dry run writes
        /// nothing); `onPage` receives the running count of entries.
        case liveDataset(onPage: (Int) -> Void = { _ in })
    }

    /// The lines to send.
    public struct ChangeSet {
        /// The lines, each ending with a newline.
        public var bytes: [UInt8]
        /// The size of each line, its newline included.
        public var lineSizes: [Int]
        /// The comparison it came from; nil for every line.
        public var diff: DiffResult?
    }

    /// The lines of `manifest` to send, compared as `comparison` says.
    public func changeSet(of manifest: ManifestSource, comparedWith comparison: Comparison) throws(Failure)
        -> ChangeSet
    {
        let prior: ManifestSource
        switch comparison {
        case .everyLine:
            let bytes: [UInt8]
            switch manifest {
            case .memory(let memory, _):
                bytes = memory
            case .file(let path):
                do {
                    bytes = try FileContents.bytes(path)
                } catch {
                    throw Failure(error.description)
                }
            }
            let lines = UploadPlan.allLines(of: bytes)
            return ChangeSet(bytes: lines.changeSet, lineSizes: lines.lineSizes, diff: nil)
        case .prior(let source):
            prior = source
        case .liveDataset(let onPage):
            guard let connection else { throw Failure("comparing with the live dataset needs a connection") }
            do {
                prior = .memory(
                    try connection.pull(strippingServiceKeys: false, onPage: onPage).manifest, name: "the dataset")
            } catch {
                throw Failure("cannot read the dataset: \(error)")
            }
        }
        var bytes: [UInt8] = []
        var options = DiffOptions()
        options.details = false
        do {
            let result = try ManifestDiff(options: options).run(prior: prior, new: manifest) {
                bytes.append(contentsOf: $0)
            }
            return ChangeSet(bytes: bytes, lineSizes: result.changeSetLineSizes, diff: result)
        } catch {
            throw Failure(error.description)
        }
    }

    // MARK: - The journal

    /// The journal of an upload of the manifest file at `manifest` compared as `comparison` says, in batches
    /// of at most `maxBatchBytes`, kept in `directory`: the same upload run again finds it and resumes.
    public func journal(
        for manifest: String, comparedWith comparison: Comparison, maxBatchBytes: Int, directory: String
    ) throws(Failure) -> (journal: UploadJournal, key: String) {
        guard let digest = FileDigest.sha256(path: manifest) else { throw Failure("cannot read '\(manifest)'") }
        let mode: String
        switch comparison {
        case .everyLine: mode = "all"
        case .prior(.file(let path)): mode = "prior:\(FileDigest.sha256(path: path) ?? path)"
        // By content: a prior read from S3 that changed is another comparison, and another journal.
        case .prior(.memory(let bytes, _)): mode = "prior:\(SigV4Signer.hex(SHA256.hash(data: bytes)))"
        case .liveDataset: mode = "live"
        }
        let key = UploadJournal.key(
            datasetARN: datasetARN, manifestDigest: digest, planOptions: "\(mode) \(maxBatchBytes)")
        return (UploadJournal(directory: directory, key: key), key)
    }

    // MARK: - The send

    /// How to send a plan.
    public struct SendOptions {
        /// Whether to wait for the last batch's update to end too; when false, the upload ends once the
        /// service has accepted it.
        public var waitsAfterLastBatch = true
        /// A plan of one batch that is not waited for is sent as one call, as the AWS CLI sends it: no
        /// `DescribeDataset` before or after.
        public var sendsOneBatchAsOneCall = false
        /// A fixed interval between polls instead of the adaptive one (for tests).
        public var pollInterval: Double?

        /// The defaults: every batch waited for.
        public init() {}
    }

    /// Sends the batches of `plan` not in `confirmed`, recording progress in `journal`; `onEvent` receives
    /// each step.
    public func send(
        _ plan: UploadPlan, confirmed: Set<Int> = [], journal: UploadJournal? = nil,
        options: SendOptions = SendOptions(),
        onEvent: @escaping (UploadEvent) -> Void = { _ in }
    ) throws(UploadError) -> DatasetUploader.Report {
        guard let connection else {
            preconditionFailure("UploadSession.send without a connection: a dry run sends nothing")
        }
        if options.sendsOneBatchAsOneCall, plan.batches.count == 1, !options.waitsAfterLastBatch {
            do {
                try connection.client.updateDatasetEntries(datasetARN: datasetARN, groundTruth: plan.batches[0])
            } catch {
                throw .request(index: nil, error)
            }
            return DatasetUploader.Report()
        }
        var uploader = DatasetUploader(client: connection.client, datasetARN: datasetARN, onEvent: onEvent)
        uploader.waitsAfterLastBatch = options.waitsAfterLastBatch
        if let interval = options.pollInterval {
            uploader.pollPolicy = PollPolicy(initialInterval: interval, maxInterval: interval)
        }
        return try uploader.upload(plan, confirmed: confirmed, journal: journal)
    }

    // MARK: - The service's entry errors

    /// The errors and warnings the service wrote into the dataset's entries.
    public struct EntryErrors {
        /// The dataset's entries with errors.
        public var entries: Int
        /// Findings at the lines of the manifest that hold the entries.
        public var diagnostics: [Diagnostic]
        /// Entries with errors whose `source-ref` is not in the manifest.
        public var elsewhere: Int
        /// The error findings among ``diagnostics``.
        public var errors: Int { diagnostics.count { $0.severity == .error } }
    }

    /// The entries the service marked with errors (`ListDatasetEntries`, `HasErrors`), reported at their
    /// lines in the manifest file at `manifest`, named `name` in the findings (default: its path).
    public func entryErrors(reportedAt manifest: String, named name: String? = nil) throws(Failure) -> EntryErrors {
        guard let connection else { return EntryErrors(entries: 0, diagnostics: [], elsewhere: 0) }
        var entries: [String] = []
        do {
            try connection.client.forEachDatasetEntry(datasetARN: datasetARN, hasErrors: true) { entries += $0 }
        } catch {
            throw Failure("the entries with errors could not be listed: \(error)")
        }
        guard !entries.isEmpty else { return EntryErrors(entries: 0, diagnostics: [], elsewhere: 0) }
        let sourceRefs = Set(entries.compactMap { ServiceEntryFindings.items(inEntry: $0)?.sourceRef })
        let lines = (try? ServiceEntryFindings.lines(of: sourceRefs, inManifest: manifest)) ?? [:]
        let (diagnostics, elsewhere) = ServiceEntryFindings.diagnostics(
            entries: entries, manifest: name ?? manifest, lines: lines)
        return EntryErrors(entries: entries.count, diagnostics: diagnostics, elsewhere: elsewhere)
    }
}
