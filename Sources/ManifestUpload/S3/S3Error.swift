/// Why an S3 request failed, in words that say what to do.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// 404: the object (or the bucket) is not there.
    case notFound(S3URI, code: String)
    /// 403: the credentials may not read it.
    case accessDenied(S3URI, message: String)
    /// Any other answer the request cannot succeed with (after retries for the ones that may).
    case failed(S3URI, status: Int, code: String, message: String)
    /// No answer, after every attempt.
    case unreachable(S3URI, reason: String)
    /// The settings cannot make a request (no credentials, a bad endpoint).
    case configuration(String)

    /// One sentence.
    public var description: String {
        switch self {
        case .notFound(let uri, let code):
            return code == "NoSuchBucket" ? "no such bucket '\(uri.bucket)' (\(uri))" : "no such key: \(uri)"
        case .accessDenied(let uri, let message):
            return "access denied to \(uri)\(message.isEmpty ? "" : " (\(message))")"
        case .failed(let uri, let status, let code, let message):
            return "S3 answered \(status)\(code.isEmpty ? "" : " \(code)") for \(uri)"
                + (message.isEmpty ? "" : ": \(message)")
        case .unreachable(let uri, let reason):
            return "no answer from S3 for \(uri): \(reason)"
        case .configuration(let message):
            return message
        }
    }
}
