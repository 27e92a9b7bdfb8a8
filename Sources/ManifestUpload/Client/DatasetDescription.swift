/// A dataset's state, from `DescribeDataset`.
///
/// Every member is optional in the API model.
public struct DatasetDescription: Sendable, Equatable {
    /// The dataset status, such as `UPDATE_COMPLETE`.
    public enum Status: Sendable, Equatable {
        case createInProgress, createComplete, createFailed
        case updateInProgress, updateComplete, updateFailed
        case deleteInProgress
        /// A status this client does not know, as sent.
        case other(String)

        /// The status named `text`.
        public init(_ text: String) {
            switch text {
            case "CREATE_IN_PROGRESS": self = .createInProgress
            case "CREATE_COMPLETE": self = .createComplete
            case "CREATE_FAILED": self = .createFailed
            case "UPDATE_IN_PROGRESS": self = .updateInProgress
            case "UPDATE_COMPLETE": self = .updateComplete
            case "UPDATE_FAILED": self = .updateFailed
            case "DELETE_IN_PROGRESS": self = .deleteInProgress
            default: self = .other(text)
            }
        }

        /// Whether the dataset is busy (`*_IN_PROGRESS`) and would refuse an update.
        public var isInProgress: Bool {
            switch self {
            case .createInProgress, .updateInProgress, .deleteInProgress: return true
            case .other(let text): return text.hasSuffix("_IN_PROGRESS")
            default: return false
            }
        }
    }

    /// The status, or nil when the answer had none.
    public var status: Status?
    /// The status text as sent.
    public var statusText: String?
    /// The service's explanation of the status.
    public var statusMessage: String?
    /// `SUCCESS`, `SERVICE_ERROR` or `CLIENT_ERROR`.
    public var statusMessageCode: String?
    /// `DatasetStats.TotalEntries`.
    public var totalEntries: Int?
    /// `DatasetStats.ErrorEntries`.
    public var errorEntries: Int?
    /// `DatasetStats.TotalLabels`.
    public var totalLabels: Int?

    /// Reads the `DatasetDescription` member of a `DescribeDataset` answer.
    public init(answer: [String: Any]) {
        let description = answer["DatasetDescription"] as? [String: Any] ?? [:]
        statusText = description["Status"] as? String
        status = statusText.map(Status.init)
        statusMessage = description["StatusMessage"] as? String
        statusMessageCode = description["StatusMessageCode"] as? String
        let stats = description["DatasetStats"] as? [String: Any] ?? [:]
        totalEntries = stats["TotalEntries"] as? Int
        errorEntries = stats["ErrorEntries"] as? Int
        totalLabels = stats["TotalLabels"] as? Int
    }
}
