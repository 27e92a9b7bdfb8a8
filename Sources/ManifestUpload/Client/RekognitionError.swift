/// Why a call to the service failed, after retries.
public enum RekognitionError: Error, Sendable, CustomStringConvertible {
    /// The service answered with an error.
    case service(ServiceError, attempts: Int)
    /// No answer came.
    case transport(TransportError, attempts: Int)
    /// A call that is not safe to repeat blindly (``RekognitionClient/updateDatasetEntries(datasetARN:groundTruth:)``)
    /// was sent, but whether the service acted on it is unknown: a reset, a timeout, or a 5xx answer.
    case outcomeUnknown(operation: String, reason: String)
    /// The service answered 200 with a body that cannot be read.
    case invalidResponse(operation: String, reason: String)

    /// The service's error, when there is one.
    public var serviceError: ServiceError? {
        if case .service(let error, _) = self { return error }
        return nil
    }

    /// What happened, for people.
    public var description: String {
        switch self {
        case .service(let error, let attempts):
            return error.description + (attempts > 1 ? "\n  (after \(attempts) attempts)" : "")
        case .transport(let error, let attempts):
            return error.description + (attempts > 1 ? " (after \(attempts) attempts)" : "")
        case .outcomeUnknown(let operation, let reason):
            return "\(operation) was sent but its outcome is unknown (\(reason))"
        case .invalidResponse(let operation, let reason):
            return "\(operation): the service's answer cannot be read: \(reason)"
        }
    }
}
