package import Foundation

/// A small S3 for fault tests: objects in memory, HEAD and GET (with `Range`), and injected faults.
///
/// The faults: `SlowDown`, 500s, resets, slow answers, a bucket in another region (301 with
/// `x-amz-bucket-region` to requests signed for any other region) and access denied. Path-style
/// addressing only.
package final class FakeS3Server: @unchecked Sendable {
    /// A failure injected into the next request.
    package enum S3Fault: Sendable, Equatable {
        /// 503 `SlowDown`.
        case slowDown
        /// 500 `InternalError`.
        case internalError
        /// The connection is reset without an answer.
        case reset
        /// The answer comes after the given seconds.
        case slow(Double)
        /// 403 `AccessDenied`.
        case denied
    }

    private let lock = NSLock()
    private var objects: [String: [UInt8]] = [:]
    private var faults: [S3Fault] = []
    private var bucketRegions: [String: String] = [:]
    /// Every request, as method and target, in order.
    private var log: [String] = []
    private var server: TestHTTPServer?

    /// Starts a server on 127.0.0.1.
    package init() throws {
        server = try TestHTTPServer { [unowned self] request in self.answer(request) }
    }

    deinit { server?.stop() }

    /// The endpoint.
    package var url: URL { server?.url ?? URL(fileURLWithPath: "/") }

    /// Stores an object.
    package func put(bucket: String, key: String, _ bytes: [UInt8]) {
        lock.withLock { objects["\(bucket)/\(key)"] = bytes }
    }

    /// Makes `bucket` live in `region`: requests signed for another region are redirected.
    package func setRegion(_ region: String, of bucket: String) {
        lock.withLock { bucketRegions[bucket] = region }
    }

    /// Queues faults for the next requests, one each.
    package func inject(_ faults: [S3Fault]) {
        lock.withLock { self.faults += faults }
    }

    /// The requests so far.
    package var requests: [String] { lock.withLock { log } }

    private func answer(_ request: TestHTTPServer.Request) -> TestHTTPServer.Reply {
        let (fault, object, region): (S3Fault?, [UInt8]?, String?) = lock.withLock {
            log.append("\(request.method) \(request.target)")
            let path = request.target.split(separator: "?").first.map(String.init) ?? ""
            let name = (path.removingPercentEncoding ?? path).drop { $0 == "/" }
            let bucket = name.prefix { $0 != "/" }
            return (faults.isEmpty ? nil : faults.removeFirst(), objects[String(name)], bucketRegions[String(bucket)])
        }
        if let region, let authorization = request.header("authorization"), !authorization.contains("/\(region)/s3/") {
            return .respond(
                status: 301, headers: [("x-amz-bucket-region", region), ("Content-Type", "application/xml")],
                body: Self.error("PermanentRedirect", "The bucket is in this region: \(region)."))
        }
        switch fault {
        case .slowDown:
            return .respond(status: 503, headers: [], body: Self.error("SlowDown", "Please reduce your request rate."))
        case .internalError:
            return .respond(
                status: 500, headers: [], body: Self.error("InternalError", "We encountered an internal error."))
        case .reset: return .drop
        case .slow(let seconds): Thread.sleep(forTimeInterval: seconds)
        case .denied: return .respond(status: 403, headers: [], body: Self.error("AccessDenied", "Access Denied"))
        case nil: break
        }
        guard let object else {
            return .respond(
                status: 404, headers: request.method == "HEAD" ? [("Content-Length", "0")] : [],
                body: request.method == "HEAD" ? [] : Self.error("NoSuchKey", "The specified key does not exist."))
        }
        switch request.method {
        case "HEAD":
            return .respond(
                status: 200, headers: [("Content-Length", String(object.count)), ("ETag", "\"e\"")], body: [])
        case "GET":
            if let range = request.header("range"), let match = range.firstMatch(of: /bytes=(\d+)-(\d+)/),
                let start = Int(match.1), let end = Int(match.2), start < object.count
            {
                let last = min(end, object.count - 1)
                return .respond(
                    status: 206, headers: [("Content-Range", "bytes \(start)-\(last)/\(object.count)")],
                    body: Array(object[start...last]))
            }
            return .respond(status: 200, headers: [], body: object)
        default:
            return .respond(status: 405, headers: [], body: Self.error("MethodNotAllowed", request.method))
        }
    }

    private static func error(_ code: String, _ message: String) -> [UInt8] {
        Array(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>\(code)</Code><Message>\(message)</Message></Error>"
                .utf8)
    }
}
