import ArgumentParser
import ManifestKit

/// Which configuration applies to a manifest: `--config` and `--isolated`.
///
/// Shared by `lint`, `diff`, `split` and `upload`.
struct ConfigurationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Use this configuration file instead of the closest .clmanifest.yml.", valueName: "file"))
    var config: String?

    @Flag(help: "Use no configuration file.")
    var isolated = false

    func validate() throws {
        if isolated && config != nil { throw ValidationError("--isolated and --config contradict each other") }
    }

    /// The configuration file for the manifest at `path`: `--config`, else the closest `.clmanifest.yml` from
    /// the manifest's directory upwards (none with `--isolated`).
    func file(for path: String) -> String? {
        Self.file(for: path, config: config, isolated: isolated)
    }

    /// ``file(for:)`` for the given option values.
    static func file(for path: String, config: String?, isolated: Bool) -> String? {
        config ?? (isolated ? nil : Configuration.discover(for: path))
    }

    /// The configuration for the manifest at `path` (the defaults when there is no file); a file that cannot
    /// be used stops the command (exit 2).
    func configuration(for path: String) throws -> Configuration {
        guard let file = file(for: path) else { return Configuration() }
        do {
            return try Configuration.load(path: file)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}
