import Foundation

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

    /// The larger reading of the service's 15 MB: over this is an error.
    static let maxFileBytes = 15 << 20
    /// The smaller reading of 15 MB: over this (up to ``maxFileBytes``) is a warning.
    static let maxFileBytesDecimal = 15_000_000
    /// The side lengths the service accepts.
    static let sides = 64...4096
    /// The longest side over the shortest that the service accepts.
    static let maxAspectRatio = 20.0

    /// Creates a check with the mappings.
    public init(mappings: [ImageMapping]) {
        self.mappings = mappings
    }

    /// Checks the images of the manifest `reader` reads.
    ///
    /// - Parameters:
    ///   - reader: the manifest.
    ///   - options: the lint options (nesting depth for the parser).
    /// - Returns: the findings in line order and the summary.
    /// - Throws: ``ManifestError`` when the manifest cannot be read.
    public func run(_ reader: JSONLinesReader, options: LintOptions) throws(ManifestError) -> (
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
                let found = Self.findings(for: target, file: file, name: reader.name)
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
            target.sizes.append(.init(width: size.width, height: size.height, place: place(size.widthNode)))
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
        let results = ResultSlots(count: batch.count)
        let next = ResultSlots.Counter()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(threads, batch.count)) {
            group.enter()
            Thread.detachNewThread {
                while let index = next.take(below: batch.count) {
                    switch batch[index].location {
                    case .path(let path): results.store(ImageFile.inspect(path: path), at: index)
                    case .escapes, .unmapped: results.store(.unreadable("escapes"), at: index)
                    }
                }
                group.leave()
            }
        }
        group.wait()
        return results.values
    }

    /// The findings for one image.
    static func findings(for target: ImageTarget, file: ImageFile, name: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func add(
            _ rule: RuleDescription, _ message: String, at place: ImageTarget.Place? = nil,
            severity: Severity? = nil, serviceCode: ServiceErrorCode?? = nil
        ) {
            let place = place ?? target.sourceRefPlace
            var diagnostic = rule.diagnostic(
                file: name, line: target.line, column: place.column, message: message, pointer: place.pointer,
                sourceRef: target.sourceRef)
            if let severity { diagnostic.severity = severity }
            if let serviceCode { diagnostic.serviceCode = serviceCode }
            found.append(diagnostic)
        }
        let path: String
        switch target.location {
        case .path(let local): path = local
        case .unmapped: return []
        case .escapes:
            add(
                UnreadableImage.description, "the key holds a '..' component, so its local copy is not looked for",
                severity: .warning)
            return []
        }
        switch file {
        case .missing:
            add(ImageNotFound.description, "no image at '\(path)'")
        case .unreadable(let reason):
            add(UnreadableImage.description, "'\(path)' cannot be read as an image: \(reason)")
        case .defective(_, let defect):
            add(UnreadableImage.description, "'\(path)': \(defect.message)")
        case .image(let size, let header):
            checkImage(target, path: path, size: size, header: header, add: add)
        }
        return found
    }

    private static func checkImage(
        _ target: ImageTarget, path: String, size: Int, header: ImageHeader,
        add: (RuleDescription, String, ImageTarget.Place?, Severity?, ServiceErrorCode??) -> Void
    ) {
        guard header.format.isAccepted, let width = header.width, let height = header.height else {
            add(
                UnsupportedImageFormat.description,
                "'\(path)' is a \(header.format.rawValue) image; the service accepts PNG and JPEG", nil, nil, nil)
            return
        }
        if let claimed = ImageFormat(fileExtensionOf: target.sourceRef), claimed != header.format {
            add(
                ImageExtensionMismatch.description,
                "the name says \(claimed.rawValue) but '\(path)' holds a \(header.format.rawValue) image", nil, nil, nil
            )
        }
        if header.endsProperly == false {
            let png = header.format == .png
            add(
                UnreadableImage.description,
                png
                    ? "'\(path)' ends without PNG's IEND chunk: the file is truncated"
                    : "'\(path)' does not end with JPEG's end-of-image marker: truncated, or data appended after the image",
                nil, png ? nil : .warning, nil)
        }
        if size > maxFileBytesDecimal {
            add(
                ImageFileTooLarge.description,
                "'\(path)' is \(Count.bytes(size)), over the service's 15 MB"
                    + (size > maxFileBytes ? "" : " if MB means 1,000,000 bytes (undocumented)"),
                nil, size > maxFileBytes ? nil : .warning, nil)
        }
        if !sides.contains(width) || !sides.contains(height) {
            add(
                ImageDimensionsOutOfRange.description,
                "the image is \(width) × \(height) pixels; the service accepts 64 to 4,096 a side", nil, nil,
                .some(target.hasBoxes ? .invalidImageDimension : .invalidImage))
        }
        let ratio = Double(max(width, height)) / Double(min(width, height))
        if ratio > maxAspectRatio {
            add(
                ImageAspectRatioTooLarge.description,
                "the image is \(width) × \(height) pixels, an aspect ratio of \(ratio.clean):1, over the service's 20:1",
                nil, nil, nil)
        }
        let real = (width: Double(width), height: Double(height))
        for declared in target.sizes where declared.width != real.width || declared.height != real.height {
            var message =
                "image_size is \(declared.width.clean) × \(declared.height.clean) but the image is \(width) × \(height)"
            if header.isTurned {
                message +=
                    declared.width == real.height && declared.height == real.width
                    ? "; its EXIF orientation (\(header.orientation ?? 1)) shows it \(height) × \(width), which "
                        + "image_size matches: which one the service uses is undocumented"
                    : " (shown \(height) × \(width) by its EXIF orientation \(header.orientation ?? 1))"
            }
            add(ImageSizeMismatch.description, message, declared.place, nil, nil)
        }
        for box in target.boxes {
            let declared = target.sizes[box.size]
            guard declared.width != real.width || declared.height != real.height else { continue }
            let right = box.left + box.width
            let bottom = box.top + box.height
            let fitsDeclared = right <= declared.width && bottom <= declared.height
            if fitsDeclared, right > real.width || bottom > real.height {
                add(
                    BoxOutsideImage.description,
                    "the box ends at (\(right.clean), \(bottom.clean)), beyond the \(width) × \(height) image "
                        + "(image_size says \(declared.width.clean) × \(declared.height.clean))",
                    box.place, nil, nil)
            }
            let realScale = ImageSize.trainingScale(width: real.width, height: real.height)
            let declaredScale = ImageSize.trainingScale(width: declared.width, height: declared.height)
            let small = { (scale: Double) in box.width * scale <= 1 || box.height * scale <= 1 }
            if small(realScale), !small(declaredScale) {
                add(
                    BoxTooSmallInImage.description,
                    "the box is \((box.width * realScale).clean) × \((box.height * realScale).clean) pixels after the "
                        + "\(width) × \(height) image is scaled down to 1,280; boxes need more than 1",
                    box.place, nil, nil)
            }
        }
    }
}
