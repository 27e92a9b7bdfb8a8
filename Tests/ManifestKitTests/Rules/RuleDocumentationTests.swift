import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `docs/rules.md` is generated from the rule descriptions and must match them.
@Suite struct RuleDocumentationTests {
    @Test func rulesPageIsFresh() throws {
        try assertGenerated(
            RuleDocumentation.markdown(), at: "docs/rules.md",
            regenerate: "UPDATE_GENERATED=1 swift test --filter RuleDocumentationTests")
    }

    @Test func everyRuleIsInTheTableAndFoundByCodeOrName() {
        let table = RuleDocumentation.table()
        for rule in RuleRegistry.all {
            let description = rule.description
            #expect(table.contains("\(description.code)  \(description.name)"))
            #expect(RuleDocumentation.rule(named: description.code.lowercased())?.code == description.code)
            #expect(RuleDocumentation.rule(named: description.name)?.code == description.code)
        }
        #expect(RuleDocumentation.rule(named: "CL999") == nil)
    }

    @Test func explanationHoldsTheWholeDescription() throws {
        let description = try #require(RuleDocumentation.rule(named: "CL303"))
        let text = RuleDocumentation.explanation(of: description)
        #expect(text.hasPrefix("CL303 invalid-bounding-box (error)\nService code: ERROR_INVALID_BOUNDING_BOX\n"))
        #expect(text.contains(description.rationale) && text.contains("Fix: \(description.fix)."))
        #expect(text.contains("Example (reported):") && !text.contains("↓"))
    }
}

/// The README's rule table names every rule with its severity and service code.
@Suite struct ReadmeRuleTableTests {
    @Test func everyRuleHasItsRow() throws {
        let url = SharedDirectory.packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        for rule in RuleRegistry.all {
            let description = rule.description
            let serviceCode = description.mirrors.map { "`\($0.rawValue)`" } ?? "—"
            let row =
                "| \(description.code) | \(description.name) | \(description.severity.rawValue) | \(serviceCode) |"
            #expect(readme.contains(row), "README lacks the row for \(description.code)")
        }
    }
}
