import ArgumentParser
import ManifestKit

/// How `fix` (and `lint --fix`) mends: which fixes, and whether to write or only show them.
struct FixOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Also apply unsafe fixes, which change the data (clamp, round or drop boxes, drop repeated lines).",
            discussion:
                "Default: `fix.unsafe-fixes` in the configuration, else off. Display-only fixes are never applied."))
    var unsafeFixes: Bool?

    @Flag(
        help: ArgumentHelp(
            "Write nothing; print a unified diff that `patch -p1` applies, and exit 1 when there is something to fix."))
    var diff = false

    @Option(
        help: ArgumentHelp(
            "Only these rules may fix: codes, prefixes or names (default: `fix.fixable`, else every rule).",
            valueName: "codes"))
    var fixable: [String] = []

    @Option(
        help: ArgumentHelp(
            "These rules may not fix (added to `fix.unfixable`).", valueName: "codes"))
    var unfixable: [String] = []

    mutating func validate() throws {
        _ = try ReportOptions.resolvedCodes(fixable, option: "--fixable")
        _ = try ReportOptions.resolvedCodes(unfixable, option: "--unfixable")
    }

    /// The configuration's policy with these options over it.
    func policy(over configured: FixPolicy) -> FixPolicy {
        var policy = configured
        if let unsafeFixes { policy.unsafeFixes = unsafeFixes }
        let fixableCodes = (try? ReportOptions.resolvedCodes(fixable, option: "--fixable")) ?? []
        if !fixableCodes.isEmpty { policy.fixable = fixableCodes }
        policy.unfixable += (try? ReportOptions.resolvedCodes(unfixable, option: "--unfixable")) ?? []
        return policy
    }
}
