public import Foundation

/// A reason `clmanifest` cannot go on with a file or a command; problems inside a manifest are diagnostics instead.
public enum ManifestError: Error, LocalizedError, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(path: String, reason: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// Reading failed part way.
    case readFailed(path: String, reason: String)
    /// The configuration that applies to the manifest cannot be used, so the manifest was not checked.
    case unusableConfiguration(path: String, reason: String)

    /// One sentence for the user.
    public var errorDescription: String? { description }

    /// One sentence for the user.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open '\(path)': \(reason)"
        case .isDirectory(let path): "'\(path)' is a directory, not a manifest file"
        case .readFailed(let path, let reason): "cannot read '\(path)': \(reason)"
        case .unusableConfiguration(let path, let reason): "'\(path)' was not checked: \(reason)"
        }
    }
}
