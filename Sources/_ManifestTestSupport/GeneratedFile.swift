import Foundation
package import Testing

/// Compares a file generated from the code (docs/rules.md, the embedded schemas, pinned counts) with its
/// checked-in copy at `relativePath` under the package root.
///
/// With `UPDATE_GENERATED` set, the file is rewritten and the test fails once, so that a regenerated file is
/// always reviewed and committed, never silently accepted (CI unsets the variable).
package func assertGenerated(
    _ actual: String, at relativePath: String, regenerate command: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let url = SharedDirectory.packageRoot.appendingPathComponent(relativePath)
    if ProcessInfo.processInfo.environment["UPDATE_GENERATED"] != nil {
        try Data(actual.utf8).write(to: url)
        Issue.record(
            "Regenerated \(relativePath); review the change, then run the tests again without UPDATE_GENERATED",
            sourceLocation: sourceLocation)
        return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    #expect(actual == expected, "\(relativePath) is stale: \(command)", sourceLocation: sourceLocation)
}
