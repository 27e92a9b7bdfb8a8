import Foundation
import Testing
import _FuzzTargets
import _ManifestTestSupport

/// Replays every input kept from fuzzing through its harness, as `Fuzz/run.sh` runs it.
///
/// `Inputs/HARNESS/` holds the crashes found (once fixed) and hostile cases written by hand. A crash fails
/// the test run; each input must also finish within 10 seconds.
@Suite struct FuzzRegressionTests {
    static let directory = SharedDirectory.packageRoot.appendingPathComponent("Tests/FuzzRegressionTests/Inputs")

    static var cases: [String] {
        FuzzTargets.all.flatMap { harness in
            let folder = directory.appendingPathComponent(harness.name)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.sorted().map { "\(harness.name)/\($0)" }
        }
    }

    @Test func everyHarnessHasKeptInputs() {
        for harness in FuzzTargets.all {
            #expect(Self.cases.contains { $0.hasPrefix(harness.name + "/") }, "no inputs for \(harness.name)")
        }
    }

    @Test(arguments: cases)
    func inputRunsCleanly(name: String) throws {
        let harness = String(name.split(separator: "/")[0])
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let run = try #require(FuzzTargets.named(harness))
        let clock = ContinuousClock()
        let elapsed = clock.measure { run(bytes) }
        #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
    }
}
