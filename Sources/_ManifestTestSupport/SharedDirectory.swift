package import Foundation

/// Where the tests find third-party suites and the corpus: `../shared` beside the package.
package enum SharedDirectory {
    /// The package's root directory.
    package static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared`, or `CLMANIFEST_SHARED` when set.
    package static let root: URL = {
        if let custom = ProcessInfo.processInfo.environment["CLMANIFEST_SHARED"], !custom.isEmpty {
            return URL(fileURLWithPath: custom)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// True under CI (`CI=true`), where a missing suite is a failure rather than a skip.
    package static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The names of the files in the directory `relativePath` under ``root`` that end with `suffix`, sorted;
    /// empty when the directory is absent (the suites' presence tests say so).
    package static func files(in relativePath: String, endingWith suffix: String = "") -> [String] {
        guard let directory = existing(relativePath),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// The URL of `relativePath` under ``root`` if it exists.
    package static func existing(_ relativePath: String) -> URL? {
        let url = root.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
