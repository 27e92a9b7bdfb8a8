import Foundation

/// An error answer from the service, parsed as botocore parses awsJson1_1 errors.
public struct ServiceError: Error, Sendable, Equatable {
    /// The error code without namespace, such as `ThrottlingException`.
    public var code: String
    /// The service's message (`message` or `Message`), possibly empty.
    public var message: String
    /// The HTTP status.
    public var status: Int
    /// `x-amzn-RequestId`, when sent.
    public var requestID: String?
    /// The server's `Date` header, when sent (to tell how far the local clock is off).
    public var serverDate: String?

    /// Creates an error.
    public init(code: String, message: String, status: Int, requestID: String? = nil, serverDate: String? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.requestID = requestID
        self.serverDate = serverDate
    }

    /// Parses an error response.
    ///
    /// The code comes from `X-Amzn-ErrorType`, else the body's `__type`, `code` or
    /// `Code`, else the HTTP status; cut at the first `:` and after the last `#`
    /// (`com.amazon.coral.service#ThrottlingException` is `ThrottlingException`). The message from `message`,
    /// else `Message`. A body that is not JSON leaves the message empty.
    public init(response: HTTPResponse) {
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        let raw =
            response.headers["x-amzn-errortype"] ?? object["__type"] as? String ?? object["code"] as? String
            ?? object["Code"] as? String ?? String(response.status)
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        self.init(
            code: String(code).trimmingSpaces(),
            message: object["message"] as? String ?? object["Message"] as? String ?? "",
            status: response.status,
            requestID: response.headers["x-amzn-requestid"],
            serverDate: response.headers["date"])
    }

    /// Error codes that mean "slow down": the request was refused, not acted on (botocore's lists).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Whether the service refused the request to slow the caller down (it was not acted on).
    public var isThrottling: Bool { Self.throttlingCodes.contains(code) || status == 429 }

    /// Whether the failure is transient on the service's side (5xx other than throttling): worth trying
    /// again, but the request may have been acted on.
    public var isServerFault: Bool { [500, 502, 503, 504, 509].contains(status) && !isThrottling }

    /// Whether the same request will be refused again until something is changed here: a 4xx answer other
    /// than throttling and a busy dataset (authentication, permissions, an unknown dataset, a clock that is
    /// off, an invalid request).
    public var isPermanent: Bool {
        (400..<500).contains(status) && !isThrottling && code != "ResourceInUseException"
    }

    /// Whether the local clock is too far from the service's for a signature to be accepted.
    public var isClockSkew: Bool {
        ["InvalidSignatureException", "SignatureDoesNotMatch", "RequestExpired", "RequestTimeTooSkewed"].contains(code)
            && (message.contains("expired") || message.contains("not yet current") || code.hasPrefix("Request"))
    }

    /// What the error means and what to do, in plain words, when the service's message alone is terse.
    public var advice: String? {
        if isClockSkew {
            return "this computer's clock differs from AWS's by more than 5 minutes"
                + (serverDate.map { " (AWS's time: \($0))" } ?? "")
                + "; signatures are only accepted within that window. Set the clock, for example "
                + "`sudo timedatectl set-ntp true`, and run again"
        }
        switch code {
        case "InvalidSignatureException", "SignatureDoesNotMatch":
            return "the signature does not match: the secret access key does not belong to the access key ID "
                + "(check AWS_SECRET_ACCESS_KEY or the profile), or something between here and AWS changed "
                + "the request"
        case "UnrecognizedClientException", "InvalidClientTokenId":
            return "AWS does not know the access key ID, or the session token is invalid: the credentials are "
                + "wrong, deleted, or belong to another partition"
        case "ExpiredTokenException", "ExpiredToken":
            return "the temporary credentials have expired; refresh them and run again"
        case "MissingAuthenticationTokenException", "IncompleteSignatureException":
            return "the request reached AWS without a complete signature (a proxy may have removed the "
                + "Authorization header)"
        case "AccessDeniedException":
            return "the credentials may not make this call on this dataset; an IAM policy must allow it"
        case "ResourceNotFoundException":
            return "no such dataset or project in this account and region; check the ARN and the region"
        case "ResourceInUseException":
            return "the dataset is busy with another update; wait until it finishes"
        default:
            return nil
        }
    }
}

extension ServiceError: CustomStringConvertible {
    /// `Code (HTTP 400): message — advice [request ID]`.
    public var description: String {
        var text = "\(code) (HTTP \(status))"
        if !message.isEmpty { text += ": \(message)" }
        if let advice { text += "\n  \(advice)" }
        if let requestID { text += "\n  request ID: \(requestID)" }
        return text
    }
}
