import Foundation

/// Where the images of `source-ref`s with a prefix are: on disk (`s3://bucket/cars/=photos/cars`), or in
/// S3 itself (`s3://bucket/cars/`, no directory).
///
/// A `source-ref` that starts with ``prefix`` is looked for under ``directory`` with the rest of its key, or,
/// for a mapping in S3 (``isInS3``), at the `source-ref` itself.
public struct ImageMapping: Sendable, Equatable {
    /// The start of the `source-ref`s this mapping covers, such as `s3://bucket/datasets/cars/`.
    public var prefix: String
    /// The local directory that holds them; empty when they are checked in S3.
    public var directory: String

    /// Whether the images are checked where they are, in S3 (`--images s3://BUCKET/PREFIX/`).
    public var isInS3: Bool { directory.isEmpty }

    /// Creates a mapping.
    public init(prefix: String, directory: String) {
        self.prefix = prefix
        self.directory = directory
    }

    /// Reads `PREFIX=DIR`, the form of `lint --images`, or `s3://BUCKET/PREFIX/` alone for images checked
    /// in S3.
    ///
    /// S3 keys may hold `=` (as in `year=2024/`), so the split is made at the first `=` after which an
    /// existing directory is named, or else at the last `=`.
    ///
    /// - Throws: ``ImageMappingError`` when there is no `=` (and no s3:// prefix), the prefix is empty or DIR
    ///   is not a directory.
    public init(parsing text: String) throws(ImageMappingError) {
        let splits = text.indices.filter { text[$0] == "=" }
        let chosen = splits.first { Self.isDirectory(String(text[text.index(after: $0)...])) }
        // An s3:// prefix with no `=DIR` naming a directory: images checked in S3. With an `=` that names no
        // directory, a prefix ending in `/` is taken as such (keys may hold `=`, as `year=2024/`); anything else
        // is a PREFIX=DIR whose directory is missing, and said so.
        if chosen == nil, text.lowercased().hasPrefix("s3://"), splits.isEmpty || text.hasSuffix("/") {
            self.init(prefix: text, directory: "")
            try validate()
            return
        }
        guard let split = chosen ?? splits.last else {
            throw ImageMappingError(
                "'\(text)' is not PREFIX=DIR (such as s3://bucket/images/=photos) or s3://BUCKET/PREFIX/ (images in S3)"
            )
        }
        self.init(prefix: String(text[..<split]), directory: String(text[text.index(after: split)...]))
        try validate()
    }

    /// Checks that the prefix is not empty and the directory exists.
    ///
    /// - Throws: ``ImageMappingError`` saying which is wrong.
    public func validate() throws(ImageMappingError) {
        guard !prefix.isEmpty else { throw ImageMappingError("the image mapping '=\(directory)' has no prefix") }
        if isInS3 {
            guard prefix.lowercased().hasPrefix("s3://"), prefix.count > 5 else {
                throw ImageMappingError("'\(prefix)' is not s3://BUCKET/PREFIX/ (images in S3) or PREFIX=DIR")
            }
            return
        }
        guard Self.isDirectory(directory) else {
            throw ImageMappingError("the image directory '\(directory)' (for \(prefix)) is not a directory")
        }
    }

    /// Where a `source-ref` covered by a mapping is on disk.
    public enum Location: Sendable, Equatable {
        /// No mapping covers the `source-ref`.
        case unmapped
        /// The local path.
        case path(String)
        /// The key holds a `..` component, which would leave the directory.
        case escapes
        /// The image is checked in S3, at the `source-ref`.
        case inS3(String)
    }

    /// The local place of `sourceRef` under the longest matching prefix of `mappings`.
    public static func locate(_ sourceRef: String, in mappings: [ImageMapping]) -> Location {
        guard
            let mapping = mappings.filter({ sourceRef.hasPrefix($0.prefix) }).max(by: {
                $0.prefix.count < $1.prefix.count
            })
        else { return .unmapped }
        if mapping.isInS3 { return .inS3(sourceRef) }
        let rest = sourceRef.dropFirst(mapping.prefix.count)
        if rest.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return .escapes }
        return .path(mapping.directory + (rest.hasPrefix("/") || mapping.directory.hasSuffix("/") ? "" : "/") + rest)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return !path.isEmpty && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}
