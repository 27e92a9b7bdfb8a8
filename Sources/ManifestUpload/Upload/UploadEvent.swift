/// What the uploader is doing, for progress displays and logs.
public enum UploadEvent: Sendable, Equatable {
    /// Waiting for the dataset to leave a `*_IN_PROGRESS` status before sending.
    case waitingForDataset(status: String, seconds: Double)
    /// Batch `index` (0-based) of `count` is being sent.
    case sending(index: Int, count: Int, lines: Int, bytes: Int)
    /// The service accepted batch `index`; the update is running.
    case updating(index: Int, status: String, seconds: Double)
    /// The service confirmed batch `index` with `UPDATE_COMPLETE`.
    case confirmed(index: Int)
    /// The service accepted the last batch, `index`, which is not waited for.
    case accepted(index: Int)
    /// Batch `index` was confirmed by an earlier run (from the journal) and is skipped.
    case skipped(index: Int)
    /// Batch `index` will be sent again, and why (the dataset was busy, or the outcome was unknown).
    case resending(index: Int, reason: String)
}
