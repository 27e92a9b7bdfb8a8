/// An HTTP request to sign: method, path with query, headers in order (names may repeat), body.
public struct SignableRequest: Sendable {
    /// The method, such as `GET` or `POST`.
    public var method: String
    /// The path and query as they are sent, such as `/` or `/?Param=value`.
    public var target: String
    /// The headers, in order.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The values of the header `name` (any case), in order.
    public func values(of name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Sets the header `name`, replacing any of that name.
    public mutating func set(_ name: String, _ value: String) {
        let wanted = name.lowercased()
        headers.removeAll { $0.name.lowercased() == wanted }
        headers.append((name, value))
    }
}
