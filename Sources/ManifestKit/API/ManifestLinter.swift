#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lints manifests: reads each line, checks it and returns the findings in order.
///
/// The rules that run, and their severities, are decided when the linter is made (``RuleSelection``): a
/// rule left out does not run, so its findings neither print nor count toward the service's 20% (CL408)
/// or ``statistics``.
///
/// ```swift
/// let linter = ManifestLinter(selection: RuleSelection(ignore: ["CL311"]))
/// let diagnostics = try linter.lint(path: "samples/image-level.manifest")
/// ```
public final class ManifestLinter {
    /// The options this linter was created with.
    public let options: LintOptions
    /// What the last `lint` call saw in its manifest.
    public private(set) var statistics = LintStatistics()
    /// Whether `lint` also collects each entry's facts into ``profile`` (for `stats`, `report` and
    /// `partition`); off by default, as it keeps every line's labels and boxes in memory.
    public var collectsProfile = false
    /// What the last `lint` call collected when ``collectsProfile`` is on: each entry's image, labels and
    /// boxes, the lines with errors marked.
    public private(set) var profile: DatasetProfile?
    /// Called every ``progressInterval`` lines with the lines and bytes read so far (for a progress display).
    public var progress: ((_ lines: Int, _ bytes: Int) -> Void)? {
        get { driver.progress }
        set { driver.progress = newValue }
    }
    /// How many lines between calls of ``progress``.
    public var progressInterval: Int {
        get { driver.progressInterval }
        set { driver.progressInterval = newValue }
    }
    /// How many threads check a file (`--jobs`).
    ///
    /// Files under two parts (8 MB with the default 4 MB parts) and standard input use one. The findings are
    /// the same, in the same order, whatever the number.
    public var jobs: Int {
        get { driver.jobs }
        set { driver.jobs = newValue }
    }
    /// Threads that read image headers when ``LintOptions/images`` is set: also the most files open at once.
    public var imageThreads = 8
    /// Called as images are checked with the number looked at so far (for a progress display).
    public var imageProgress: ((_ checked: Int) -> Void)?
    /// Where the images of mappings in S3 are read (``ImageMapping/isInS3``); their check needs one.
    public var remoteImages: (any RemoteImageStore)?
    /// The size of the parts a file is cut into for several threads (smaller in tests, to cut small files).
    package var partBytes: Int {
        get { driver.partBytes }
        set { driver.partBytes = newValue }
    }
    let rules: RuleSet
    /// The schemas every line is checked against.
    let schema: (any LineSchema)?
    private let driver: LintDriver

    /// Creates a linter for manifests.
    ///
    /// - Parameters:
    ///   - options: limits and switches.
    ///   - schemas: the schemas to apply; the bundled ones by default.
    ///   - selection: the rules to run and their severities; all, at their own, by default.
    public convenience init(
        options: LintOptions = LintOptions(), schemas: ManifestSchemas? = ManifestSchemas.shared,
        selection: RuleSelection = .all
    ) {
        self.init(options: options, rules: .manifest(selection), schema: schemas.map(LineSchemaCheck.init))
    }

    /// Creates a linter that validates every line, whatever JSON value it holds, against one schema.
    ///
    /// - Parameters:
    ///   - options: limits and switches.
    ///   - schema: the compiled schemas.
    ///   - entry: the schema to apply to each line.
    ///   - selection: the rules to run and their severities (`--select`, `--ignore`).
    public convenience init(
        options: LintOptions = LintOptions(), validating schema: SchemaSet, entry: SchemaReference,
        selection: RuleSelection = .all
    ) {
        self.init(options: options, rules: .validation(selection), schema: WholeLineSchema(schema, entry: entry))
    }

    /// A linter of the rules of `rules` (tests give rules of their own).
    init(options: LintOptions, rules: RuleSet, schema: (any LineSchema)?) {
        self.options = options
        self.rules = rules
        self.schema = schema
        driver = LintDriver(options: options, rules: rules, schema: schema)
    }

    /// The rule selection this linter runs.
    public var selection: RuleSelection { rules.selection }

