import Foundation
import Testing
import _ManifestTestSupport

/// `.clmanifest.yml` found from each manifest upwards (closest wins), `--config`, `--isolated`.
@Suite struct ConfigurationCommandTests {
    /// A temporary tree: `root/.clmanifest.yml`, `root/sub/.clmanifest.yml` (when given), and the
    /// typical-mistakes sample at `root/m.manifest` and `root/sub/m.manifest`.
    private func tree(root rootText: String, sub subText: String?) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let sub = root.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let sample = SharedDirectory.packageRoot.appendingPathComponent("samples/typical-mistakes.manifest")
        try FileManager.default.copyItem(at: sample, to: root.appendingPathComponent("m.manifest"))
        try FileManager.default.copyItem(at: sample, to: sub.appendingPathComponent("m.manifest"))
        try Data(rootText.utf8).write(to: root.appendingPathComponent(".clmanifest.yml"))
        if let subText { try Data(subText.utf8).write(to: sub.appendingPathComponent(".clmanifest.yml")) }
        return root
    }

    private func codes(_ output: String) -> Set<String> {
        Set(
            output.split(separator: "\n").compactMap { line in line.split(separator: "[").dropFirst().first?.prefix(5) }
                .map(String.init))
    }

    @Test func theClosestConfigurationWins() throws {
        let root = try tree(root: "select: [CL3]\n", sub: "select: [CL1]\n")
        let result = try CommandRunner.run([
            "lint", root.appendingPathComponent("m.manifest").path, root.appendingPathComponent("sub/m.manifest").path,
        ])
        let lines = result.standardOutput.split(separator: "\n")
        let top = codes(lines.filter { !$0.contains("/sub/") }.joined(separator: "\n"))
        let sub = codes(lines.filter { $0.contains("/sub/") }.joined(separator: "\n"))
        #expect(top == ["CL301", "CL302", "CL303", "CL304"])
        #expect(sub == ["CL102"])
    }

    @Test func isolatedAndExplicitConfigurations() throws {
        let root = try tree(root: "select: [CL3]\n", sub: nil)
        let manifest = root.appendingPathComponent("m.manifest").path
        let isolated = try CommandRunner.run(["lint", "--isolated", manifest])
        #expect(codes(isolated.standardOutput).contains("CL001"))
        let other = root.appendingPathComponent("other.yml")
        try Data("select: [CL2]\nseverity: {CL204: info}\n".utf8).write(to: other)
        let explicit = try CommandRunner.run(["lint", "--config", other.path, manifest])
        #expect(codes(explicit.standardOutput) == ["CL201", "CL202", "CL203", "CL204", "CL206"])
        #expect(explicit.standardOutput.contains("info: [CL204]"))
    }

    @Test func badConfigurationsExitTwoNamingTheKey() throws {
        let root = try tree(root: "version: 1\nlimits:\n  max-rows: many\n", sub: nil)
        let discovered = try CommandRunner.run(["lint", root.appendingPathComponent("m.manifest").path])
        #expect(discovered.status == 2)
        #expect(discovered.standardError.contains(".clmanifest.yml:3:3: 'max-rows' must be an integer, not a string"))
        let missing = try CommandRunner.run(["lint", "--config", "/no/such.yml", "samples/mixed.manifest"])
        #expect(missing.status == 2 && missing.standardError.contains("/no/such.yml"))
    }

    /// The configuration is decided before the lines are read: an ignored rule does not run, so its errors
    /// neither print nor count toward the service's 20% (CL408) or the exit status; a severity set to warning
    /// makes the finding a warning when it is made, so its line is not counted as invalid either.
    @Test func ignoredRulesAndLoweredSeveritiesDoNotCountTowardTheInvalidShare() throws {
        let valid = (0..<5).map { number in
            #"{"source-ref":"s3://bucket/\#(number).jpg","pet":1,"pet-metadata":{"class-name":"\#(number % 2 == 0 ? "cat" : "dog")","confidence":1,"#
                + #""type":"groundtruth/image-classification","job-name":"j","human-annotated":"yes","#
                + #""creation-date":"2024-01-01T00:00:00"}}"#
        }
        // Two lines of seven (29%) are not JSON: over the 20%, by CL001 alone.
        let root = try tree(root: "severity: {CL001: warning}\n", sub: nil)
        let manifest = root.appendingPathComponent("invalid.manifest")
        try Data((valid + [#"{"a": 1,}"#, #"{"b": 2,}"#]).joined(separator: "\n").utf8).write(to: manifest)

        let all = try CommandRunner.run(["lint", "--isolated", manifest.path])
        #expect(all.status == 1)
        #expect(codes(all.standardOutput) == ["CL001", "CL408"])

        let ignored = try CommandRunner.run(["lint", "--isolated", "--ignore", "CL001", manifest.path])
        #expect(ignored.status == 0, "\(ignored.standardOutput)")
        #expect(ignored.standardOutput.isEmpty)
        #expect(ignored.standardError.contains("0 with errors of the selected rules"))

        let lowered = try CommandRunner.run(["lint", manifest.path])
        #expect(lowered.status == 0, "\(lowered.standardOutput)")
        #expect(codes(lowered.standardOutput) == ["CL001"])
        #expect(lowered.standardOutput.contains("warning: [CL001]"))
        #expect(lowered.standardError.contains("0 with errors, dropped or not used (0%"))
        #expect(lowered.standardError.contains("2 with warnings only"))
    }
}

/// `--write-baseline` records the findings; `--baseline` reports only new ones.
@Suite struct BaselineTests {
    @Test func onlyNewFindingsAreReported() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let manifest = directory.appendingPathComponent("m.manifest")
        let baseline = directory.appendingPathComponent("baseline.jsonl").path
        let sample = SharedDirectory.packageRoot.appendingPathComponent("samples/typical-mistakes.manifest")
        var bytes = try Data(contentsOf: sample)  // Not valid UTF-8 throughout (line 7), on purpose.
        try bytes.write(to: manifest)
        let record = try CommandRunner.run(["lint", "--write-baseline", baseline, manifest.path])
        #expect(record.status == 1, "writing a baseline still reports")
        let again = try CommandRunner.run(["lint", "--baseline", baseline, manifest.path])
        #expect(again.status == 0 && again.standardOutput.isEmpty)
        // Sorting lines or adding one keeps the old findings known; the new line's finding is reported.
        bytes += Data((#"{"source-ref": "s3://northwind-site-safety/new.jpg", "note": 1}"# + "\n").utf8)
        try bytes.write(to: manifest)
        let later = try CommandRunner.run(["lint", "--baseline", baseline, manifest.path])
        #expect(later.standardOutput.split(separator: "\n").map { $0.contains("[CL209]") } == [true])
        let broken = directory.appendingPathComponent("broken.jsonl").path
        try Data("not json\n".utf8).write(to: URL(fileURLWithPath: broken))
        let bad = try CommandRunner.run(["lint", "--baseline", broken, manifest.path])
        #expect(bad.status == 2 && bad.standardError.contains("line 1 is not a baseline entry"))
    }

    /// A baseline written in `cfg/` works from its parent and from `cfg/` itself: findings without a
    /// source-ref are keyed by the path relative to the baseline, not as typed.
    @Test func aBaselineWorksFromAnyWorkingDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let cfg = root.appendingPathComponent("cfg")
        try FileManager.default.createDirectory(at: cfg, withIntermediateDirectories: true)
        let sample = SharedDirectory.packageRoot.appendingPathComponent("samples/typical-mistakes.manifest")
        try FileManager.default.copyItem(at: sample, to: cfg.appendingPathComponent("m.manifest"))
        let record = try CommandRunner.run(
            ["lint", "--isolated", "--write-baseline", "baseline.jsonl", "m.manifest"], directory: cfg.path)
        #expect(record.status == 1)
        let recorded = try String(contentsOf: cfg.appendingPathComponent("baseline.jsonl"), encoding: .utf8)
        #expect(recorded.contains(#""file":"m.manifest""#))
        for (directory, baseline, manifest) in [
            (root.path, "cfg/baseline.jsonl", "cfg/m.manifest"), (cfg.path, "baseline.jsonl", "./m.manifest"),
            (root.path, "cfg/baseline.jsonl", cfg.appendingPathComponent("m.manifest").path),
            (cfg.path, "../cfg/baseline.jsonl", "m.manifest"),
        ] {
            let run = try CommandRunner.run(
                ["lint", "--isolated", "--baseline", baseline, manifest], directory: directory)
            #expect(run.status == 0, "\(directory): \(baseline) \(manifest): \(run.standardOutput)")
            #expect(run.standardOutput.isEmpty)
            // What was reported and what the service would do, said consistently.
            #expect(
                run.standardError.hasPrefix(
                    "No problems reported in 1 file (29 findings not shown: 29 in the baseline)."))
            #expect(
                run.standardError.contains(
                    "; 20 with errors, dropped or not used (91%, over the 20% the service allows"))
        }
    }
}
