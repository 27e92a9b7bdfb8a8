import Foundation
import Testing
import _ManifestTestSupport

/// The shell completions `clmanifest --generate-completion-script` writes (and the wheel installs) complete
/// subcommands and options in real shells.
///
/// Each shell loads the script and is asked for the completions at the end of a command line (bash by
/// calling the completion function as bash would, zsh through an interactive shell in a pseudo-terminal,
/// fish with `complete -C`). `.ci/run` installs zsh and fish when missing; elsewhere their cases skip.
@Suite struct CompletionTests {
    /// Command lines and a completion each must offer.
    static let cases: [(line: String, offered: String)] = [
        ("clmanifest li", "lint"),
        ("clmanifest up", "upload"),
        ("clmanifest update-d", "update-dataset-entries"),
        ("clmanifest lint --fo", "--format"),
        ("clmanifest lint --service-", "--service-precedence"),
        ("clmanifest fix --unsafe", "--unsafe-fixes"),
        ("clmanifest convert --s3-", "--s3-prefix"),
        ("clmanifest upload --dataset-", "--dataset-arn"),
    ]

    @Test(arguments: ["bash", "zsh", "fish"])
    func subcommandsAndOptionsComplete(shell: String) throws {
        guard
            let path = InstalledProgram.required(
                shell, package: shell, whenMissing: { Issue.record(Comment(rawValue: $0)) })
        else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = try CommandRunner.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        let name = ["bash": "clmanifest.bash", "zsh": "_clmanifest", "fish": "clmanifest.fish"][shell] ?? shell
        try Data(script.standardOutput.utf8).write(to: directory.appendingPathComponent(name))
        let drivers = SharedDirectory.packageRoot.appendingPathComponent("Tests/CLIManifestTests/Shells")
        for (line, offered) in Self.cases + [("clmanifest lint --nosuch", "")] {
            let arguments: [String]
            switch shell {
            case "bash":
                arguments = [drivers.appendingPathComponent("complete.bash").path, "\(directory.path)/\(name)", line]
            case "zsh":
                arguments = ["-f", drivers.appendingPathComponent("complete.zsh").path, directory.path, line]
            default:
                arguments = [
                    "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", "\(directory.path)/\(name)", line,
                ]
            }
            let offers = try InstalledProgram.output(of: path, arguments).split(separator: "\n").map {
                String($0.prefix { $0 != "\t" })
            }
            if offered.isEmpty {
                // A word that no option starts with gets no option.
                #expect(!offers.contains { $0.hasPrefix("--") }, "\(shell): '\(line)' offered \(offers)")
            } else {
                #expect(offers.contains(offered), "\(shell): '\(line)' offered \(offers)")
            }
        }
    }
}
