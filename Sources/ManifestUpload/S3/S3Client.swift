import Crypto
import Foundation
import ManifestKit
import Synchronization

/// A small S3 client: HEAD, GET (whole or a byte range), ListObjectsV2, PUT and multipart upload, signed
/// with SigV4 as S3 wants (the path signed as sent, `x-amz-content-sha256` on every request:
/// `UNSIGNED-PAYLOAD` for reads, the body's hash for writes).
///
/// Every call retries what may succeed later, as the AWS SDKs do: 500, 502, 503 (`SlowDown`), 504,
/// `RequestTimeout`, and requests that got no answer, with capped exponential backoff and jitter. A
/// request sent to the wrong region is sent again to the bucket's region, which S3 names in
/// `x-amz-bucket-region`; the region is then remembered for the bucket. The client is safe to use from
/// many threads at once.
public final class S3Client: Sendable {
    /// The credentials that sign; nil sends requests unsigned (public buckets).
    let credentials: AWSCredentials?
    /// The region of buckets not yet seen elsewhere.
    let region: String
    let endpoint: S3Endpoint
    let transport: any HTTPTransport
    let retry: RetryPolicy
    /// Seconds to wait for each answer.
    let timeout: Double
    /// Receives one line per request and answer (`--debug`).
    let log: (@Sendable (String) -> Void)?
    /// The region each bucket was found in.
    private let bucketRegions = Mutex<[String: String]>([:])

    /// A client for `endpoint`, in `region` until a bucket says otherwise.
    public init(
        credentials: AWSCredentials?, region: String, endpoint: S3Endpoint, transport: any HTTPTransport,
        retry: RetryPolicy = RetryPolicy(), timeout: Double = 60, log: (@Sendable (String) -> Void)? = nil
    ) {
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
        self.transport = transport
        self.retry = retry
        self.timeout = timeout
        self.log = log
    }

    /// The object's size and ETag (HEAD).
    public func head(_ uri: S3URI) throws(S3Error) -> S3ObjectInfo {
        let response = try send("HEAD", uri)
        guard let size = response.headers["content-length"].flatMap(Int.init) else {
            throw .failed(uri, status: response.status, code: "", message: "the answer has no Content-Length")
        }
        return S3ObjectInfo(uri: uri, size: size, etag: response.headers["etag"])
    }

    /// The object's bytes, or those of `range` (which may reach past the end: S3 stops at it).
    public func get(_ uri: S3URI, range: Range<Int>? = nil) throws(S3Error) -> [UInt8] {
        var headers: [(name: String, value: String)] = []
        if let range {
            guard !range.isEmpty else { return [] }
            headers.append(("Range", "bytes=\(range.lowerBound)-\(range.upperBound - 1)"))
        }
        let response = try send("GET", uri, headers: headers, accepting: [200, 206])
        return [UInt8](response.body)
    }

