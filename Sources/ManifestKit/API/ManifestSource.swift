/// Where a manifest's bytes come from: a file (or `-` for standard input), or memory (a manifest pulled from
/// the service, say), so that the same reading code serves both.
///
/// ```swift
/// try ManifestDiff().run(prior: .memory(pulled, name: "the dataset"), new: .file("train.manifest"))
/// ```
public enum ManifestSource: Sendable {
    /// A file, or `-` for standard input.
    case file(String)
    /// Bytes in memory, with the name findings and errors give them.
    case memory([UInt8], name: String)

    /// The name findings and errors give the manifest.
    public var name: String {
        switch self {
        case .file(let path): path
        case .memory(_, let name): name
        }
    }

    /// A reader of the manifest's lines.
    func reader(maxLineBytes: Int = JSONLinesReader.defaultMaxLineBytes) throws(ManifestError) -> JSONLinesReader {
        switch self {
        case .file(let path): try JSONLinesReader(path: path, maxLineBytes: maxLineBytes)
        case .memory(let bytes, let name): JSONLinesReader(bytes: bytes, name: name, maxLineBytes: maxLineBytes)
        }
    }
}
