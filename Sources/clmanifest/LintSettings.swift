import ManifestKit

/// The linter for each manifest of a `lint` run: its configuration (`--config`, else the closest
/// `.clmanifest.yml` unless `--isolated`, else the defaults; each read once) with the command line's
/// `--select` and `--ignore`, which decide the rules that run on it before it is read.
final class LintSettings {
    private let config: String?
    private let isolated: Bool
    private let schemas: [String]
    private let servicePrecedence: Bool
    private let excerpts: Bool
    private let jobs: Int
    private let partBytes: Int?
    private let images: [ImageMapping]
    private let select: [String]
    private let ignore: [String]
    private var configurations: [String: (Configuration, ManifestSchemas)] = [:]
    private var linters: [LinterKey: ManifestLinter] = [:]

    /// A configuration file (empty for none) and the rules selected with it for a file.
    private struct LinterKey: Hashable {
        var configuration: String
        var selection: RuleSelection
    }

    /// Settings with `--config` and `--isolated` from `configuration`.
    convenience init(
        configuration: ConfigurationOptions, schemas: [String], servicePrecedence: Bool = false, excerpts: Bool,
        jobs: Int = CoreCount.available, partBytes: Int? = nil, images: [ImageMapping] = [], select: [String] = [],
        ignore: [String] = []
    ) throws {
        try self.init(
            config: configuration.config, isolated: configuration.isolated, schemas: schemas,
            servicePrecedence: servicePrecedence, excerpts: excerpts, jobs: jobs, partBytes: partBytes, images: images,
            select: select, ignore: ignore)
    }

    init(
        config: String?, isolated: Bool, schemas: [String], servicePrecedence: Bool = false, excerpts: Bool,
        jobs: Int = CoreCount.available, partBytes: Int? = nil, images: [ImageMapping] = [], select: [String] = [],
        ignore: [String] = []
    ) throws {
        self.images = images
        self.select = select
        self.ignore = ignore
        self.jobs = jobs
        self.partBytes = partBytes
        self.config = config
        self.isolated = isolated
        self.schemas = schemas
        self.servicePrecedence = servicePrecedence
        self.excerpts = excerpts
        // A configuration or schema named on the command line must be usable before any file is read.
        if let config { _ = try configuration(config) }
        if !schemas.isEmpty, config == nil {
            do {
                _ = try ManifestSchemas.load(userSchemas: ManifestSchemas.readFiles(schemas))
            } catch {
                throw CommandFailure(message: "schema \(error.description)")
            }
        }
    }

    /// The configuration that applies to the manifest at `path`.
    func configuration(for path: String) throws(ManifestError) -> Configuration {
        try configurationAndSchemas(for: path).configuration.0
    }

    private func configurationAndSchemas(for path: String) throws(ManifestError) -> (
        file: String?, configuration: (Configuration, ManifestSchemas)
    ) {
        let file = ConfigurationOptions.file(for: path, config: config, isolated: isolated)
        do {
            return (file, try self.configuration(file))
        } catch {
            // Reported like a file that cannot be read, naming the configuration: the other manifests are still
            // checked, exit 2.
            throw ManifestError.unusableConfiguration(path: path, reason: "\(error)")
        }
    }

    /// The linter for the manifest at `path`.
    func linter(for path: String) throws(ManifestError) -> ManifestLinter {
        let (file, (configuration, schemas)) = try configurationAndSchemas(for: path)
        let key = LinterKey(
            configuration: file ?? "", selection: configuration.selection(for: path, select: select, ignore: ignore))
        if let known = linters[key] { return known }
        var options = configuration.options
        options.servicePrecedence = servicePrecedence || configuration.servicePrecedence
        options.excerpts = excerpts
        options.images = images + configuration.options.images
        let linter = ManifestLinter(options: options, schemas: schemas, selection: key.selection)
        linter.jobs = jobs
        if let partBytes { linter.partBytes = partBytes }
        linters[key] = linter
        return linter
    }

    /// The configuration in `file` (the defaults for nil) and the schemas it names with `--schema`'s.
    private func configuration(_ file: String?) throws -> (Configuration, ManifestSchemas) {
        let key = file ?? ""
        if let known = configurations[key] { return known }
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
        let entry = (configuration, loaded)
        configurations[key] = entry
        return entry
    }
}
