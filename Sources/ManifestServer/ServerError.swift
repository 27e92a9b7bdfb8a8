/// A request the server answers with a JSON-RPC error.
enum ServerError: Error, Equatable {
    /// -32700: the message was not JSON.
    case parseError(String)
    /// -32600: not a request or notification of JSON-RPC 2.0 (or one after `shutdown`).
    case invalidRequest(String)
    /// -32601: a request the server does not know.
    case methodNotFound(String)
    /// -32602: the parameters are not what the method takes.
    case invalidParams(String)
    /// -32002: a request before `initialize`.
    case serverNotInitialized
    /// -32603: the server failed on a request it understood.
    case internalError(String)

    /// The error object of the response.
    var json: [String: Any] {
        switch self {
        case .parseError(let message): ["code": -32700, "message": message]
        case .invalidRequest(let message): ["code": -32600, "message": message]
        case .methodNotFound(let method): ["code": -32601, "message": "no method '\(method)'"]
        case .invalidParams(let message): ["code": -32602, "message": message]
        case .serverNotInitialized: ["code": -32002, "message": "the server is not initialized: send initialize first"]
        case .internalError(let message): ["code": -32603, "message": message]
        }
    }
}
