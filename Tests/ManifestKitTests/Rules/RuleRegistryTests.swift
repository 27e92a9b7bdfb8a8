import Foundation
import Testing
import _ManifestTestSupport

@testable import ManifestKit

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
            declared +=
                text.matches(of: /struct \w+: (File|Record|Line|LineVerdict|Manifest|Image|Schema|Dataset)?Rule\b/)
                .count
        }
        #expect(declared == RuleRegistry.all.count)
    }

    /// Every rule is of a kind the engine runs, and listed with its kind: the engine takes the kinds from the
    /// lists, so a rule that conforms but is not listed would never run, and one of no kind is a bare `Rule`
    /// whose findings some other code makes.
    @Test func everyRuleIsListedWithItsKinds() {
        let lists: [(String, [String], (any Rule.Type) -> Bool)] = [
            ("file", RuleRegistry.fileRules.map { $0.description.code }, { $0 is any FileRule.Type }),
            ("record", RuleRegistry.recordRules.map { $0.description.code }, { $0 is any RecordRule.Type }),
            ("line", RuleRegistry.lineRules.map { $0.description.code }, { $0 is any LineRule.Type }),
            ("verdict", RuleRegistry.verdictRules.map { $0.description.code }, { $0 is any LineVerdictRule.Type }),
            ("schema", RuleRegistry.schemaRules.map { $0.description.code }, { $0 is any SchemaRule.Type }),
            ("manifest", RuleRegistry.manifestRules.map { $0.description.code }, { $0 is any ManifestRule.Type }),
            ("image", RuleRegistry.imageRules.map { $0.description.code }, { $0 is any ImageRule.Type }),
            ("dataset", RuleRegistry.datasetRules.map { $0.description.code }, { $0 is any DatasetRule.Type }),
            ("fixable", RuleRegistry.fixableRules.map { $0.description.code }, { $0 is any FixableRule.Type }),
            ("fixing", RuleRegistry.fixingRules.map { $0.description.code }, { $0 is any FixingRule.Type }),
        ]
        for rule in RuleRegistry.all {
            let code = rule.description.code
            let kinds = lists.filter { $0.2(rule) }
            #expect(!kinds.isEmpty, "\(code) is of no kind: nothing runs it")
            for (kind, codes, conforms) in lists {
                #expect(codes.contains(code) == conforms(rule), "\(code) and the \(kind) rules' list disagree")
            }
        }
        for (kind, codes, _) in lists {
            #expect(codes == codes.sorted(), "the \(kind) rules are listed in code order")
            #expect(Set(codes).isSubset(of: descriptions.map(\.code)), "every \(kind) rule is in RuleRegistry.all")
        }
    }
}
