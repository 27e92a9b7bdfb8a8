public import Foundation

/// Sends an ``UploadPlan`` to a dataset one batch at a time, each confirmed before the next.
///
/// For each batch not yet confirmed in the journal: wait until the dataset is not busy, record the send,
/// call `UpdateDatasetEntries`, poll `DescribeDataset` until the update ends, and record the confirmation.
/// `ResourceInUseException`, or a send whose outcome is unknown (a reset, a timeout, a 5xx), is answered by
/// waiting until the dataset leaves `*_IN_PROGRESS` and sending the same batch again: safe, because an
/// update replaces entries by `source-ref`. There are never two updates in flight.
public struct DatasetUploader {
    /// The client.
    public var client: RekognitionClient
    /// The dataset.
    public var datasetARN: String
    /// How often to poll.
    public var pollPolicy: PollPolicy
    /// How many times one batch may be sent again before the upload stops.
    public var maxResends: Int
    /// Whether to wait for the last batch's update to end (as for the others); when false, the upload ends
    /// once the service has accepted it, as the AWS CLI does.
    public var waitsAfterLastBatch = true
    /// Waits for the given seconds.
    public var sleep: (Double) -> Void
    /// Receives progress.
    public var onEvent: (UploadEvent) -> Void

    /// Creates an uploader.
    public init(
        client: RekognitionClient, datasetARN: String, pollPolicy: PollPolicy = PollPolicy(), maxResends: Int = 10,
        sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
        onEvent: @escaping (UploadEvent) -> Void = { _ in }
    ) {
        self.client = client
        self.datasetARN = datasetARN
        self.pollPolicy = pollPolicy
        self.maxResends = maxResends
        self.sleep = sleep
        self.onEvent = onEvent
    }

    /// What an upload did.
    public struct Report: Sendable, Equatable {
        /// Batches sent and confirmed in this run (the last one only counted when waited for).
        public var confirmed = 0
        /// Batches skipped because an earlier run confirmed them.
        public var skipped = 0
        /// Sends repeated after a busy dataset or an unknown outcome.
        public var resends = 0
        /// The dataset's description after the last batch (nil when it was not waited for).
        public var final: DatasetDescription?

        /// An empty report.
        public init() {}
    }

    /// Sends every batch of `plan` not in `confirmed`, recording progress in `journal`.
    public func upload(_ plan: UploadPlan, confirmed: Set<Int> = [], journal: UploadJournal?) throws(UploadError)
        -> Report
    {
        var report = Report()
        for index in plan.batches.indices {
            if confirmed.contains(index) {
                report.skipped += 1
                onEvent(.skipped(index: index))
                continue
            }
            let waits = waitsAfterLastBatch || index < plan.batches.count - 1
            report.final = try send(plan, index, journal: journal, waits: waits, report: &report)
            guard waits else {
                onEvent(.accepted(index: index))
                return report
            }
            report.confirmed += 1
            do {
                try journal?.recordConfirmed(index)
            } catch {
                throw .journal(error)
            }
            onEvent(.confirmed(index: index))
        }
        if report.final == nil, waitsAfterLastBatch {
            report.final = try? client.describeDataset(datasetARN: datasetARN)
        }
        return report
    }

    /// Sends batch `index` until the service confirms it (or, unless `waits`, accepts it); returns the
    /// dataset's description at the end.
    private func send(_ plan: UploadPlan, _ index: Int, journal: UploadJournal?, waits: Bool, report: inout Report)
        throws(UploadError) -> DatasetDescription?
    {
        var resends = 0
        while true {
            _ = try waitUntilIdle(index: index, waiting: true)
            do {
                try journal?.recordSent(index)
            } catch {
                throw .journal(error)
            }
            onEvent(
                .sending(
                    index: index, count: plan.batches.count, lines: plan.lineCounts[index],
                    bytes: plan.batches[index].count))
            var reason: String?
            do {
                try client.updateDatasetEntries(datasetARN: datasetARN, groundTruth: plan.batches[index])
            } catch .outcomeUnknown(_, let why) {
                reason = "the outcome of the send is unknown (\(why))"
            } catch .service(let error, _) where error.code == "ResourceInUseException" {
                reason = "the dataset is busy with another update"
            } catch {
                throw .request(index: index, error)
            }
            if let reason {
                resends += 1
                guard resends <= maxResends else {
                    throw .request(
                        index: index,
                        .outcomeUnknown(operation: "UpdateDatasetEntries", reason: "\(reason), \(resends) times"))
                }
                report.resends += 1
                onEvent(.resending(index: index, reason: reason))
                continue
            }
            guard waits else { return nil }
            let description = try waitUntilIdle(index: index, waiting: false)
            switch description.status {
            case .updateComplete?:
                return description
            case .updateFailed?:
                throw .updateFailed(
                    index: index, statusMessage: description.statusMessage,
                    statusMessageCode: description.statusMessageCode)
            default:
                throw .unexpectedStatus(index: index, status: description.statusText ?? "(none)")
            }
        }
    }

    /// Polls `DescribeDataset` until the dataset is not `*_IN_PROGRESS`.
    ///
    /// - Parameters:
    ///   - index: the batch, for events and errors.
    ///   - waiting: true before a send (the events say "waiting"), false while our update runs.
    /// - Returns: the dataset's description once it is idle.
    /// - Throws: ``UploadError`` when polling fails or takes longer than the policy allows.
    private func waitUntilIdle(index: Int, waiting: Bool) throws(UploadError) -> DatasetDescription {
        var polls = 0
        var elapsed = 0.0
        while true {
            let description: DatasetDescription
            do {
                description = try client.describeDataset(datasetARN: datasetARN)
            } catch {
                throw .request(index: index, error)
            }
            guard let status = description.status, status.isInProgress else { return description }
            let text = description.statusText ?? ""
            onEvent(
                waiting
                    ? .waitingForDataset(status: text, seconds: elapsed)
                    : .updating(index: index, status: text, seconds: elapsed))
            guard elapsed < pollPolicy.timeout else { throw .timedOut(index: index, status: text, seconds: elapsed) }
            let interval = pollPolicy.interval(afterPolls: polls)
            sleep(interval)
            elapsed += interval
            polls += 1
        }
    }
}
