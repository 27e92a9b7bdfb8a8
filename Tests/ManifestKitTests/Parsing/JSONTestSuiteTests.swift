import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Runs every file of JSONTestSuite's `test_parsing` through the parser (nst/JSONTestSuite).
@Suite struct JSONTestSuiteTests {
    static let relativePath = "conformance/JSONTestSuite/test_parsing"

    static var files: [String] { SharedDirectory.files(in: relativePath, endingWith: ".json") }

    @Test(
        "the suite is present (required under CI)",
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing(relativePath) != nil,
            "skipped: JSONTestSuite not found at ../shared/\(relativePath)"))
    func suiteIsPresent() throws {
        let directory = try #require(
            SharedDirectory.existing(Self.relativePath),
            "JSONTestSuite is missing at \(SharedDirectory.root.path)/\(Self.relativePath)")
        #expect(Self.files.count > 300, "expected the full suite in \(directory.path)")
        #expect(Self.files.contains { $0.hasPrefix("y_") } && Self.files.contains { $0.hasPrefix("n_") })
    }

    @Test(arguments: files)
    func parse(file: String) throws {
        let url = try #require(SharedDirectory.existing("\(Self.relativePath)/\(file)"))
        let bytes = [UInt8](try Data(contentsOf: url))
        let parser = JSONParser()
        let accepted = bytes.withUnsafeBufferPointer { buffer in
            (try? parser.parse(buffer)) != nil
        }
        if file.hasPrefix("y_") {
            #expect(accepted, "\(file) must be accepted")
        } else if file.hasPrefix("n_") {
            #expect(!accepted, "\(file) must be rejected")
        }
        // i_ files may go either way; getting here means the parser did not crash on them.
    }
}
