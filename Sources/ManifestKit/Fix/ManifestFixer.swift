/// Mends a manifest held in memory: lints it, applies the fixes the policy allows, and lints again, until
/// no fix is left to apply (at most ``maxPasses`` times).
///
/// Fixes whose edits touch the same bytes are applied in separate passes; a fix the result would make
/// worse is not kept: when a pass leaves a line with an error of a line rule that had none, the fixer stops with ``FixError/wouldAddErrors(_:)`` and nothing is kept.
///
/// ```swift
/// let fixer = ManifestFixer(linter: ManifestLinter(), policy: FixPolicy())
/// let outcome = try fixer.fix(bytes, name: "train.manifest")
/// outcome.bytes      // the mended manifest
/// outcome.remaining  // what lint still finds in it
/// ```
public struct ManifestFixer {
    /// The most passes over one file.
    public static let maxPasses = 10

    /// The linter that finds the fixes and checks the result.
    public let linter: ManifestLinter
    /// Which fixes to apply.
    public let policy: FixPolicy

    /// A fixer that lints with `linter` and applies what `policy` allows.
    public init(linter: ManifestLinter, policy: FixPolicy) {
        self.linter = linter
        self.policy = policy
    }

    /// Why a file was not fixed.
    public enum FixError: Error, Sendable, Equatable, CustomStringConvertible {
        /// A fix would have added an error: the rule codes it would have added, and where.
        case wouldAddErrors(String)

        /// What happened, for people.
        public var description: String {
            switch self {
            case .wouldAddErrors(let detail):
                "a fix would add an error (\(detail)); nothing was changed (please report this)"
            }
        }
    }

    /// What fixing one file did.
    public struct Outcome: Sendable {
        /// The manifest after the fixes.
        public var bytes: [UInt8]
        /// Whether the bytes differ from the input.
        public var changed: Bool
        /// How many findings the applied fixes mended.
        public var fixed: Int
        /// The findings of the fixed manifest.
        public var remaining: [Diagnostic]
        /// The passes it took.
        public var passes: Int
        /// For each line of the result, the line of the input it comes from.
        public var origins: [Int]
    }

    /// Fixes `input`, naming it `name` in the findings.
    public func fix(_ input: [UInt8], name: String) throws(FixError) -> Outcome {
        var bytes = input
        var diagnostics = linter.lint(bytes: bytes, name: name)
        let before = ErrorPlaces(diagnostics, origins: nil)
        var origins: [Int]?
        var fixed = 0
        var passes = 0
        while passes < Self.maxPasses {
            let fixes = diagnostics.filter(policy.applies).compactMap(\.fix)
            guard !fixes.isEmpty else { break }
            let application = FixApplication(fixes, to: bytes)
            guard application.applied > 0, application.bytes != bytes else { break }
            passes += 1
            fixed += application.applied
            origins = origins.map { earlier in application.origins.map { earlier[$0 - 1] } } ?? application.origins
            bytes = application.bytes
            diagnostics = linter.lint(bytes: bytes, name: name)
            if let added = ErrorPlaces(diagnostics, origins: origins).added(comparedWith: before) {
                throw .wouldAddErrors(added)
            }
        }
        return Outcome(
            bytes: bytes, changed: bytes != input, fixed: fixed, remaining: diagnostics, passes: passes,
            origins: origins ?? Array(1..<(LineTable(input).count + 1)))
    }
}

/// The lines of a manifest (numbered as in the input) with errors of the line rules.
///
/// The manifest rules (CL4xx) are left out: their findings are about the whole file, and a mended line can
/// rightly bring one out (a line whose JSON is mended may name an image a later line names too; a removed
/// line moves a bucket finding to the next line of that bucket).
private struct ErrorPlaces {
    var lines: Set<Int> = []

    private static let manifestCodes = Set(RuleRegistry.manifestRules.map { $0.description.code })

    init(_ diagnostics: [Diagnostic], origins: [Int]?) {
        for diagnostic in diagnostics where diagnostic.severity == .error {
            guard let line = diagnostic.line, !Self.manifestCodes.contains(diagnostic.code) else { continue }
            lines.insert(origins.map { line <= $0.count ? $0[line - 1] : line } ?? line)
        }
    }

    /// A description of the lines with errors this has where `earlier` had none, or nil.
    func added(comparedWith earlier: ErrorPlaces) -> String? {
        let newLines = lines.subtracting(earlier.lines).sorted()
        guard !newLines.isEmpty else { return nil }
        return "on line \(newLines.prefix(5).map(String.init).joined(separator: ", "))"
    }
}
