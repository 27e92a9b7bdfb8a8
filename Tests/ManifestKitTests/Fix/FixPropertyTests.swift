import Foundation
import ManifestKit
import Testing
import _FuzzTargets
import _ManifestTestSupport

/// The properties `fix` keeps (``FixProperties``), on manifests with generated defects and on the real
/// corpus; and a file of every defect comes out of `fix --unsafe-fixes` with nothing fixable left.
@Suite struct FixPropertyTests {
    /// The valid lines of the samples, the base the defects go into.
    static let validLines: [String] = [
        "samples/image-level.manifest", "samples/object-localization.manifest", "samples/mixed.manifest",
    ]
    .flatMap { path in
        ((try? String(contentsOf: SharedDirectory.packageRoot.appendingPathComponent(path), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    @Test func theSamplesAreThere() {
        #expect(Self.validLines.count > 50)
    }

    /// 200 seeded manifests, each about a third defective, through every property.
    @Test(arguments: 0..<8)
    func generatedDefectsKeepTheProperties(batch: Int) {
        for seed in (batch * 25)..<(batch * 25 + 25) {
            var injector = DefectInjector(seed: UInt64(seed))
            var lines = Self.validLines
            // A different slice and order per seed.
            let start = injector.next(below: lines.count)
            lines = Array(lines[start...] + lines[..<start]).prefix(12 + injector.next(below: 20)).map { $0 }
            let manifest = injector.manifest(from: lines, share: 0.35)
            if let broken = FixProperties.check(Array(manifest.utf8)) {
                Issue.record("seed \(seed): \(broken)\n\(manifest)")
            }
        }
    }

    /// Each defect alone, on every valid line it applies to: fixed with unsafe fixes, nothing fixable is
    /// left, and the line comes out with no error when the valid line had none.
    @Test(arguments: DefectInjector.safe + DefectInjector.unsafe)
    func everyDefectIsMended(defect: DefectInjector.Defect) throws {
        let linter = ManifestLinter()
        let fixer = ManifestFixer(linter: linter, policy: FixPolicy(unsafeFixes: true))
        var applied = 0
        for line in Self.validLines {
            guard let broken = defect.apply(line) else { continue }
            applied += 1
            let input = Array((broken + "\n").utf8)
            let found = linter.lint(bytes: input, name: "d.manifest").filter { $0.line == 1 }
            #expect(found.contains { fixer.policy.applies($0) }, "\(defect.name): no fix offered for\n\(broken)")
            let outcome = try fixer.fix(input, name: "d.manifest")
            let errors = outcome.remaining.filter { $0.severity == .error && $0.line != nil }
            #expect(errors.isEmpty, "\(defect.name): \(errors.map(\.message)) after fixing\n\(broken)")
            #expect(!outcome.remaining.contains(where: fixer.policy.applies))
        }
        if !["blank line", "repeated line"].contains(defect.name) {
            #expect(applied > 0, "\(defect.name) applies to no sample line")
        }
    }

    @Test func aFileOfEveryDefectHasNothingFixableLeft() throws {
        var injector = DefectInjector(seed: 2026)
        let manifest = Array(injector.manifest(from: Self.validLines, share: 0.9).utf8)
        let fixer = ManifestFixer(linter: ManifestLinter(), policy: FixPolicy(unsafeFixes: true))
        let before = fixer.linter.lint(bytes: manifest, name: "d.manifest")
        #expect(before.filter(fixer.policy.applies).count > 40, "the generated file has fixable findings")
        let outcome = try fixer.fix(manifest, name: "d.manifest")
        #expect(outcome.fixed > 40)
        #expect(outcome.remaining.filter(fixer.policy.applies).isEmpty)
        // The samples' lines are in several buckets (CL402): only the manifest rules may still find errors.
        let lineErrors = outcome.remaining.filter { $0.severity == .error && !$0.code.hasPrefix("CL4") }
        #expect(lineErrors.isEmpty, "\(lineErrors.map(\.message))")
    }

    /// Every real manifest of the corpus (CorpusTests checks that it is there).
    @Test(arguments: CorpusTests.files)
    func realManifestsKeepTheProperties(name: String) throws {
        let url = try #require(SharedDirectory.existing("\(CorpusTests.relativePath)/\(name)"))
        if let broken = FixProperties.check(try [UInt8](Data(contentsOf: url))) { Issue.record("\(name): \(broken)") }
    }
}

extension DefectInjector.Defect: CustomTestStringConvertible {
    /// The defect's name.
    public var testDescription: String { name }
}
