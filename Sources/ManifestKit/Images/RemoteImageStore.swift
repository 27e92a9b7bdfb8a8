/// Reads the headers of images where they are, in S3 (`lint --images s3://BUCKET/PREFIX/`): implemented
/// outside ManifestKit (ManifestUpload's `S3ImageStore`), which has no network of its own.
public protocol RemoteImageStore: Sendable {
    /// What is at `sourceRef`: ``ImageFile/missing`` for no such key, ``ImageFile/unreadable(_:)`` with a
    /// reason for one that cannot be read (access denied, no answer), else its size and header.
    func inspect(_ sourceRef: String) -> ImageFile
}
