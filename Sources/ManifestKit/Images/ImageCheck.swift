/// Checks the images a manifest's `source-ref`s name, on local disk (`lint --images PREFIX=DIR`).
///
/// Reads the manifest once more, collects the lines whose `source-ref` a mapping covers, and reads the
/// header of each image (never its pixels) on ``threads`` threads, in batches of ``batchSize`` lines, so
/// that memory and open files stay bounded. Findings come back in line order, each with the service
/// code it predicts.
public struct ImageCheck {
    /// Where images are, by `source-ref` prefix.
    public var mappings: [ImageMapping]
    /// Threads that read image headers: also the most image files open at once.
    public var threads = 8
    /// Lines collected before their images are read.
    var batchSize = 1024
    /// Called after each batch with the number of images looked at so far.
    public var progress: ((_ checked: Int) -> Void)?
    /// Where images mapped to S3 are read (``ImageMapping/isInS3``).
    public var remote: (any RemoteImageStore)?

    /// Creates a check with the mappings.
    public init(mappings: [ImageMapping]) {
        self.mappings = mappings
    }

    /// Checks the images of the manifest `reader` reads with the image rules of `rules`.
    ///
    /// - Parameters:
    ///   - reader: the manifest.
    ///   - options: the lint options (nesting depth for the parser).
    ///   - rules: the run's rules and severities.
    /// - Returns: the findings in line order and the summary.
    /// - Throws: ``ManifestError`` when the manifest cannot be read.
    func run(_ reader: JSONLinesReader, options: LintOptions, rules: RuleSet) throws(ManifestError) -> (
        diagnostics: [Diagnostic], summary: ImageSummary
    ) {
        let parser = JSONParser(maxDepth: options.maxDepth)
        let model = ManifestLine(options: options)
        var batch: [ImageTarget] = []
        var diagnostics: [Diagnostic] = []
        var summary = ImageSummary()
        let flush = { (batch: inout [ImageTarget]) in
            let files = inspect(batch)
            for (target, file) in zip(batch, files) {
                let found = Self.findings(for: target, file: file, name: reader.name, rules: rules)
                summary.checked += 1
                if file == .missing { summary.missing += 1 }
                if case .image(_, let header) = file, header.isTurned { summary.turned += 1 }
                if found.contains(where: { $0.severity == .error }) { summary.invalid += 1 }
                for finding in found { summary.findingsByCode[finding.code, default: 0] += 1 }
                diagnostics += found
            }
            batch.removeAll(keepingCapacity: true)
            progress?(summary.checked)
        }
        do {
            try reader.forEachLine { line in
                guard !line.isOversized, let document = try? parser.parse(line.bytes) else { return }
                if let target = target(line.number, document, model) { batch.append(target) }
                if batch.count == batchSize { flush(&batch) }
            }
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.readFailed(path: reader.name, reason: String(describing: error))
        }
        if !batch.isEmpty { flush(&batch) }
        return (diagnostics, summary)
    }

    /// The line's target, when it has a `source-ref` string that a mapping covers.
    private func target(_ number: Int, _ document: JSONDocument, _ model: ManifestLine) -> ImageTarget? {
        guard document.root.kind == .object else { return nil }
        model.load(document)
        guard let node = model.sourceRef, document[node].kind == .string else { return nil }
        let sourceRef = document.string(at: node)
        let location = ImageMapping.locate(sourceRef, in: mappings)
        guard location != .unmapped else { return nil }
        let place = { (node: Int) in
            ImageTarget.Place(
                column: UTF8Validation.scalarCount(document.bytes, upTo: Int(document[node].start)) + 1,
                pointer: document.pointer(to: node))
        }
        var target = ImageTarget(line: number, sourceRef: sourceRef, location: location, sourceRefPlace: place(node))
        var sizeOfPair: [Int: Int] = [:]
        for (index, pair) in model.pairs.enumerated() where pair.useCase == .detection {
            target.hasBoxes = true
            guard let size = pair.imageSize else { continue }
            sizeOfPair[index] = target.sizes.count
            let columns = { (node: Int) in
                UTF8Validation.scalarCount(document.bytes, upTo: Int(document[node].start))
                    + 1..<UTF8Validation.scalarCount(document.bytes, upTo: Int(document[node].end)) + 1
            }
            target.sizes.append(
                .init(
                    width: size.width, height: size.height, place: place(size.widthNode),
                    widthColumns: columns(size.widthNode), heightColumns: columns(size.heightNode)))
        }
        for box in model.boxes {
            guard let geometry = box.geometry, let size = sizeOfPair[box.pair] else { continue }
            target.boxes.append(
                .init(
                    left: geometry.left, top: geometry.top, width: geometry.width, height: geometry.height,
                    size: size, place: place(box.annotation)))
        }
        return target
    }

    /// Reads the images of `batch` on up to ``threads`` threads.
    private func inspect(_ batch: [ImageTarget]) -> [ImageFile] {
        let results = ResultSlots<ImageFile>(count: batch.count, initial: .missing)
        let remote = self.remote
        WorkerThreads.run(max(1, min(threads, batch.count))) { _ in
            while let index = results.claim() {
                switch batch[index].location {
                case .path(let path): results.store(ImageFile.inspect(path: path), at: index)
                case .inS3(let sourceRef):
                    results.store(remote?.inspect(sourceRef) ?? .unreadable("no S3 client to read it"), at: index)
                case .escapes, .unmapped: results.store(.unreadable("escapes"), at: index)
                }
            }
        }
        return results.values
    }

    /// The findings of the image rules of `rules` for one image.
    static func findings(for target: ImageTarget, file: ImageFile, name: String, rules: RuleSet) -> [Diagnostic] {
        let path: String?
        switch target.location {
        case .path(let local): path = local
        case .inS3(let sourceRef): path = sourceRef
        case .unmapped: return []
        case .escapes: path = nil
        }
        let image = CheckedImage(target: target, path: path, file: file)
        var found: [ImageFinding] = []
        for rule in rules.imageRules { rule.check(image, into: &found) }
        return found.map { finding in
            let place = finding.place ?? target.sourceRefPlace
            var diagnostic = rules.diagnostic(
                finding.rule, severity: finding.severity, file: name, line: target.line, column: place.column,
                message: finding.message, pointer: place.pointer, sourceRef: target.sourceRef)
            if let serviceCode = finding.serviceCode { diagnostic.serviceCode = serviceCode }
            diagnostic.fix = finding.fix
            return diagnostic
        }
    }
}
