public import Foundation
import ManifestKit

/// A thin client for the Rekognition Custom Labels dataset operations: awsJson1_1 over `POST /`, each
/// attempt signed afresh with SigV4, retried with backoff when the failure is transient.
///
/// Calls that are safe to repeat (reads) are retried on throttling, server faults and lost connections.
/// `UpdateDatasetEntries` is retried only when the service certainly did not act on it (throttling, or no
/// connection made); when the outcome is unknown it throws ``RekognitionError/outcomeUnknown(operation:reason:)``
/// so that the caller can wait for the dataset and resend (see ``DatasetUploader``).
public final class RekognitionClient: Sendable {
    /// The endpoint, such as `https://rekognition.us-east-1.amazonaws.com`.
    public let endpoint: URL
    /// The signer (credentials and region).
    public let signer: SigV4Signer
    /// Sends the requests.
    public let transport: any HTTPTransport
    /// Attempts and backoff.
    public let retryPolicy: RetryPolicy
    /// Seconds to wait for one response.
    public let timeout: Double
    /// Whether requests are signed (false for `--no-sign-request`).
    public let signsRequests: Bool
    /// The clock for signatures.
    let now: @Sendable () -> Date
    /// Waits for the given seconds (tests pass a fast one).
    let sleep: @Sendable (Double) -> Void
    /// Receives one line per request and response for `--debug`; secrets are redacted.
    let log: (@Sendable (String) -> Void)?

    /// Creates a client.
    public init(
        endpoint: URL, signer: SigV4Signer, transport: any HTTPTransport, retryPolicy: RetryPolicy = RetryPolicy(),
        timeout: Double = 60, signsRequests: Bool = true, now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.endpoint = endpoint
        self.signer = signer
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.signsRequests = signsRequests
        self.now = now
        self.sleep = sleep
        self.log = log
    }

    /// Calls `operation` with the JSON object `input`.
    ///
    /// - Parameters:
    ///   - operation: the operation's name, such as `DescribeDataset`.
    ///   - input: the request's members.
    ///   - idempotent: whether the call may be repeated when its outcome is unknown.
    ///   - reusesConnection: whether the call may travel on a connection used before (pages of a listing);
    ///     other calls open a fresh one, on which a dropped connection fails at once.
    /// - Returns: the answer's JSON object (empty for an empty body).
    /// - Throws: ``RekognitionError`` once retries are spent, or at once for an error not worth retrying.
    public func call(
        _ operation: String, _ input: [String: Any], idempotent: Bool = true, reusesConnection: Bool = false
    ) throws(RekognitionError)
        -> [String: Any]
    {
        try call(operation, input, idempotent: idempotent, reusesConnection: reusesConnection) {
            (response) throws(RekognitionError) in try decode(response, operation)
        }
    }

