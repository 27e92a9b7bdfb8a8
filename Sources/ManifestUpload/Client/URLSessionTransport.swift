import Foundation
import ManifestKit
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession`.
///
/// Requests that may reuse a connection (``HTTPRequest/mayReuseConnection``: the pages of a listing) share
/// one session per timeout. Every other request gets a session of its own and so a fresh connection: with
/// Foundation on Linux, a request whose reused connection is reset or closed by the server hangs, spinning,
/// until the timeout, while on a fresh connection the failure is reported at once (measured with the test
/// server's dropped connections).
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    /// The shared sessions, by timeout.
    private let sessions = Mutex<[Int: URLSession]>([:])

    /// Creates a transport.
    public init() {}

    deinit {
        sessions.withLock { sessions in
            for session in sessions.values { session.finishTasksAndInvalidate() }
        }
    }

    /// Sends `request` and blocks until the response or a failure (or `timeout` seconds without data,
    /// rounded up to whole seconds as Foundation on Linux counts them).
    public func send(_ request: HTTPRequest, timeout: Double) throws(TransportError) -> HTTPResponse {
        let seconds = max(1, Int(timeout.rounded(.up)))
        var urlRequest = URLRequest(url: request.url, timeoutInterval: Double(seconds))
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = Data(request.body)
        let session = request.mayReuseConnection ? shared(seconds) : Self.makeSession(seconds)
        defer { if !request.mayReuseConnection { session.finishTasksAndInvalidate() } }
        let outcome = Outcome()
        let task = session.dataTask(with: urlRequest) { data, response, error in
            outcome.condition.withLock {
                outcome.data = data
                outcome.response = response as? HTTPURLResponse
                outcome.error = error
                outcome.isDone = true
                outcome.condition.broadcast()
            }
        }
        task.resume()
        outcome.condition.withLock {
            while !outcome.isDone { outcome.condition.wait() }
        }
        if let error = outcome.error { throw Self.classify(error) }
        guard let response = outcome.response else { throw .noResponse("the response was not HTTP") }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return HTTPResponse(status: response.statusCode, headers: headers, body: outcome.data ?? Data())
    }

    private func shared(_ seconds: Int) -> URLSession {
        sessions.withLock { sessions in
            if let session = sessions[seconds] { return session }
            let session = Self.makeSession(seconds)
            sessions[seconds] = session
            return session
        }
    }

    private static func makeSession(_ seconds: Int) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Double(seconds)
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // Many requests to one host at once (images in S3, --s3-concurrency): Foundation's default would
        // queue all but a few.
        configuration.httpMaximumConnectionsPerHost = 128
        return URLSession(configuration: configuration)
    }

    /// Whether the request may have reached the server.
    static func classify(_ error: any Error) -> TransportError {
        let reason = error.localizedDescription
        guard let code = (error as? URLError)?.code else { return .noResponse(reason) }
        switch code {
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet, .badURL,
            .unsupportedURL, .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .notSent(reason)
        case .timedOut:
            return .noResponse("no answer within the timeout")
        default:
            return .noResponse(reason)
        }
    }
}

/// What the completion handler received.
private final class Outcome: @unchecked Sendable {
    /// Guards the fields; the request's thread waits on it until ``isDone``.
    let condition = Condition()
    var isDone = false
    var data: Data?
    var response: HTTPURLResponse?
    var error: (any Error)?
}
