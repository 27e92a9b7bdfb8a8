import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `.clmanifest.yml` says: which rules to run and how severe they are, per-file exceptions, extra
/// schemas and limits.
///
/// ```yaml
/// version: 1
/// select: [CL1, CL2, CL3, CL4]      # codes or prefixes; all rules when absent
/// extend-select: [CL501]
/// ignore: [CL311]
/// severity: {CL209: error}         # error, warning or info
/// per-file-ignores:
///   "legacy/*.manifest": [CL209, CL311]
/// schemas: [schemas/extra.yaml]     # relative to this file
/// service-precedence: false
/// limits: {max-line-characters: 100000, max-rows: 250000, max-bytes: 1000000000, max-batch-bytes: 5242880}
/// diff: {ignore-fields: ["*-metadata.creation-date"]}
/// images: {"s3://bucket/datasets/cars/": photos/cars}   # lint --images; directories relative to this file
/// ```
public struct Configuration: Sendable {
    /// The file name looked for in each directory from a manifest's up to the root.
    public static let fileName = ".clmanifest.yml"

    /// The file this came from, or nil for the defaults.
    public var file: String?
    /// Codes or prefixes to run; empty means every rule.
    public var select: [String] = []
    /// Codes or prefixes added to ``select``.
    public var extendSelect: [String] = []
    /// Codes or prefixes not to run.
    public var ignore: [String] = []
    /// Severities replacing the rules' defaults, by code or prefix (the longest matching one applies).
    public var severities: [String: Severity] = [:]
    /// Glob patterns (relative to the configuration's directory) and the codes or prefixes ignored in
    /// matching files.
    public var perFileIgnores: [(pattern: String, codes: [String])] = []
    /// Extra schema files, as absolute paths or relative to the current directory.
    public var schemas: [String] = []
    /// Whether to report per line only what the service would report first.
    public var servicePrecedence = false
    /// The limits: line length, rows and bytes per manifest (see ``LintOptions``).
    public var options = LintOptions()
    /// The largest `UpdateDatasetEntries` batch, in bytes (`split` and `diff` plan with it).
    public var maxBatchBytes = BatchPacker.defaultMaxBytes
    /// Fields `diff` leaves out of comparisons, besides the service's own keys.
    public var diffIgnoredFields: [FieldPattern] = []
    /// `fix:` — whether `fix` applies unsafe fixes, and which rules may fix.
    public var fixPolicy = FixPolicy()

    /// The defaults: every rule at its own severity.
    public init() {}

    /// The configuration that applies to `path`: the closest `.clmanifest.yml` in its directory or above,
    /// or nil when there is none.
    public static func discover(for path: String) -> String? {
        var status = stat()
        let isDirectory = path != "-" && stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        // Standard input and S3 objects are looked for from the current directory.
        let start =
            path == "-" || path.lowercased().hasPrefix("s3://")
            ? "." : isDirectory ? path : PathName.directory(of: path)
        var directory = PathName.absolute(start)
        while true {
            let candidate = PathName.joined(directory, fileName)
            if access(candidate, F_OK) == 0 { return candidate }
            if directory == "/" { return nil }
            directory = PathName.directory(of: directory)
        }
    }

