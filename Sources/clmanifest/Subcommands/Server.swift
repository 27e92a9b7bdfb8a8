import ArgumentParser
import ManifestKit
import ManifestServer

extension CLManifest {
    /// `clmanifest server`: the language server.
    struct Server: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the findings in your editor: a language server on standard input and output.",
            discussion: """
                Speaks the Language Server Protocol (3.17) for *.manifest and *.jsonl files (and documents \
                whose language is jsonl): diagnostics as you type, a quick fix per fixable finding, \
                source.fixAll.clmanifest for every safe fix, and the rule's explanation on hover. Each file's \
                .clmanifest.yml is found as lint finds it and read again when it changes; its images: mappings \
                are checked on open and save. Exit status: 0 after shutdown and exit, 1 when the client \
                exits (or the input ends) without shutdown.
                """
        )

        @OptionGroup var configFile: ConfigurationOptions

        func run() throws {
            let config = configFile
            let server = LanguageServer(version: ClmanifestVersion.number) {
                // A fresh reading of every configuration, each time one changes.
                let settings = try? LintSettings(configuration: config, schemas: [], excerpts: false, jobs: 1)
                return ServerConfiguration(
                    linter: { (path: String) throws(ManifestError) -> ManifestLinter in
                        guard let settings else {
                            throw ManifestError.unusableConfiguration(path: path, reason: "--config cannot be read")
                        }
                        return try settings.linter(for: path)
                    },
                    fixPolicy: { path in (try? settings?.configuration(for: path).fixPolicy) ?? FixPolicy() })
            }
            throw ExitCode(server.run())
        }
    }
}
