/// Lints manifests: reads each line, checks it and returns the findings in order.
///
/// ```swift
/// let linter = ManifestLinter()
/// let diagnostics = try linter.lint(path: "samples/image-level.manifest")
/// ```
public final class ManifestLinter {
    /// The options this linter was created with.
    public let options: LintOptions
    /// What the last `lint` call saw in its manifest.
    public private(set) var statistics = LintStatistics()
    /// Called every ``progressInterval`` lines with the lines and bytes read so far (for a progress display).
    public var progress: ((_ lines: Int, _ bytes: Int) -> Void)?
    /// How many lines between calls of ``progress``.
    public var progressInterval = 65_536
    /// How many threads check a file (`--jobs`).
    ///
    /// Files under two parts (32 MB) and standard input use one. The findings are the same, in the same
    /// order, whatever the number.
    public var jobs = 1
    /// The size of the parts a file is cut into for several threads (smaller in tests, to cut small files).
    package var partBytes = 16 << 20
    private let checker: LineChecker
    private let mode: LineChecker.Mode

    /// Creates a linter for manifests.
    ///
    /// - Parameters:
    ///   - options: limits and switches.
    ///   - schemas: the schemas to apply; the bundled ones by default.
    public init(options: LintOptions = LintOptions(), schemas: ManifestSchemas? = ManifestSchemas.shared) {
        self.options = options
        self.mode = .manifest(schemas)
        self.checker = LineChecker(options: options, mode: mode)
    }

    /// Creates a linter that validates every line, whatever JSON value it holds, against one schema.
    ///
    /// - Parameters:
    ///   - options: limits and switches.
    ///   - schema: the compiled schemas.
    ///   - entry: the schema to apply to each line.
    public init(options: LintOptions = LintOptions(), validating schema: SchemaSet, entry: SchemaReference) {
        self.options = options
        self.mode = .schema(SchemaValidator(schemas: schema), entry)
        self.checker = LineChecker(options: options, mode: mode)
    }

    /// Lints a file, or standard input when `path` is `-`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name to put in the findings instead of `path`.
    /// - Returns: the findings sorted by line, column and code.
    /// - Throws: ``ManifestError`` when the file cannot be opened or read.
    public func lint(path: String, displayName: String? = nil) throws(ManifestError) -> [Diagnostic] {
        let (options, mode) = (self.options, self.mode)
        var isManifest = false
        if case .manifest = mode { isManifest = true }
        var parallel = ParallelLint(
            jobs: jobs, options: options, isManifest: isManifest,
            makeChecker: { LineChecker(options: options, mode: mode) })
        parallel.partBytes = partBytes
        if let outcome = try parallel.run(path: path, name: displayName ?? path, progress: progress) {
            statistics = outcome.statistics
            statistics.skipped = outcome.skipped
            var diagnostics = outcome.diagnostics
            diagnostics.sort(by: Diagnostic.sortOrder)
            return options.servicePrecedence && !outcome.skipped
                ? ServicePrecedence.apply(to: diagnostics) : diagnostics
        }
        let reader = try JSONLinesReader(path: path, displayName: displayName, maxLineBytes: options.maxLineBytes)
        return try lint(reader)
    }

    /// Lints manifest bytes held in memory.
    ///
    /// - Parameters:
    ///   - bytes: the manifest.
    ///   - name: the file name to put in the findings.
    /// - Returns: the findings sorted by line, column and code.
    public func lint(bytes: [UInt8], name: String) -> [Diagnostic] {
        let reader = JSONLinesReader(bytes: bytes, name: name, maxLineBytes: options.maxLineBytes)
        // Reading from memory cannot fail.
        return (try? lint(reader)) ?? []
    }

    private func lint(_ reader: JSONLinesReader) throws(ManifestError) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let file = reader.name
        checker.reset()
        var skipped = false
        defer {
            statistics = checker.statistics
            statistics.skipped = skipped
        }
        do {
            var bytes = 0
            try reader.forEachLine { line in
                if NotJSONLines.opensXML(line) { throw NotJSONLinesFile() }
                checker.check(line, file: file, into: &diagnostics)
                bytes += line.bytes.count + 1
                if let progress, line.number % progressInterval == 0 { progress(line.number, bytes) }
            }
        } catch is NotJSONLinesFile {
            checker.reset()
            skipped = true
            return [
                NotJSONLines.description.diagnostic(
                    file: file, line: 1, column: 1, message: "the file is XML, not JSON Lines: skipped")
            ]
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.readFailed(path: file, reason: String(describing: error))
        }
        diagnostics += checker.finish(file: file)
        diagnostics.sort(by: Diagnostic.sortOrder)
        return options.servicePrecedence ? ServicePrecedence.apply(to: diagnostics) : diagnostics
    }
}

/// Stops reading a file that turns out not to be JSON Lines.
private struct NotJSONLinesFile: Error {}
