import ArgumentParser
import ManifestKit

extension CLManifest {
    /// `clmanifest explain CODE`: one rule in full.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain one rule: what it finds, why the service cares, how to fix it, and an example."
        )

        @Argument(help: "A rule code such as CL303, or a name such as invalid-bounding-box.")
        var rule: String

        func run() throws {
            guard let description = RuleDocumentation.rule(named: rule) else {
                throw CommandFailure(message: "no rule '\(rule)'; `clmanifest rules` lists them")
            }
            Output.standardOutput(RuleDocumentation.explanation(of: description))
        }
    }
}
