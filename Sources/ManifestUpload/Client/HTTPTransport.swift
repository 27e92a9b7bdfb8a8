public import Foundation

/// An HTTP request as the client sends it.
public struct HTTPRequest: Sendable {
    /// The full URL.
    public var url: URL
    /// The method.
    public var method: String
    /// The headers, in order.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]
    /// Whether the request may travel on a connection used before (only the pages of a listing do: a
    /// request that changes something never goes on a connection the server may have dropped).
    public var mayReuseConnection: Bool

    /// Creates a request.
    public init(
        url: URL, method: String, headers: [(name: String, value: String)], body: [UInt8],
        mayReuseConnection: Bool = false
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.mayReuseConnection = mayReuseConnection
    }
}

/// An HTTP response.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The headers, by lower-cased name.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the body is empty or only JSON whitespace (an answer with no members).
    var bodyIsBlank: Bool {
        body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }
}

/// Why a request got no response; the two cases differ in whether the server may have acted on it.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request never reached the server (the connection could not be made): safe to send again.
    case notSent(String)
    /// The request was sent, or may have been, but no complete response came back (reset, timeout):
    /// the server may or may not have acted on it.
    case noResponse(String)
    /// No request can be sent from this machine (libcurl is missing): trying again will not help.
    case unavailable(String)

    /// Whether sending again may succeed.
    public var isRetryable: Bool {
        if case .unavailable = self { return false }
        return true
    }

    /// What happened, for people.
    public var description: String {
        switch self {
        case .notSent(let reason): return "could not connect: \(reason)"
        case .noResponse(let reason): return "no response: \(reason)"
        case .unavailable(let reason): return reason
        }
    }
}

/// Sends one request and waits for its response.
///
/// Every network call of the client goes through one, so
/// tests can use a real local server or a fake.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, waiting at most `timeout` seconds for the whole response.
    func send(_ request: HTTPRequest, timeout: Double) throws(TransportError) -> HTTPResponse

    /// Checks that requests can be sent at all (``TransportError/unavailable(_:)`` when not), so that a
    /// command says so once, before its work.
    func prepare() throws(TransportError)
}

extension HTTPTransport {
    /// A transport that can always send.
    public func prepare() throws(TransportError) {}
}
