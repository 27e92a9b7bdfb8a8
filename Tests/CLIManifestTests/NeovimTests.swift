import Foundation
import Testing
import _ManifestTestSupport

/// A real editor shows the server's findings.
///
/// Headless Neovim, its built-in LSP client attached to `clmanifest server`, shows the findings `lint`
/// gives and follows an edit. `.ci/run` installs Debian's `neovim` when it is missing;
/// elsewhere the test skips without it.
@Suite struct NeovimTests {
    @Test func neovimShowsTheDiagnosticsAndFollowsAnEdit() throws {
        guard
            let neovim = InstalledProgram.required(
                "nvim", package: "neovim", whenMissing: { Issue.record(Comment(rawValue: $0)) })
        else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = ServerTests.line("a")
        let lines = [good, "{not json", ServerTests.line("bb", width: 1), ServerTests.line("ccc")]
        let manifest = directory.appendingPathComponent("train.manifest")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: manifest)
        let output = directory.appendingPathComponent("diagnostics.json")
        let script = SharedDirectory.packageRoot.appendingPathComponent(
            "Tests/CLIManifestTests/Editors/neovim-check.lua")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: neovim)
        process.arguments = ["--headless", "--clean", "-n", "-c", "luafile \(script.path)"]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["CLMANIFEST_BIN"] = CommandRunner.executable.path
        environment["CLMANIFEST_NVIM_FILE"] = manifest.path
        environment["CLMANIFEST_NVIM_OUT"] = output.path
        environment["CLMANIFEST_NVIM_BROKEN"] = "1"
        environment["CLMANIFEST_NVIM_FIXED_LINE"] = ServerTests.line("dddd")
        environment["XDG_STATE_HOME"] = directory.path
        environment["XDG_DATA_HOME"] = directory.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Issue.record("Neovim did not finish in 120 s")
            return
        }
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        #expect(result["opened"] as? Bool == true && result["mended"] as? Bool == true, "\(result)")
        let before = try #require(result["before"] as? [[String: Any]])
        let after = try #require(result["after"] as? [[String: Any]])
        func summary(_ list: [[String: Any]]) -> [String] {
            list.map { "\($0["lnum"] ?? "") \($0["code"] ?? "")" }.sorted()
        }
        // What lint says of the file, line for line.
        let lint = try CommandRunner.run(["lint", manifest.path, "--format", "json"])
        let findings = try JSONSerialization.jsonObject(with: Data(lint.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(summary(before) == findings.map { "\((($0["line"] as? Int) ?? 1) - 1) \($0["code"] ?? "")" }.sorted())
        #expect(summary(before).contains("1 CL001") && summary(before).contains("2 CL304"))
        #expect(before.allSatisfy { $0["source"] as? String == "clmanifest" })
        #expect(!summary(after).contains("1 CL001") && summary(after).contains("2 CL304"))
    }
}
