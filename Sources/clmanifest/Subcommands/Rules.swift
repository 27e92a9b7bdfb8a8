import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest rules`: the rule catalogue as a table.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule: code, name, severity, the service code it predicts, and a summary.",
            discussion: "`clmanifest explain CODE` prints everything about one rule."
        )

        func run() throws {
            Output.standardOutput(RuleDocumentation.table())
        }
    }
}
