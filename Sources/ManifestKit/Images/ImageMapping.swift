import Foundation

/// Where the images of `source-ref`s with a prefix are on disk: `s3://bucket/cars/` = `photos/cars`.
///
/// A `source-ref` that starts with ``prefix`` is looked for under ``directory`` with the rest of its key.
public struct ImageMapping: Sendable, Equatable {
    /// The start of the `source-ref`s this mapping covers, such as `s3://bucket/datasets/cars/`.
    public var prefix: String
    /// The local directory that holds them.
    public var directory: String

    /// Creates a mapping.
    public init(prefix: String, directory: String) {
        self.prefix = prefix
        self.directory = directory
    }

    /// Reads `PREFIX=DIR`, the form of `lint --images`.
    ///
    /// S3 keys may hold `=` (as in `year=2024/`), so the split is made at the first `=` after which an
    /// existing directory is named, or else at the last `=`.
    ///
    /// - Throws: ``ImageMappingError`` when there is no `=`, the prefix is empty or DIR is not a directory.
    public init(parsing text: String) throws(ImageMappingError) {
        let splits = text.indices.filter { text[$0] == "=" }
        guard let last = splits.last else {
            throw ImageMappingError("'\(text)' is not PREFIX=DIR (such as s3://bucket/images/=photos)")
        }
        let chosen = splits.first { Self.isDirectory(String(text[text.index(after: $0)...])) } ?? last
        self.init(prefix: String(text[..<chosen]), directory: String(text[text.index(after: chosen)...]))
        try validate()
    }

    /// Checks that the prefix is not empty and the directory exists.
    ///
    /// - Throws: ``ImageMappingError`` saying which is wrong.
    public func validate() throws(ImageMappingError) {
        guard !prefix.isEmpty else { throw ImageMappingError("the image mapping '=\(directory)' has no prefix") }
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
    }

    /// The local place of `sourceRef` under the longest matching prefix of `mappings`.
    public static func locate(_ sourceRef: String, in mappings: [ImageMapping]) -> Location {
        guard
            let mapping = mappings.filter({ sourceRef.hasPrefix($0.prefix) }).max(by: {
                $0.prefix.count < $1.prefix.count
            })
        else { return .unmapped }
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
