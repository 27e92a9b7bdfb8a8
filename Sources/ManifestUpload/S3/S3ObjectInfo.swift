/// What S3 says of an object without its content: from HEAD or a listing.
public struct S3ObjectInfo: Sendable, Equatable {
    /// The object.
    public var uri: S3URI
    /// Its size in bytes.
    public var size: Int
    /// Its ETag, quotes included, when given.
    public var etag: String?

    /// An object of `size` bytes.
    public init(uri: S3URI, size: Int, etag: String? = nil) {
        self.uri = uri
        self.size = size
        self.etag = etag
    }
}
