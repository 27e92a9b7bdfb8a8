import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

@Suite struct RuleRegistryTests {
    let descriptions = RuleRegistry.all.map { $0.description }

    @Test func codesAndNamesAreUniqueAndSorted() {
        let codes = descriptions.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(Set(descriptions.map(\.name)).count == descriptions.count)
        #expect(codes == codes.sorted())
    }

    @Test func codesAndNamesFollowTheConventions() {
        for description in descriptions {
            #expect(description.code.wholeMatch(of: /CL\d{3}/) != nil, "\(description.code)")
            #expect(description.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(description.name)")
            #expect(!description.summary.hasSuffix("."), "\(description.code): summary ends with a period")
            #expect(!description.rationale.isEmpty && !description.fix.isEmpty)
        }
    }

    @Test func everyRuleHasBothKindsOfExample() {
        for description in descriptions {
            #expect(!description.triggeringExamples.isEmpty, "\(description.code) has no triggering example")
            #expect(!description.nonTriggeringExamples.isEmpty, "\(description.code) has no non-triggering example")
        }
    }

    /// Each service code is mirrored by one manifest rule, with two exceptions.
    ///
    /// ERROR_INVALID_JSON_LINE is used for every way a line can fail to be a JSON object (syntax, encoding,
    /// NUL, blank, not an object). The image rules (CL6xx) are apart: ERROR_INVALID_IMAGE covers every way an image can be
    /// unusable, and the box rules check again, against the picture, what CL303 and CL304 check against
    /// image_size.
    @Test func serviceCodesAreMirroredOnce() {
        let manifest = descriptions.filter { !$0.code.hasPrefix("CL6") }
        let mirrored = manifest.compactMap(\.mirrors).filter { $0 != .invalidJSONLine }
        #expect(Set(mirrored).count == mirrored.count)
        let images = descriptions.filter { $0.code.hasPrefix("CL6") }.compactMap(\.mirrors)
        #expect(Set(images) == [.invalidImage, .invalidBoundingBox, .boundingBoxTooSmall])
    }

    /// Every rule file in Sources/ManifestKit/Rules is registered.
    @Test func everyRuleFileIsRegistered() throws {
        let directory = SharedDirectory.packageRoot.appendingPathComponent("Sources/ManifestKit/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".swift")
        }
        var declared = 0
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            declared += text.matches(of: /struct \w+: (Line|LineVerdict|Manifest|Schema)?Rule\b/).count
        }
        #expect(declared == RuleRegistry.all.count)
    }
}
