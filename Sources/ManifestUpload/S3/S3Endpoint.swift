public import Foundation
import ManifestKit

/// Where S3 requests go: AWS's regional endpoints with virtual-hosted addressing, or a custom endpoint
/// (`--endpoint-url`, `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, or `endpoint_url` in the profile, as the
/// AWS SDKs take them) with path-style addressing.
public struct S3Endpoint: Sendable, Equatable {
    /// The custom endpoint; nil for AWS's.
    public var custom: URL?
    /// Whether the bucket goes in the path (`ENDPOINT/BUCKET/KEY`) rather than the host.
    public var pathStyle: Bool

    /// AWS's endpoints (virtual-hosted unless `pathStyle`), or `custom` (always path style).
    public init(custom: URL? = nil, pathStyle: Bool = false) {
        self.custom = custom
        self.pathStyle = pathStyle || custom != nil
    }

    /// The endpoint the settings name: `explicit` (`--endpoint-url`), else `AWS_ENDPOINT_URL_S3`, else
    /// `AWS_ENDPOINT_URL`, else the profile's `endpoint_url`, else AWS's.
    public static func resolve(explicit: String?, environment: AWSEnvironment) throws(CredentialError) -> S3Endpoint {
        var given = explicit ?? environment["AWS_ENDPOINT_URL_S3"] ?? environment["AWS_ENDPOINT_URL"]
        if given == nil, let value = try environment.configFile()?.configProfile(environment.profile)?["endpoint_url"],
            !value.isEmpty
        {
            given = value
        }
        guard let given else { return S3Endpoint() }
        guard let url = URL(string: given), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else {
            throw CredentialError("endpoint URL '\(given)' is not an http:// or https:// URL with a host")
        }
        return S3Endpoint(custom: url)
    }

    /// The URL of `key` in `bucket` (in `region` for AWS's endpoints), with the query `query` (encoded, no
    /// `?`), and the request target (path and query as sent, which is what is signed).
    public func location(bucket: String, key: String, query: String, region: String) -> (url: URL, target: String)? {
        let encodedKey = PercentEncoding.encode(key, keepingSlash: true)
        let encodedBucket = PercentEncoding.encode(bucket, keepingSlash: false)
        let origin: String
        var path: String
        if let custom, let scheme = custom.scheme, let host = custom.host {
            // Path style under the endpoint's own path, if it has one.
            origin = "\(scheme)://\(host)\(custom.port.map { ":\($0)" } ?? "")"
            var prefix = custom.path
            while prefix.hasSuffix("/") { prefix.removeLast() }
            path = prefix + "/" + encodedBucket + "/" + encodedKey
        } else {
            let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
            if pathStyle || !Self.isVirtualHostable(bucket) {
                origin = "https://s3.\(region).\(suffix)"
                path = "/" + encodedBucket + "/" + encodedKey
            } else {
                origin = "https://\(bucket).s3.\(region).\(suffix)"
                path = "/" + encodedKey
            }
        }
        let target = path + (query.isEmpty ? "" : "?" + query)
        guard let url = URL(string: origin + target) else { return nil }
        return (url, target)
    }

    /// Whether `bucket` can be a host name under HTTPS: 3 to 63 lower-case letters, digits and hyphens
    /// (a dot would not match the certificate's wildcard).
    static func isVirtualHostable(_ bucket: String) -> Bool {
        (3...63).contains(bucket.utf8.count) && bucket.first != "-" && bucket.last != "-"
            && bucket.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
