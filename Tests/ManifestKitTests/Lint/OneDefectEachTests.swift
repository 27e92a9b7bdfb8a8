import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// A manifest with one defect of each kind, line by line, gets exactly the expected findings: the rule of
/// the defect, plus CL206 where the service also reports that the line has no valid label attribute.
@Suite struct OneDefectEachTests {
    static let path = "Tests/ManifestKitTests/Lint/Fixtures/one-defect-each.manifest"

    static let expected: [Int?: [String]] = [
        3: ["CL101"], 4: ["CL102"], 5: ["CL203"], 6: ["CL204", "CL206"], 7: ["CL205"], 8: ["CL206", "CL301"],
        9: ["CL206", "CL302"], 10: ["CL303"], 11: ["CL304"], 12: ["CL305"], 13: ["CL306"], 14: ["CL308"],
        15: ["CL307", "CL310"], 16: ["CL401"], 17: ["CL402"], 18: ["CL202", "CL206"], nil: ["CL408"],
    ]

    @Test func eachLineGetsExactlyItsFindings() throws {
        let url = SharedDirectory.packageRoot.appendingPathComponent(Self.path)
        let diagnostics = try ManifestLinter().lint(path: url.path)
        var actual: [Int?: [String]] = [:]
        for diagnostic in diagnostics { actual[diagnostic.line, default: []].append(diagnostic.code) }
        #expect(actual.mapValues { $0.sorted() } == Self.expected)
    }
}
