/// An object or prefix in S3 written as `s3://BUCKET/KEY`.
public struct S3URI: Sendable, Hashable, CustomStringConvertible {
    /// The bucket.
    public var bucket: String
    /// The key (or prefix), without the leading slash; empty for the whole bucket.
    public var key: String

    /// An object in `bucket` at `key`.
    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// Reads `s3://BUCKET/KEY` (the scheme in any case); nil when `text` is not of that form or names no
    /// bucket.
    public init?(_ text: String) {
        guard Self.isS3(text) else { return nil }
        let rest = text.dropFirst(5)
        let bucket = rest.prefix { $0 != "/" }
        guard !bucket.isEmpty else { return nil }
        self.bucket = String(bucket)
        key = String(rest.dropFirst(bucket.count + 1))
    }

    /// Whether `text` starts with `s3://` (in any case): a path to read from S3 rather than from disk.
    public static func isS3(_ text: String) -> Bool {
        text.prefix(5).lowercased() == "s3://"
    }

    /// `s3://BUCKET/KEY`.
    public var description: String { "s3://\(bucket)/\(key)" }
}
