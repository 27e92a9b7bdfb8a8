import Foundation
import Testing
import _ManifestTestSupport

@testable import ManifestKit

/// Wraps a fixing rule so it can be a test argument.
struct FixingRuleCase: CustomTestStringConvertible, Sendable {
    let rule: any FixingRule.Type
    var testDescription: String { "\(rule.description.code) \(rule.description.name)" }
}

/// Runs every rule's fix examples through the fixer: `before` has a finding of the rule with a fix, and
/// fixing with that rule's fixes only (unsafe ones included) gives `after` exactly.
@Suite struct FixExampleTests {
    static let rules = RuleRegistry.fixingRules.map(FixingRuleCase.init)

    static func fixer(only code: String, _ example: FixExample) throws -> ManifestFixer {
        var options =
            try example.configuration.map { try Configuration.parse($0, file: "example.yml").options } ?? LintOptions()
        if !example.images.isEmpty {
            options.images = [ImageMapping(prefix: "s3://bucket/", directory: try ExampleImages.write(example.images))]
        }
        return ManifestFixer(
            linter: ManifestLinter(options: options), policy: FixPolicy(unsafeFixes: true, fixable: [code]))
    }

    @Test(arguments: rules)
    func examplesComeOutAsShown(rule: FixingRuleCase) throws {
        let code = rule.rule.description.code
        for example in rule.rule.fixExamples {
            let fixer = try Self.fixer(only: code, example)
            let before = Array((example.before + "\n").utf8)
            let findings = fixer.linter.lint(bytes: before, name: "example.manifest").filter { $0.code == code }
            #expect(!findings.isEmpty, "\(code): the example has no finding of the rule:\n\(example.before)")
            #expect(findings.contains { $0.fix != nil }, "\(code): no finding of the example has a fix")
            let outcome = try fixer.fix(before, name: "example.manifest")
            #expect(String(decoding: outcome.bytes, as: UTF8.self) == example.after + "\n", "\(code)")
            #expect(
                !outcome.remaining.contains { $0.code == code && fixer.policy.applies($0) }, "\(code): fixable again")
        }
    }

    /// A rule whose only fixes are advice shows no example; every other shows at least one.
    @Test(arguments: rules)
    func everyRuleThatEditsHasAnExample(rule: FixingRuleCase) {
        let adviceOnly: Set = ["CL302"]
        #expect(rule.rule.fixExamples.isEmpty == adviceOnly.contains(rule.rule.description.code))
    }
}
