import Crypto
import ManifestKit

/// AWS Signature Version 4 in headers, as botocore's `SigV4Auth` signs (`../shared/spec/wire-protocol.md` §4).
///
/// ```swift
/// let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "rekognition")
/// signer.sign(&request, at: .now)   // adds X-Amz-Date, X-Amz-Security-Token, Authorization
/// ```
public struct SigV4Signer: Sendable {
    /// The credentials that sign.
    public var credentials: AWSCredentials
    /// The region, such as `us-east-1`.
    public var region: String
    /// The signing name, such as `rekognition`.
    public var service: String
    /// Whether to add a signed `X-Amz-Content-SHA256` header (S3 style; not for Rekognition).
    public var signsPayloadHeader = false
    /// Whether the session token is added after signing (unsigned) rather than before.
    public var omitsSessionTokenFromSignature = false
    /// Whether the path is normalised (dot segments removed, slashes collapsed) and encoded a second time,
    /// as for every service but S3; S3 signs the path as it is, encoded once (the suite's `normalize:
    /// false` cases).
    public var normalizesPath = true

    /// Headers never signed (botocore's list): the HTTP layer may change them on the way.
    static let unsignedHeaders: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id", "authorization",
    ]

    /// Creates a signer.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs `request` at `timestamp`: sets `X-Amz-Date` (and the session token, and the payload hash header
    /// when asked), then `Authorization`.
    public func sign(_ request: inout SignableRequest, timestamp: String) {
        request.set("X-Amz-Date", timestamp)
        if let token = credentials.sessionToken, !omitsSessionTokenFromSignature {
            request.set("X-Amz-Security-Token", token)
        }
        if signsPayloadHeader { request.set("X-Amz-Content-SHA256", Self.hex(SHA256.hash(data: request.body))) }
        let parts = signature(of: request, timestamp: timestamp)
        request.set(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(timestamp)), "
                + "SignedHeaders=\(parts.signedHeaders), Signature=\(parts.signature)")
        if let token = credentials.sessionToken, omitsSessionTokenFromSignature {
            request.set("X-Amz-Security-Token", token)
        }
    }

    /// Signs `request` in its query string, as a presigned URL valid for `expires` seconds.
    ///
    /// Adds `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders` and
    /// `X-Amz-Security-Token` to the target, then `X-Amz-Signature` (the token after it, unsigned, with
    /// ``omitsSessionTokenFromSignature``). Returns the pieces of the signature.
    @discardableResult
    public func presign(_ request: inout SignableRequest, timestamp: String, expires: Int) -> (
        canonicalRequest: String, stringToSign: String, signedHeaders: String, signature: String
    ) {
        let encode = { (text: String) in PercentEncoding.encode(text, keepingSlash: false) }
        var parameters = [
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Credential=" + encode("\(credentials.accessKeyID)/\(scope(timestamp))"),
            "X-Amz-Date=\(timestamp)", "X-Amz-Expires=\(expires)",
            "X-Amz-SignedHeaders=" + encode(Self.signedHeaderNames(request).joined(separator: ";")),
        ]
        if let token = credentials.sessionToken, !omitsSessionTokenFromSignature {
            parameters.append("X-Amz-Security-Token=" + encode(token))
        }
        request.target += (request.target.contains("?") ? "&" : "?") + parameters.joined(separator: "&")
        let parts = signature(of: request, timestamp: timestamp)
        request.target += "&X-Amz-Signature=\(parts.signature)"
        if let token = credentials.sessionToken, omitsSessionTokenFromSignature {
            request.target += "&X-Amz-Security-Token=" + encode(token)
        }
        return parts
    }

    /// The pieces of the signature of `request` (which must already carry `X-Amz-Date`).
    public func signature(of request: SignableRequest, timestamp: String) -> (
        canonicalRequest: String, stringToSign: String, signedHeaders: String, signature: String
    ) {
        let (canonicalRequest, signedHeaders) = Self.canonicalRequest(request, normalizingPath: normalizesPath)
        let stringToSign =
            "AWS4-HMAC-SHA256\n\(timestamp)\n\(scope(timestamp))\n"
            + Self.hex(SHA256.hash(data: Array(canonicalRequest.utf8)))
        let key = signingKey(date: String(timestamp.prefix(8)))
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
        return (canonicalRequest, stringToSign, signedHeaders, signature)
    }

    /// `DATE/REGION/SERVICE/aws4_request`.
    func scope(_ timestamp: String) -> String {
        "\(timestamp.prefix(8))/\(region)/\(service)/aws4_request"
    }

    /// The signing key for `date` (`YYYYMMDD`), in hex (for checking against published values).
    public func signingKeyHex(date: String) -> String {
        signingKey(date: date).withUnsafeBytes { Self.hex($0) }
    }

    /// The signing key for `date` (`YYYYMMDD`).
    func signingKey(date: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// The names of the headers that are signed, lowercased and sorted.
    static func signedHeaderNames(_ request: SignableRequest) -> [String] {
        Set(request.headers.map { $0.name.lowercased() }).subtracting(unsignedHeaders).sorted()
    }

    /// The canonical request and the signed header names.
    static func canonicalRequest(_ request: SignableRequest, normalizingPath: Bool = true) -> (String, String) {
        let (path, query) = splitTarget(request.target)
        var grouped: [String: [String]] = [:]
        for (name, value) in request.headers where !unsignedHeaders.contains(name.lowercased()) {
            grouped[name.lowercased(), default: []].append(collapse(value))
        }
        let names = signedHeaderNames(request)
        let headerLines = names.map { "\($0):\((grouped[$0] ?? []).joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let payloadHash = request.values(of: "x-amz-content-sha256").first ?? hex(SHA256.hash(data: request.body))
        let canonical = [
            request.method, normalizingPath ? canonicalPath(path) : encode(decode(path), keepingSlash: true),
            canonicalQuery(query), headerLines, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    private static func splitTarget(_ target: String) -> (Substring, Substring) {
        guard let mark = target.firstIndex(of: "?") else { return (target[...], "") }
        return (target[..<mark], target[target.index(after: mark)...])
    }

    /// Dot segments removed, repeated slashes collapsed, then each byte percent-encoded but for the
    /// unreserved characters and `/`.
    static func canonicalPath(_ path: Substring) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        var normalized = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { normalized += "/" }
        return encode(normalized, keepingSlash: true)
    }

    /// Parameters decoded, encoded again, sorted by name then value.
    static func canonicalQuery(_ query: Substring) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { parameter -> (String, String) in
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = encode(decode(parts[0]), keepingSlash: false)
            let value = parts.count > 1 ? encode(decode(parts[1]), keepingSlash: false) : ""
            return (name, value)
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0)=\($1)" }.joined(separator: "&")
    }

    /// `value` trimmed, with runs of whitespace as one space.
    static func collapse(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    private static func encode(_ text: String, keepingSlash: Bool) -> String {
        PercentEncoding.encode(text, keepingSlash: keepingSlash)
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
                let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
                let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
