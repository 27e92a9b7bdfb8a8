public import ManifestKit

/// Reads image headers in S3 for `lint --images s3://BUCKET/PREFIX/`: a HEAD for existence and size, then
/// a ranged GET of the first 64 KB (more only when a JPEG's frame header lies further, and the last bytes
/// for the end check), through the same header reader as local files.
public struct S3ImageStore: RemoteImageStore {
    /// The client.
    public let client: S3Client
    /// The bytes read first.
    static let firstRead = 1 << 16

    /// A store reading through `client`.
    public init(client: S3Client) {
        self.client = client
    }

    /// What is at `sourceRef`.
    public func inspect(_ sourceRef: String) -> ImageFile {
        guard let uri = S3URI(sourceRef), !uri.key.isEmpty else { return .unreadable("it is not s3://BUCKET/KEY") }
        let client = self.client
        let size: Int
        switch Result(catching: { () throws(S3Error) in try client.head(uri).size }) {
        case .success(let found): size = found
        case .failure(let error): return Self.file(for: error)
        }
        var first: [UInt8] = []
        let reader = ImageHeaderReader(size: size) { (offset: Int, count: Int) throws(ImageDefect) -> [UInt8] in
            do throws(S3Error) {
                if first.isEmpty, size > 0 { first = try client.get(uri, range: 0..<min(size, Self.firstRead)) }
                // A read past the end is cut at the end: an object within the first read is read once.
                let end = min(size, offset + count)
                guard end > offset else { return [] }
                if end <= first.count { return Array(first[offset..<end]) }
                return try client.get(uri, range: offset..<end)
            } catch {
                throw ImageDefect("it could not be read: \(error.description)")
            }
        }
        do throws(ImageDefect) {
            return .image(size: size, header: try reader.header())
        } catch {
            return .defective(size: size, error)
        }
    }

    /// The finding's view of a failed HEAD: no such key is a missing image; the rest cannot be read.
    static func file(for error: S3Error) -> ImageFile {
        switch error {
        case .notFound(_, let code) where code != "NoSuchBucket":
            return .missing
        case .notFound:
            return .unreadable("no such bucket")
        case .accessDenied:
            return .unreadable("access denied (the service's role may be refused too)")
        default:
            return .unreadable(error.description)
        }
    }
}
