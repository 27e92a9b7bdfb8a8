import ManifestKit

extension FuzzTargets {
    /// `fix` on any bytes: see ``FixProperties/check(_:)``.
    @Sendable public static func fix(_ bytes: [UInt8]) {
        if let broken = FixProperties.check(bytes) { preconditionFailure(broken) }
    }
}

/// The properties `fix` must keep on any manifest, checked on one input; the fuzz harness `fix` and the
/// property tests run them.
public enum FixProperties {
    /// The first property `bytes` breaks, described, or nil.
    ///
    /// The properties:
    /// - the fixer does not stop because a fix would add an error (a line without errors of the line rules
    ///   keeps none), with safe fixes and with unsafe ones;
    /// - fixing is idempotent: the fixed bytes, fixed again, come out the same, with nothing applied;
    /// - edits are minimal: with safe fixes, a line without an applicable fix comes out byte for byte, at
    ///   its place among the lines kept;
    /// - every remaining finding with a fix the policy allows is gone (nothing applicable is left).
    public static func check(_ bytes: [UInt8]) -> String? {
        var options = LintOptions()
        options.maxLineBytes = 1 << 16
        let linter = ManifestLinter(options: options)
        linter.jobs = 1
        for policy in [FixPolicy(), FixPolicy(unsafeFixes: true)] {
            let fixer = ManifestFixer(linter: linter, policy: policy)
            let outcome: ManifestFixer.Outcome
            do {
                outcome = try fixer.fix(bytes, name: "fuzz.manifest")
            } catch {
                return "\(error.description) (unsafe fixes: \(policy.unsafeFixes))"
            }
            if outcome.passes < ManifestFixer.maxPasses, outcome.remaining.contains(where: policy.applies) {
                return "an applicable fix is left after \(outcome.passes) passes"
            }
            if outcome.passes < ManifestFixer.maxPasses {
                guard let again = try? fixer.fix(outcome.bytes, name: "fuzz.manifest") else {
                    return "fixing the fixed bytes failed"
                }
                if again.changed || again.fixed != 0 { return "not idempotent: a second run changed the bytes" }
            }
            if !policy.unsafeFixes, let broken = minimality(bytes, outcome, linter: linter, policy: policy) {
                return broken
            }
        }
        return nil
    }

    /// Whether the lines without an applicable fix came out unchanged.
    private static func minimality(
        _ bytes: [UInt8], _ outcome: ManifestFixer.Outcome, linter: ManifestLinter, policy: FixPolicy
    ) -> String? {
        let touched = Set(
            linter.lint(bytes: bytes, name: "fuzz.manifest").filter(policy.applies).flatMap { finding in
                [finding.line ?? 0] + (finding.fix?.edits.flatMap { Array($0.line...$0.endLine) } ?? [])
            })
        // After the first pass, fixes come from the lines it changed; others stay as they were.
        let before = lines(bytes)
        let after = lines(outcome.bytes)
        guard after.count == outcome.origins.count else { return "origins do not match the fixed lines" }
        var kept = Set<Int>()
        for (index, origin) in outcome.origins.enumerated() {
            kept.insert(origin)
            guard !touched.contains(origin), origin <= before.count else { continue }
            var original = before[origin - 1]
            var fixed = after[index]
            // A byte order mark and the last line's missing line feed are the file's, not the line's.
            if origin == 1 { original = stripMark(original) }
            if index == 0 { fixed = stripMark(fixed) }
            if original != fixed { return "line \(origin) had no fix but changed" }
        }
        for line in 1...max(1, before.count) where line <= before.count && !touched.contains(line) {
            if !kept.contains(line) { return "line \(line) had no fix but was removed" }
        }
        return nil
    }

    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            result.append(bytes[start..<end])
            start = end + 1
        }
        return result
    }

    private static func stripMark(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line
    }
}