    /// Every object under `prefix` in `bucket`, in key order (ListObjectsV2, page after page of at most
    /// `pageSize` keys: S3's 1,000 by default).
    public func list(bucket: String, prefix: String, pageSize: Int? = nil) throws(S3Error) -> [S3ObjectInfo] {
        var objects: [S3ObjectInfo] = []
        var token: String?
        let uri = S3URI(bucket: bucket, key: prefix)
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix)]
            if let token { query.append(("continuation-token", token)) }
            if let pageSize { query.append(("max-keys", String(pageSize))) }
            let response = try send("GET", S3URI(bucket: bucket, key: ""), query: query)
            let page: XMLElement
            do {
                page = try XMLElement.parse([UInt8](response.body), file: uri.description)
            } catch {
                throw .failed(uri, status: response.status, code: "", message: "the listing is not XML: \(error)")
            }
            for item in page.children("Contents") {
                guard let key = item.value("Key"), let size = item.value("Size").flatMap(Int.init) else { continue }
                objects.append(S3ObjectInfo(uri: S3URI(bucket: bucket, key: key), size: size, etag: item.value("ETag")))
            }
            token = page.value("IsTruncated") == "true" ? page.value("NextContinuationToken") : nil
        } while token != nil
        return objects
    }

    /// Creates `bucket` (in the client's region: S3 wants it named unless it is us-east-1).
    public func createBucket(_ bucket: String) throws(S3Error) {
        let body =
            region == "us-east-1"
            ? []
            : Array(
                ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                    + "\(region)</LocationConstraint></CreateBucketConfiguration>").utf8)
        _ = try send("PUT", S3URI(bucket: bucket, key: ""), headers: [("Content-Type", "application/xml")], body: body)
    }

    /// Writes `body` as the object (one PUT, with its SHA-256 for S3 to check).
    public func put(_ uri: S3URI, body: [UInt8]) throws(S3Error) {
        // A content type of its own: Foundation would send a body as a form (application/x-www-form-urlencoded).
        _ = try send(
            "PUT", uri,
            headers: [
                ("x-amz-checksum-sha256", Self.base64SHA256(body)), ("Content-Type", "application/octet-stream"),
            ],
            body: body)
    }

    /// Sends one request to the object `uri`, retrying as the type's documentation says; the response when
    /// its status is in `accepting`, else the error it means.
    func send(
        _ method: String, _ uri: S3URI, query: [(String, String)] = [], headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], accepting: Set<Int> = [200, 204]
    ) throws(S3Error) -> HTTPResponse {
        let encodedQuery = query.map {
            PercentEncoding.encode($0.0, keepingSlash: false) + "=" + PercentEncoding.encode($0.1, keepingSlash: false)
        }.joined(separator: "&")
        var redirected = false
        var attempt = 0
        while true {
            attempt += 1
            let region = bucketRegions.withLock { $0[uri.bucket] } ?? self.region
            guard
                let location = endpoint.location(bucket: uri.bucket, key: uri.key, query: encodedQuery, region: region)
            else { throw .configuration("cannot make a URL for \(uri)") }
            let request = signed(
                method, location, headers: headers, body: body, region: region, timestamp: AMZDate.string(from: Date()))
            log?("\(method) \(location.url.absoluteString)")
            let response: HTTPResponse
            do {
                response = try transport.send(request, timeout: timeout)
            } catch {
                log?("  no answer: \(error)")
                if error.isRetryable, attempt < retry.maxAttempts {
                    wait(afterAttempt: attempt)
                    continue
                }
                throw .unreachable(uri, reason: error.description)
            }
            log?("  \(response.status)")
            if accepting.contains(response.status) { return response }
            let (code, message) = Self.errorParts(response.body)
            if !redirected, let bucketRegion = response.headers["x-amz-bucket-region"], bucketRegion != region,
                [301, 307, 400].contains(response.status)
            {
                // The bucket is elsewhere: ask there, once, and remember it.
                bucketRegions.withLock { $0[uri.bucket] = bucketRegion }
                redirected = true
                attempt -= 1
                continue
            }
            if Self.isRetryable(status: response.status, code: code), attempt < retry.maxAttempts {
                wait(afterAttempt: attempt)
                continue
            }
            switch response.status {
            case 404: throw .notFound(uri, code: code.isEmpty ? "NoSuchKey" : code)
            case 403: throw .accessDenied(uri, message: message)
            default: throw .failed(uri, status: response.status, code: code, message: message)
            }
        }
    }

    /// The request, with `Host`, `x-amz-content-sha256` (unless `headers` has it) and, with credentials, the
    /// signature at `timestamp`.
    func signed(
        _ method: String, _ location: (url: URL, target: String), headers: [(name: String, value: String)],
        body: [UInt8], region: String, timestamp: String
    ) -> HTTPRequest {
        let host = (location.url.host ?? "") + (location.url.port.map { ":\($0)" } ?? "")
        let given = headers.first { $0.name.lowercased() == "x-amz-content-sha256" }?.value
        let payload =
            given
            ?? (body.isEmpty && (method == "GET" || method == "HEAD")
                ? "UNSIGNED-PAYLOAD" : SigV4Signer.hex(SHA256.hash(data: body)))
        var request = SignableRequest(
            method: method, target: location.target,
            headers: [("Host", host), ("x-amz-content-sha256", payload)]
                + headers.filter { $0.name.lowercased() != "x-amz-content-sha256" }, body: body)
        if let credentials {
            var signer = SigV4Signer(credentials: credentials, region: region, service: "s3")
            signer.normalizesPath = false
            signer.sign(&request, timestamp: timestamp)
        }
        return HTTPRequest(
            url: location.url, method: method, headers: request.headers, body: body, mayReuseConnection: true)
    }

    private func wait(afterAttempt attempt: Int) {
        let seconds = retry.delay(afterAttempt: attempt)
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }

    /// Whether a request that got this answer may succeed if sent again.
    static func isRetryable(status: Int, code: String) -> Bool {
        [500, 502, 503, 504].contains(status)
            || ["SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "RequestTimeTooSkewed"]
                .contains(code)
    }

    /// The `Code` and `Message` of an S3 error document (empty when the body is not one, as for HEAD).
    static func errorParts(_ body: Data) -> (code: String, message: String) {
        guard !body.isEmpty, let error = try? XMLElement.parse([UInt8](body), file: "the error") else {
            return ("", "")
        }
        return (error.value("Code") ?? "", error.value("Message") ?? "")
    }

    /// The base64 of the SHA-256 of `bytes` (`x-amz-checksum-sha256`).
    static func base64SHA256(_ bytes: [UInt8]) -> String {
        Data(SHA256.hash(data: bytes)).base64EncodedString()
    }
}