    /// Reads the configuration file at `path`.
    ///
    /// - Throws: ``ConfigurationError`` for a file that cannot be read, is not YAML, has an unknown key or
    ///   a value of the wrong type, naming the key with its line and column.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        let text: String
        do {
            text = try FileContents.text(path, limit: SchemaDocumentReader.maxBytes)
        } catch {
            throw ConfigurationError(file: path, message: "cannot be read: \(error.reason)")
        }
        return try parse(text, file: path)
    }

    /// Reads configuration text; `file` names it in errors and anchors relative paths.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Configuration {
        let root: SchemaValue
        do {
            root = try SchemaDocumentReader.readYAML(text, name: file)
        } catch {
            // A file with nothing but comments is the defaults.
            if error.message == SchemaDocumentReader.emptyDocumentMessage {
                var configuration = Configuration()
                configuration.file = file
                return configuration
            }
            throw ConfigurationError(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let members = root.members else {
            throw ConfigurationError(file: file, message: "the configuration must be a mapping of keys to values")
        }
        var configuration = Configuration()
        configuration.file = file
        let base = PathName.directory(of: file)
        for member in members {
            let reader = ValueReader(file: file, member: member)
            switch member.key {
            case "version":
                guard try reader.integer() == 1 else { throw reader.error("version must be 1") }
            case "select": configuration.select = try reader.codes()
            case "extend-select": configuration.extendSelect = try reader.codes()
            case "ignore": configuration.ignore = try reader.codes()
            case "severity":
                for entry in try reader.mapping() {
                    let code = try ValueReader(file: file, member: entry).code(entry.key)
                    guard case .string(let name) = entry.value, let severity = Severity(rawValue: name) else {
                        throw ValueReader(file: file, member: entry).error(
                            "the severity of \(code) must be error, warning or info")
                    }
                    configuration.severities[code] = severity
                }
            case "per-file-ignores":
                for entry in try reader.mapping() {
                    configuration.perFileIgnores.append(
                        (Self.resolve(entry.key, in: base), try ValueReader(file: file, member: entry).codes()))
                }
            case "schemas":
                configuration.schemas = try reader.strings().map { Self.resolve($0, in: base) }
            case "service-precedence": configuration.servicePrecedence = try reader.bool()
            case "images":
                for entry in try reader.mapping() {
                    let setting = ValueReader(file: file, member: entry)
                    guard case .string(let local) = entry.value else {
                        throw setting.error("the image directory for '\(entry.key)' must be a string")
                    }
                    let mapping = ImageMapping(prefix: entry.key, directory: Self.resolve(local, in: base))
                    do {
                        try mapping.validate()
                    } catch {
                        throw setting.error(error.description)
                    }
                    configuration.options.images.append(mapping)
                }
            case "rules":
                for entry in try reader.mapping() {
                    try configuration.applyRuleOptions(entry, file: file)
                }
            case "diff":
                for entry in try reader.mapping() {
                    let setting = ValueReader(file: file, member: entry)
                    guard entry.key == "ignore-fields" else {
                        throw setting.unknownKey("diff setting", known: ["ignore-fields"])
                    }
                    configuration.diffIgnoredFields = try setting.strings().map(FieldPattern.init)
                }
            case "fix":
                for entry in try reader.mapping() {
                    let setting = ValueReader(file: file, member: entry)
                    switch entry.key {
                    case "unsafe-fixes": configuration.fixPolicy.unsafeFixes = try setting.bool()
                    case "fixable": configuration.fixPolicy.fixable = try setting.codes()
                    case "unfixable": configuration.fixPolicy.unfixable = try setting.codes()
                    default: throw setting.unknownKey("fix setting", known: ["unsafe-fixes", "fixable", "unfixable"])
                    }
                }
            case "limits":
                for entry in try reader.mapping() {
                    let limit = ValueReader(file: file, member: entry)
                    let value = try limit.integer()
                    guard value > 0 else { throw limit.error("\(entry.key) must be a positive integer") }
                    switch entry.key {
                    case "max-line-characters": configuration.options.maxLineCharacters = value
                    case "max-rows": configuration.options.maxRows = value
                    case "max-bytes": configuration.options.maxBytes = value
                    case "max-batch-bytes": configuration.maxBatchBytes = value
                    default:
                        throw limit.unknownKey(
                            "limit", known: ["max-line-characters", "max-rows", "max-bytes", "max-batch-bytes"])
                    }
                }
            default:
                throw reader.unknownKey(
                    "key",
                    known: [
                        "version", "select", "extend-select", "ignore", "severity", "per-file-ignores", "schemas",
                        "service-precedence", "limits", "rules", "diff", "images", "fix",
                    ])
            }
        }
        return configuration
    }

    /// Reads the settings of one rule under `rules:` (by code or name): CL305 `max-boxes`, CL210 `labels`.
    private mutating func applyRuleOptions(_ entry: SchemaMember, file: String) throws(ConfigurationError) {
        let reader = ValueReader(file: file, member: entry)
        let rule = RuleDocumentation.rule(named: entry.key)
        for setting in try reader.mapping() {
            let value = ValueReader(file: file, member: setting)
            switch (rule?.code, setting.key) {
            case (TooManyBoundingBoxes.description.code, "max-boxes"):
                let limit = try value.integer()
                guard (1...TooManyBoundingBoxes.limit).contains(limit) else {
                    throw value.error("max-boxes must be 1 to \(TooManyBoundingBoxes.limit), the service's limit")
                }
                options.maxBoxesPerImage = limit
            case (LabelNotAllowed.description.code, "labels"):
                options.allowedLabels = Set(try value.strings())
            case (nil, _):
                let candidates = RuleRegistry.all.flatMap { [$0.description.code, $0.description.name] }
                throw reader.error(
                    "'\(entry.key)' under 'rules' is not a rule code or name"
                        + Suggestion.phrase(for: entry.key, among: candidates))
            case (TooManyBoundingBoxes.description.code, _):
                throw value.unknownKey("\(entry.key) setting", known: ["max-boxes"])
            case (LabelNotAllowed.description.code, _):
                throw value.unknownKey("\(entry.key) setting", known: ["labels"])
            default:
                throw value.error(
                    "\(entry.key) has no settings; rules with settings: CL305 (max-boxes), CL210 (labels)")
            }
        }
    }

    /// `path` relative to `directory` unless absolute.
    private static func resolve(_ path: String, in directory: String) -> String {
        PathName.joined(directory, path)
    }

    /// The rules that run on the manifest `file` and their severities: this file's `select` (or the command
    /// line's, which replaces it and its `extend-select`), its `ignore` plus the command line's, the
    /// per-file ignores whose glob matches `file`, and the severities.
    public func selection(for file: String, select: [String] = [], ignore: [String] = []) -> RuleSelection {
        let selected = (select.isEmpty ? self.select : select) + (select.isEmpty ? extendSelect : [])
        var ignored = self.ignore + ignore
        let path = PathName.absolute(file)
        for (pattern, codes) in perFileIgnores {
            let absolute = PathName.absolute(pattern)
            if fnmatch(absolute, path, 0) == 0 || fnmatch(pattern, file, 0) == 0 { ignored += codes }
        }
        return RuleSelection(select: selected, ignore: ignored, severities: severities)
    }
}
