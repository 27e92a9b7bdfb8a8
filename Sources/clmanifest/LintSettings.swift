import ManifestKit

/// The configuration and linter for each manifest of a `lint` run: `--config`, else the closest
/// `.clmanifest.yml` (unless `--isolated`), else the defaults; each configuration is read once.
final class LintSettings {
    private let config: String?
    private let isolated: Bool
    private let schemas: [String]
    private let servicePrecedence: Bool
    private let excerpts: Bool
    private let jobs: Int
    private let partBytes: Int?
    private let images: [ImageMapping]
    private var linters: [String: (Configuration, ManifestLinter)] = [:]

    init(
        config: String?, isolated: Bool, schemas: [String], servicePrecedence: Bool, excerpts: Bool,
        jobs: Int = CoreCount.available, partBytes: Int? = nil, images: [ImageMapping] = []
    ) throws {
        self.images = images
        self.jobs = jobs
        self.partBytes = partBytes
        self.config = config
        self.isolated = isolated
        self.schemas = schemas
        self.servicePrecedence = servicePrecedence
        self.excerpts = excerpts
        // A configuration or schema named on the command line must be usable before any file is read.
        if let config { _ = try linter(forConfiguration: config) }
        if !schemas.isEmpty, config == nil {
            do {
                _ = try ManifestSchemas.load(userSchemas: ManifestSchemas.readFiles(schemas))
            } catch {
                throw CommandFailure(message: "schema \(error.description)")
            }
        }
    }

    /// The configuration and the linter for the manifest at `path`.
    func linter(for path: String) throws(ManifestError) -> (Configuration, ManifestLinter) {
        let file = config ?? (isolated ? nil : Configuration.discover(for: path))
        do {
            return try linter(forConfiguration: file)
        } catch {
            // Reported like a file that cannot be read, naming the configuration: the other manifests are still
            // checked, exit 2.
            throw ManifestError.unusableConfiguration(path: path, reason: "\(error)")
        }
    }

    private func linter(forConfiguration file: String?) throws -> (Configuration, ManifestLinter) {
        let key = file ?? ""
        if let known = linters[key] { return known }
        let configuration: Configuration
        do {
            configuration = try file.map(Configuration.load(path:)) ?? Configuration()
        } catch {
            throw CommandFailure(message: error.description)
        }
        let loaded: ManifestSchemas
        do {
            loaded = try ManifestSchemas.load(userSchemas: ManifestSchemas.readFiles(schemas + configuration.schemas))
        } catch {
            throw CommandFailure(message: "schema \(error.description)")
        }
        var options = configuration.options
        options.servicePrecedence = servicePrecedence || configuration.servicePrecedence
        options.excerpts = excerpts
        options.images = images + configuration.options.images
        let linter = ManifestLinter(options: options, schemas: loaded)
        linter.jobs = jobs
        if let partBytes { linter.partBytes = partBytes }
        let entry = (configuration, linter)
        linters[key] = entry
        return entry
    }
}
