/// Why an upload stopped.
///
/// Every case says which batch and whether a re-run resumes.
public enum UploadError: Error, Sendable, CustomStringConvertible {
    /// The service ended the update of batch `index` with `UPDATE_FAILED`.
    case updateFailed(index: Int, statusMessage: String?, statusMessageCode: String?)
    /// A call failed for good.
    case request(index: Int?, RekognitionError)
    /// The dataset stayed in progress longer than allowed.
    case timedOut(index: Int?, status: String, seconds: Double)
    /// The dataset ended in a status other than `UPDATE_COMPLETE` or `UPDATE_FAILED`.
    case unexpectedStatus(index: Int, status: String)
    /// The journal could not be written.
    case journal(UploadJournal.JournalError)

    /// What happened and what to do, for people, for a run of `clmanifest upload`.
    public var description: String { description(rerun: "clmanifest upload") }

    /// What happened and what to do, naming `command` as the one to run again.
    public func description(rerun command: String) -> String {
        func batch(_ index: Int?) -> String { index.map { "batch \($0 + 1): " } ?? "" }
        switch self {
        case .updateFailed(let index, let message, let code):
            return "\(batch(index))the service ended the update with UPDATE_FAILED"
                + (code.map { " (\($0))" } ?? "") + (message.map { ": \($0)" } ?? "")
                + "\n  the entries of this batch were not applied; earlier batches were. The service does not say "
                + "which line caused it: run `clmanifest lint` on the manifest, fix it and run `\(command)` again"
        case .request(let index, let error):
            return "\(batch(index))\(error)"
        case .timedOut(let index, let status, let seconds):
            return "\(batch(index))the dataset was still \(status) after \(Int(seconds)) s; run again to resume"
        case .unexpectedStatus(let index, let status):
            return "\(batch(index))the dataset ended the update with status \(status)"
        case .journal(let error):
            return error.description
        }
    }
}
