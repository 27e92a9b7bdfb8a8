internal import CCurl
import Foundation
import ManifestKit
import Synchronization

/// ``HTTPTransport`` over libcurl, loaded from the system when the first request is sent.
///
/// Loading rather than linking keeps the `clmanifest` binary free of any library but glibc's: `lint`,
/// `fix`, `convert` and the rest start anywhere, and only the commands that talk to AWS need libcurl
/// (`libcurl4` on Debian and Ubuntu, `libcurl` on Fedora, RHEL and Amazon Linux; it is on nearly every
/// machine). `CLMANIFEST_LIBCURL` names the library file when it is somewhere else. HTTPS trusts the
/// system's certificate authorities, or those of the file `AWS_CA_BUNDLE` names, as the AWS CLI does.
///
/// Requests that may reuse a connection (``HTTPRequest/mayReuseConnection``: the pages of a listing) take
/// a handle from a pool, whose connections stay open; every other request goes on a fresh connection, so a
/// connection the server dropped is never reused for a request that changes something.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// Idle handles, whose connections may be reused.
    private let idle = Mutex<[TransferHandle]>([])
    /// The library file to load instead of searching (`CLMANIFEST_LIBCURL`).
    private let libraryPath: String?
    /// The certificate authorities to trust instead of the system's (`AWS_CA_BUNDLE`).
    private let certificateAuthorities: String?

    /// Creates a transport that loads the file `CLMANIFEST_LIBCURL` names, or libcurl by its usual names, and
    /// trusts the certificate authorities in `AWS_CA_BUNDLE`, or the system's.
    public convenience init() {
        let environment = ProcessInfo.processInfo.environment
        self.init(
            libraryPath: environment["CLMANIFEST_LIBCURL"], certificateAuthorities: environment["AWS_CA_BUNDLE"])
    }

    /// Creates a transport that loads `libraryPath` (when nil or empty: libcurl by its usual names) and
    /// trusts the certificate authorities in the file `certificateAuthorities` (when nil or empty: the
    /// system's).
    public init(libraryPath: String?, certificateAuthorities: String? = nil) {
        self.libraryPath = libraryPath.flatMap { $0.isEmpty ? nil : $0 }
        self.certificateAuthorities = certificateAuthorities.flatMap { $0.isEmpty ? nil : $0 }
    }

    deinit {
        idle.withLock { handles in
            for handle in handles { clm_curl_handle_free(handle.pointer) }
        }
    }

    /// Loads libcurl if need be.
    public func prepare() throws(TransportError) {
        try load()
    }

    /// The loaded libcurl's version text ("libcurl/7.88.1 OpenSSL/3.0.15 ..."), or "libcurl (not loaded)".
    public var libraryVersion: String {
        clm_curl_version().map { String(cString: $0) } ?? "libcurl (not loaded)"
    }

    /// Sends `request` and blocks until the response or a failure (or `timeout` seconds without data,
    /// rounded up to whole seconds).
    public func send(_ request: HTTPRequest, timeout: Double) throws(TransportError) -> HTTPResponse {
        try load()
        guard let handle = take(reusable: request.mayReuseConnection) else {
            throw .notSent("libcurl could not start a transfer (out of memory)")
        }
        var result = clm_result()
        perform(request, timeout: max(1, Int(timeout.rounded(.up))), on: handle, into: &result)
        defer { clm_result_free(&result) }
        if request.mayReuseConnection && result.code == 0 {
            let handle = TransferHandle(pointer: handle)
            idle.withLock { $0.append(handle) }
        } else {
            clm_curl_handle_free(handle)
        }
        guard result.code == 0 else { throw Self.classify(result) }
        let body = result.body.bytes.map { Data(bytes: $0, count: result.body.count) } ?? Data()
        let head = result.head.bytes.map { Data(bytes: $0, count: result.head.count) } ?? Data()
        return HTTPResponse(status: result.status, headers: Self.headers(in: head), body: body)
    }

    private func load() throws(TransportError) {
        var error = [CChar](repeating: 0, count: 512)
        let loaded = error.withUnsafeMutableBufferPointer { buffer in
            clm_curl_load(libraryPath, buffer.baseAddress, buffer.count)
        }
        guard loaded == 0 else { return }
        let reason = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let file = libraryPath.map { " (CLMANIFEST_LIBCURL=\($0))" } ?? ""
        throw .unavailable(
            "this command needs libcurl\(file): \(reason); install libcurl4 (Debian, Ubuntu) or libcurl "
                + "(Fedora, RHEL, Amazon Linux), or set CLMANIFEST_LIBCURL to the library file")
    }

    private func take(reusable: Bool) -> UnsafeMutableRawPointer? {
        if reusable, let handle = idle.withLock({ $0.popLast() }) { return handle.pointer }
        return clm_curl_handle_new()
    }

    private func perform(
        _ request: HTTPRequest, timeout: Int, on handle: UnsafeMutableRawPointer, into result: inout clm_result
    ) {
        let lines = request.headers.filter { $0.name.lowercased() != "host" }.map { strdup("\($0.name): \($0.value)") }
        defer { for line in lines { free(line) } }
        var pointers = lines.map { UnsafePointer<CChar>($0) }
        let authorities = certificateAuthorities.map { strdup($0) } ?? nil
        defer { free(authorities) }
        request.url.absoluteString.withCString { url in
            request.method.withCString { method in
                request.body.withUnsafeBufferPointer { body in
                    pointers.withUnsafeMutableBufferPointer { headers in
                        var curlRequest = clm_request(
                            url: url, method: method, headers: headers.baseAddress, header_count: headers.count,
                            body: body.baseAddress, body_count: body.count, timeout_seconds: timeout,
                            may_reuse_connection: request.mayReuseConnection ? 1 : 0, ca_file: authorities)
                        clm_curl_perform(handle, &curlRequest, &result)
                    }
                }
            }
        }
    }

    /// The header fields of a received header block, by lower-cased name (repeated fields joined by commas).
    static func headers(in head: Data) -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return headers
    }

    /// Whether the request may have reached the server.
    static func classify(_ result: clm_result) -> TransportError {
        let reason = withUnsafeBytes(of: result.error) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch result.code {
        // Unsupported protocol, bad URL, proxy or host not found, connection refused, TLS set-up failed,
        // certificate problems: nothing was sent.
        case 1, 3, 5, 6, 7, 35, 53, 54, 58, 59, 60, 66, 77, 80, 83, 90, 91:
            return .notSent(reason)
        case 28 where result.connected == 0:
            return .notSent("no connection within the timeout")
        case 28:
            return .noResponse("no answer within the timeout")
        default:
            return .noResponse(reason)
        }
    }
}

/// A libcurl handle, used by one request at a time: idle in the pool or held by the request's thread.
private struct TransferHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}
