#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// Files under two parts (8 MB with the default 4 MB parts) and standard input use one. The findings are the same, in the same
    /// order, whatever the number.
    public var jobs = 1
    /// Threads that read image headers when ``LintOptions/images`` is set: also the most files open at once.
    public var imageThreads = 8
    /// Called as images are checked with the number looked at so far (for a progress display).
    public var imageProgress: ((_ checked: Int) -> Void)?
    /// The size of the parts a file is cut into for several threads (smaller in tests, to cut small files).
    package var partBytes = 4 << 20
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
        if !options.images.isEmpty, Self.isStream(path) {
            // The manifest is read a second time for its images: a pipe cannot be.
            throw ManifestError.readFailed(
                path: displayName ?? path,
                reason: "image checks (--images) need a regular file, not standard input or a pipe")
        }

        // Opened once: a pipe cannot be opened twice. Its first bytes decide whether it is JSON Lines at all.
        let reader = try JSONLinesReader(path: path, displayName: displayName, maxLineBytes: options.maxLineBytes)
        if let finding = try wholeFileFinding(reader) { return [finding] }
        var isManifest = false
        if case .manifest = mode { isManifest = true }
        var parallel = ParallelLint(
            jobs: jobs, options: options, isManifest: isManifest,
            makeChecker: { LineChecker(options: options, mode: mode) })
        parallel.partBytes = partBytes
        if let outcome = try parallel.run(path: path, name: displayName ?? path, progress: progress) {
            statistics = outcome.statistics
            var diagnostics = outcome.diagnostics
            if !options.images.isEmpty {
                diagnostics = try checkImages(
                    diagnostics,
                    JSONLinesReader(path: path, displayName: displayName, maxLineBytes: options.maxLineBytes))
            }
            diagnostics.sort(by: Diagnostic.sortOrder)
            return options.servicePrecedence ? ServicePrecedence.apply(to: diagnostics) : diagnostics
        }
        return try lint(reader) { () throws(ManifestError) in
            try JSONLinesReader(path: path, displayName: displayName, maxLineBytes: options.maxLineBytes)
        }
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
        if let finding = try? wholeFileFinding(reader) { return [finding] }
        return (try? lint(reader) { JSONLinesReader(bytes: bytes, name: name, maxLineBytes: options.maxLineBytes) })
            ?? []
    }

    /// Lints what `reader` reads; `again` opens the same manifest for the image checks.
    private func lint(
        _ reader: JSONLinesReader, again: () throws(ManifestError) -> JSONLinesReader
    ) throws(ManifestError) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let file = reader.name
        checker.reset()
        do {
            var bytes = 0
            try reader.forEachLine { line in
                checker.check(line, file: file, into: &diagnostics)
                bytes += line.bytes.count + 1
                if line.number == FingerprintTable.sizingSample, let size = reader.fileSize {
                    checker.expect(totalBytes: size, afterBytes: bytes)
                }
                if let progress, line.number % progressInterval == 0 { progress(line.number, bytes) }
            }
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.readFailed(path: file, reason: String(describing: error))
        }
        checker.flush(file: file, into: &diagnostics)
        diagnostics += checker.finish(file: file)
        statistics = checker.statistics
        if !options.images.isEmpty { diagnostics = try checkImages(diagnostics, again()) }
        diagnostics.sort(by: Diagnostic.sortOrder)
        return options.servicePrecedence ? ServicePrecedence.apply(to: diagnostics) : diagnostics
    }
}

extension ManifestLinter {
    /// The one finding for a file that is not JSON Lines (XML, binary, JSON spread over lines).
    ///
    /// Decided from the file's first bytes; nil for a file to lint line by line. Sets the statistics of a
    /// file not linted.
    private func wholeFileFinding(_ reader: JSONLinesReader) throws(ManifestError) -> Diagnostic? {
        let prefix = try reader.peek(upTo: FileShape.sampleBytes)
        let shape = FileShape.of(prefix, isWhole: prefix.count < FileShape.sampleBytes)
        guard let finding = try shape.finding(reader) else { return nil }
        statistics = LintStatistics()
        statistics.skipped = true
        return finding
    }

    /// Whether `path` is standard input, a FIFO, a socket or a device: something that can be read only once.
    private static func isStream(_ path: String) -> Bool {
        var status = stat()
        guard path != "-" else { return true }
        guard stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    /// Adds the findings of the image checks to `diagnostics`, when images are mapped, and counts the lines
    /// they make invalid toward the service's 20% (CL408 is decided again).
    private func checkImages(_ diagnostics: [Diagnostic], _ reader: JSONLinesReader) throws(ManifestError)
        -> [Diagnostic]
    {
        guard !options.images.isEmpty else { return diagnostics }
        var check = ImageCheck(mappings: options.images)
        check.threads = imageThreads
        check.progress = imageProgress
        let (found, summary) = try check.run(reader, options: options)
        statistics.imageChecks = summary
        let errorLines = Set(diagnostics.lazy.filter(TooManyInvalidLines.makesLineInvalid).compactMap(\.line))
        let warningLines = Set(diagnostics.lazy.filter { $0.severity == .warning }.compactMap(\.line))
        let newErrorLines = Set(found.lazy.filter(TooManyInvalidLines.makesLineInvalid).compactMap(\.line))
            .subtracting(errorLines)
        let newWarningLines = Set(found.lazy.filter { $0.severity == .warning }.compactMap(\.line))
            .subtracting(errorLines).subtracting(warningLines).subtracting(newErrorLines)
        statistics.linesWithErrors += newErrorLines.count
        statistics.linesWithWarningsOnly += newWarningLines.count - newErrorLines.intersection(warningLines).count
        let code = TooManyInvalidLines.description.code
        var merged = diagnostics.filter { $0.code != code } + found
        if statistics.invalidShare > TooManyInvalidLines.limit {
            merged.append(
                TooManyInvalidLines.description.diagnostic(
                    file: reader.name, line: nil, column: nil, message: TooManyInvalidLines.message(statistics)))
        }
        return merged
    }
}