    /// Lints a file, or standard input when `path` is `-`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name to put in the findings instead of `path`.
    /// - Returns: the findings sorted by line, column and code.
    /// - Throws: ``ManifestError`` when the file cannot be opened or read.
    public func lint(path: String, displayName: String? = nil) throws(ManifestError) -> [Diagnostic] {
        let maxLineBytes = options.maxLineBytes
        if checksImages, Self.isStream(path) {
            // The manifest is read a second time for its images: a pipe cannot be.
            throw ManifestError.readFailed(
                path: displayName ?? path,
                reason: "image checks (--images) need a regular file, not standard input or a pipe")
        }
        // Opened once: a pipe cannot be opened twice.
        let reader = try JSONLinesReader(path: path, displayName: displayName, maxLineBytes: maxLineBytes)
        return try lint(reader, source: .file(path)) { () throws(ManifestError) in
            try JSONLinesReader(path: path, displayName: displayName, maxLineBytes: maxLineBytes)
        }
    }

    /// Lints manifest bytes held in memory.
    ///
    /// - Parameters:
    ///   - bytes: the manifest.
    ///   - name: the file name to put in the findings.
    /// - Returns: the findings sorted by line, column and code.
    public func lint(bytes: [UInt8], name: String) -> [Diagnostic] {
        let maxLineBytes = options.maxLineBytes
        let reader = JSONLinesReader(bytes: bytes, name: name, maxLineBytes: maxLineBytes)
        // Reading from memory cannot fail.
        return
            (try? lint(reader, source: .memory(bytes, name: name)) {
                JSONLinesReader(bytes: bytes, name: name, maxLineBytes: maxLineBytes)
            })
            ?? []
    }

    /// Lints what `reader` reads (`source`: a file, or bytes in memory); `again` opens the same manifest
    /// for the image checks.
    private func lint(
        _ reader: JSONLinesReader, source: ManifestSource, again: () throws(ManifestError) -> JSONLinesReader
    ) throws(ManifestError) -> [Diagnostic] {
        if let finding = try driver.fileFinding(reader) {
            statistics = LintStatistics()
            statistics.skipped = true
            profile = collectsProfile ? DatasetProfile() : nil
            return [finding]
        }
        let index = ManifestIndex(options: options, rules: rules, profiling: collectsProfile)
        var diagnostics = try driver.checkLines(reader, source: source, into: index)
        var imageSummary: ImageSummary?
        if checksImages {
            let (found, summary) = try checkImages(again(), after: diagnostics, into: index)
            diagnostics += found
            imageSummary = summary
        }
        diagnostics += index.finish(file: reader.name)
        statistics = index.statistics
        statistics.imageChecks = imageSummary
        profile = index.profile.map { collected in
            var profile = collected
            profile.lines = statistics.lines
            profile.markErrors(Set(diagnostics.lazy.filter(TooManyInvalidLines.makesLineInvalid).compactMap(\.line)))
            return profile
        }
        diagnostics.sort(by: Diagnostic.sortOrder)
        return options.servicePrecedence ? ServicePrecedence.apply(to: diagnostics) : diagnostics
    }

    /// Whether the images of `source-ref`s are checked: some are mapped, and some image rule is enabled.
    private var checksImages: Bool { !options.images.isEmpty && !rules.imageRules.isEmpty }

    /// The findings of the image checks of the manifest `reader` reads, whose lines had the findings
    /// `lineFindings`; the lines the image findings make invalid, or give warnings, are counted in `index`
    /// toward the service's 20%.
    private func checkImages(
        _ reader: JSONLinesReader, after lineFindings: [Diagnostic], into index: ManifestIndex
    ) throws(ManifestError) -> ([Diagnostic], ImageSummary) {
        var check = ImageCheck(mappings: options.images)
        check.threads = imageThreads
        check.progress = imageProgress
        check.remote = remoteImages
        let (found, summary) = try check.run(reader, options: options, rules: rules)
        let verdicts = ImageVerdicts(lineFindings: lineFindings, imageFindings: found)
        index.addImageVerdicts(errors: verdicts.errors, warningsOnly: verdicts.warningsOnly)
        return (found, summary)
    }

    /// The findings of the image checks of the manifest `bytes` (none when no image is mapped): for an
    /// editor, which checks images on request rather than on every edit.
    func imageFindings(bytes: [UInt8], name: String) throws(ManifestError) -> [Diagnostic] {
        guard checksImages else { return [] }
        var check = ImageCheck(mappings: options.images)
        check.threads = imageThreads
        check.remote = remoteImages
        let reader = JSONLinesReader(bytes: bytes, name: name, maxLineBytes: options.maxLineBytes)
        return try check.run(reader, options: options, rules: rules).0
    }

    /// Whether `path` is standard input, a FIFO, a socket or a device: something that can be read only once.
    private static func isStream(_ path: String) -> Bool {
        var status = stat()
        guard path != "-" else { return true }
        guard stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }
}
