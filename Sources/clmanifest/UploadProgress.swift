import ManifestKit
import ManifestUpload

/// Tells the user how an upload goes, on standard error: a line per batch sent, confirmed, skipped or sent
/// again, and, on a terminal, a line rewritten in place while the service works.
final class UploadProgress {
    private let batches: Int
    private let display = ProgressDisplay()

    init(batches: Int) {
        self.batches = batches
    }

    /// Shows `event`.
    func show(_ event: UploadEvent) {
        switch event {
        case .sending(let index, _, let lines, let bytes):
            log("batch \(index + 1)/\(batches): sending \(Count.phrase(lines, "line")), \(Count.bytes(bytes))")
        case .updating(let index, let status, let seconds):
            display.note("batch \(index + 1)/\(batches): \(status), \(Int(seconds)) s")
        case .confirmed(let index):
            log("batch \(index + 1)/\(batches): UPDATE_COMPLETE")
        case .accepted(let index):
            log("batch \(index + 1)/\(batches): accepted (UPDATE_IN_PROGRESS; not waited for)")
        case .skipped(let index):
            log("batch \(index + 1)/\(batches): confirmed by an earlier run, skipped")
        case .resending(let index, let reason):
            log("batch \(index + 1)/\(batches): \(reason); waiting for the dataset, then sending it again")
        case .waitingForDataset(let status, let seconds):
            if seconds == 0 { log("the dataset is \(status); waiting until it is not") }
            display.note("waiting for the dataset: \(status), \(Int(seconds)) s")
        }
    }

    /// Clears the live line.
    func end() {
        display.end()
    }

    private func log(_ text: String) {
        display.end()
        Output.standardError(text + "\n")
    }
}