    /// Calls `operation` with the JSON object `input`, and reads a successful answer with `decode` (which
    /// throws ``RekognitionError/invalidResponse(operation:reason:)`` for an answer it cannot read).
    func call<Answer>(
        _ operation: String, _ input: [String: Any], idempotent: Bool = true, reusesConnection: Bool = false,
        decoding decode: (HTTPResponse) throws(RekognitionError) -> Answer
    ) throws(RekognitionError) -> Answer {
        let body: [UInt8]
        do {
            body = Array(try JSONSerialization.data(withJSONObject: input, options: [.withoutEscapingSlashes]))
        } catch {
            throw .invalidResponse(operation: operation, reason: "the request cannot be encoded: \(error)")
        }
        let invocation = UUID().uuidString.lowercased()
        var attempt = 0
        while true {
            attempt += 1
            var failure: RekognitionError
            var retryable: Bool
            do {
                var request = request(operation, body, invocation, attempt)
                request.mayReuseConnection = idempotent && reusesConnection
                let response = try transport.send(request, timeout: timeout)
                log?(
                    "← \(operation) HTTP \(response.status), \(response.body.count) bytes, request ID "
                        + (response.headers["x-amzn-requestid"] ?? "none"))
                if (200..<300).contains(response.status) {
                    do {
                        return try decode(response)
                    } catch {
                        // A 2xx that is not the service's answer (a proxy's page?): whether an update was
                        // applied cannot be told, so the caller must treat it as unknown.
                        if idempotent { throw error }
                        throw RekognitionError.outcomeUnknown(operation: operation, reason: "\(error)")
                    }
                }
                let error = ServiceError(response: response)
                failure = .service(error, attempts: attempt)
                if error.isThrottling {
                    retryable = true
                } else if error.isServerFault {
                    guard idempotent else {
                        throw RekognitionError.outcomeUnknown(
                            operation: operation, reason: "\(error.code) (HTTP \(error.status))")
                    }
                    retryable = true
                } else {
                    retryable = false
                }
            } catch let error as TransportError {
                log?("← \(operation) \(error)")
                failure = .transport(error, attempts: attempt)
                if case .noResponse(let reason) = error, !idempotent {
                    throw .outcomeUnknown(operation: operation, reason: reason)
                }
                retryable = error.isRetryable
            } catch let error as RekognitionError {
                throw error
            } catch {
                throw .invalidResponse(operation: operation, reason: "\(error)")
            }
            guard retryable, attempt < retryPolicy.maxAttempts else { throw failure }
            let delay = retryPolicy.delay(afterAttempt: attempt)
            log?(
                "  retrying \(operation) in \(Int(delay * 1000)) ms (attempt \(attempt + 1) of \(retryPolicy.maxAttempts))"
            )
            sleep(delay)
        }
    }

    /// The signed request for one attempt.
    private func request(_ operation: String, _ body: [UInt8], _ invocation: String, _ attempt: Int) -> HTTPRequest {
        var signable = SignableRequest(
            method: "POST", target: "/",
            headers: [
                ("Host", Self.hostHeader(endpoint)),
                ("X-Amz-Target", "RekognitionService.\(operation)"),
                ("Content-Type", "application/x-amz-json-1.1"),
            ], body: body)
        if signsRequests { signer.sign(&signable, timestamp: AMZDate.string(from: now())) }
        signable.headers.append(("User-Agent", "clmanifest/\(ClmanifestVersion.number)"))
        signable.headers.append(("amz-sdk-invocation-id", invocation))
        signable.headers.append(("amz-sdk-request", "attempt=\(attempt); max=\(retryPolicy.maxAttempts)"))
        if let log {
            let shown = signable.headers.map { "\($0.name): \(Self.redacted($0.name, $0.value))" }
            log(
                "→ POST \(endpoint.absoluteString) \(operation) attempt \(attempt), \(body.count) bytes; "
                    + shown.joined(separator: "; "))
        }
        return HTTPRequest(url: endpoint, method: "POST", headers: signable.headers, body: body)
    }

    private func decode(_ response: HTTPResponse, _ operation: String) throws(RekognitionError) -> [String: Any] {
        if response.bodyIsBlank { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw .invalidResponse(
                operation: operation, reason: "HTTP \(response.status) with a body that is not a JSON object")
        }
        return object
    }

    /// `host` or `host:port` when the port is not the scheme's default.
    static func hostHeader(_ url: URL) -> String {
        let host = (url.host ?? "").lowercased()
        guard let port = url.port else { return host }
        let isDefault = (url.scheme == "https" && port == 443) || (url.scheme == "http" && port == 80)
        return isDefault ? host : "\(host):\(port)"
    }

    /// A header's value for the debug log: the signature and the session token are replaced.
    static func redacted(_ name: String, _ value: String) -> String {
        switch name.lowercased() {
        case "x-amz-security-token": return "<redacted>"
        case "authorization":
            guard let range = value.range(of: "Signature=") else { return "<redacted>" }
            return value[..<range.upperBound] + "<redacted>"
        default: return value
        }
    }
}
