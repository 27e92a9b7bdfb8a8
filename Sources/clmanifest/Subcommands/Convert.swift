import ArgumentParser
import Foundation
import ManifestKit

extension CLManifest {
    /// `clmanifest convert INPUT --from FORMAT -o OUT --s3-prefix s3://BUCKET/PREFIX/`.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a manifest from a dataset in another format, then lint it.",
            discussion: """
                Formats so far: coco (a COCO instances JSON file), yolo (a YOLO dataset folder: data.yaml or \
                classes.txt, images and labels), voc (Pascal VOC XML files, or a folder of them), labelme \
                (LabelMe JSON files, or a folder of them), labelstudio (a Label Studio JSON export), cvat (a CVAT for images XML file), csv (image,label[,label...] rows, or a header naming image, label and box \
                columns), gt-multilabel (a Ground Truth multi-label output manifest, rewritten with one attribute \
                per label) and folders \
                (a folder per class, labels by folder name). auto picks one from the input and says which: a \
                .csv file is csv; a .manifest or .jsonl file is gt-multilabel; a .xml file is cvat when its root is <annotations>, else voc; a folder with Annotations or .xml \
                files is voc; a .json file is labelstudio when \
                it is a list or a task (data, no images), labelme when it has an imagePath, else coco; a folder of .json files (and images) \
                is labelme; a folder with a YAML file, classes.txt, a .names file or a labels folder is yolo; \
                another folder is folders. Each image's source-ref is --s3-prefix plus its path under the image root. Box \
                values are rounded to whole pixels and clamped to the image; what moved, what the manifest \
                cannot express and what lint would flag are reported. The output is written only when the \
                whole dataset converted (a temporary file, renamed), then linted: exit 1 when lint finds an \
                error, 2 when the input could not be converted.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case auto, coco, yolo, voc, cvat, labelme, labelstudio, csv, folders
            case groundTruthMultiLabel = "gt-multilabel"
            case manifest
        }

        @Argument(
            help: ArgumentHelp(
                "The dataset: a file or folder (see the formats above); a file may be s3://BUCKET/KEY.",
                discussion: "An S3 object is read once into a temporary copy; folders are read locally only."))
        var input: String

        @Option(
            help:
                "The input's format: auto, coco, yolo, voc, cvat, labelme, labelstudio, csv, folders, gt-multilabel, manifest."
        )
        var from: Format = .auto

        @Option(
            help: ArgumentHelp(
                "Export a manifest instead: coco or csv (a file), yolo or voc (a folder of files) at -o.",
                valueName: "format"))
        var to: ExportFormat?

        @Option(
            help: ArgumentHelp("YOLO: only the images under a folder of this name (such as train).", valueName: "name"))
        var split: String?

        @Option(
            name: [.short, .customLong("output")],
            help: ArgumentHelp("The manifest to write; '-' for standard output.", valueName: "file"))
        var output: String

        @Option(
            help: ArgumentHelp(
                "The S3 location of the image root, such as s3://bucket/photos/ (not for gt-multilabel, whose lines have theirs).",
                valueName: "uri"))
        var s3Prefix: String?

        @Option(
            help: ArgumentHelp(
                "The image root, for images whose size the format does not give (default: the input's folder).",
                valueName: "dir"))
        var images: String?

        @Option(help: ArgumentHelp("The bounding-box attribute's name.", valueName: "name"))
        var labelAttribute = "bounding-box"

        @Option(help: ArgumentHelp("The metadata's job-name.", valueName: "name"))
        var jobName = "labeling-job/clmanifest-convert"

        @Option(help: ArgumentHelp("The metadata's creation-date (default: now, UTC).", valueName: "ISO 8601"))
        var creationDate: String?

        @Flag(help: "VOC: leave out objects marked difficult.")
        var skipDifficult = false

        @Flag(help: "Leave out images without labels or boxes (default: lines without labels, which lint warns of).")
        var skipEmpty = false

        @Flag(help: "Drop boxes of 1 pixel or less and boxes past 50 an image (default: keep them for lint to report).")
        var dropInvalid = false

        enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
            case coco, yolo, voc, csv
        }

        @OptionGroup(title: "S3 (for -o s3://BUCKET/KEY)") var s3: S3Options

        mutating func validate() throws {
            if let to, ManifestInput.isS3(output), to != .coco, to != .csv {
                throw ValidationError("--to \(to.rawValue) writes a folder of files: give a local -o")
            }
            if to != nil, from != .auto, from != .manifest {
                throw ValidationError("--to exports a manifest: give --from manifest (or leave --from out)")
            }
            if let s3Prefix, !s3Prefix.hasPrefix("s3://") || s3Prefix.count <= 5 {
                throw ValidationError("--s3-prefix must be an s3:// location, such as s3://bucket/photos/")
            }
        }

        func run() throws {
            let copy = try LocalCopy(of: input, input: ManifestInput(options: s3))
            defer { copy.remove() }
            do {
                try run(reading: copy.path)
            } catch let failure as CommandFailure {
                throw CommandFailure(message: copy.naming(failure.message))
            }
        }

        /// The conversion of INPUT, read from `path` (INPUT itself, or its copy from S3).
        private func run(reading path: String) throws {
            if let to {
                try export(as: to, reading: path)
                return
            }
            var format = from
            if format == .auto {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CommandFailure(message: "cannot read '\(input)': no such file or directory")
                }
                format = Self.detect(path, isDirectory: isDirectory.boolValue)
                Output.standardError("Reading '\(input)' as \(format.rawValue) (detected).\n")
            }
            let text: String
            var report: ConversionReport
            do {
                if format == .groundTruthMultiLabel {
                    (text, report) = try MultiLabelTransform(path: path).run()
                } else {
                    guard let s3Prefix else {
                        throw CommandFailure(
                            message:
                                "--s3-prefix is needed: the S3 location of the image root, such as s3://bucket/photos/")
                    }
                    var options = ManifestComposer.Options(s3Prefix: s3Prefix, creationDate: creationDate ?? Self.now())
                    options.boxAttribute = labelAttribute
                    options.jobName = jobName
                    options.skipEmpty = skipEmpty
                    options.dropInvalid = dropInvalid
                    let dataset = try read(format, from: path)
                    var composer = ManifestComposer(options: options, classOrder: dataset.classOrder)
                    text = try composer.compose(dataset.images, source: input)
                    report = composer.report
                    report.dropped = dataset.dropped
                }
            } catch let error as ConversionError {
                throw CommandFailure(message: error.description + "; nothing was written")
            }
            try finish(text, report)
        }

        /// Writes the manifest, prints the report, and lints the manifest: exit 1 when lint finds an error.
        private func finish(_ text: String, _ report: ConversionReport) throws {
            let bytes = Array(text.utf8)
            if output == "-" {
                Output.standardOutput(bytes: bytes)
            } else {
                try ManifestInput(options: s3).write(bytes, to: output)
            }
            Output.standardError(report.text)
            let linter = ManifestLinter()
            linter.jobs = CoreCount.available
            let findings = linter.lint(bytes: bytes, name: output)
            let errors = findings.filter { $0.severity == .error }
            let warnings = findings.count - errors.count
            Output.standardError(TextReporter().render(errors))
            Output.standardError(
                "lint: \(Count.phrase(errors.count, "error")), \(Count.phrase(warnings, "warning")) in the output"
                    + (findings.isEmpty ? "" : " (clmanifest lint \(output) shows them)") + ".\n")
            if !errors.isEmpty { throw ExitCode(ExitStatus.findings) }
        }

        /// The images, class names and what was left out, by the reader of `format`.
        private func read(_ format: Format, from path: String) throws(ConversionError) -> (
            images: [LabeledImage], classOrder: [String], dropped: [String: Int]
        ) {
            // The image root of a copy from S3 is not the temporary folder: only --images gives one.
            let imageRoot = images ?? (path == input ? PathName.directory(of: path) : nil)
            switch format {
            case .auto, .coco:
                let dataset = try COCOReader(path: path, imageRoot: imageRoot).read()
                return (dataset.images, dataset.classOrder, dataset.dropped)
            case .yolo: return try YOLOReader(root: path, split: split).read()
            case .voc: return try VOCReader(input: path, imageRoot: images, skipDifficult: skipDifficult).read()
            case .cvat: return try CVATReader(path: path).read()
            case .labelme: return try LabelMeReader(input: path).read()
            case .csv:
                let table = try CSVReader(path: path, imageRoot: imageRoot).read()
                Output.standardError("CSV columns: \(table.columns).\n")
                return (table.images, table.classOrder, table.dropped)
            case .labelstudio: return try LabelStudioReader(path: path).read()
            case .folders:
                let (found, dropped) = try FolderReader(root: path).read()
                return (found, [], dropped)
            case .groundTruthMultiLabel, .manifest:
                throw ConversionError(
                    file: input, message: "a manifest is rewritten (gt-multilabel) or exported (--to), not read here")
            }
        }

        /// `convert M.manifest --to FORMAT -o OUT`: the manifest's images in another format.
        private func export(as format: ExportFormat, reading path: String) throws {
            // The image root: --s3-prefix, or the prefix of --images PREFIX=DIR.
            let mapped = images.flatMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) }
            guard let prefix = s3Prefix ?? mapped, prefix.hasPrefix("s3://") else {
                throw CommandFailure(
                    message:
                        "--to needs the image root: --s3-prefix s3://bucket/photos/ (or --images s3://bucket/photos/=DIR)"
                )
            }
            let export: DatasetExport
            do {
                export = try exported(as: format, prefix: prefix, reading: path)
            } catch {
                throw CommandFailure(message: error.description + "; nothing was written")
            }
            let oneFile = format == .coco || format == .csv
            for (path, text) in export.files {
                if output == "-", oneFile {
                    Output.standardOutput(text)
                    continue
                }
                let target = oneFile ? output : PathName.joined(output, path)
                if ManifestInput.isS3(target) {
                    try ManifestInput(options: s3).write(Array(text.utf8), to: target)
                    continue
                }
                guard
                    (try? FileManager.default.createDirectory(
                        atPath: PathName.directory(of: target), withIntermediateDirectories: true)) != nil
                else { throw CommandFailure(message: "cannot create the folder of '\(target)'") }
                do {
                    try AtomicFile.write(Array(text.utf8), to: target)
                } catch {
                    throw CommandFailure(message: "cannot write '\(target)': \(error.reason)")
                }
            }
            var report = ConversionReport()
            report.dropped = export.dropped
            let losses = report.text.split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
            Output.standardError(
                "\(Count.phrase(export.files.count, "file")) written as \(format.rawValue).\n" + losses)
        }

        /// The manifest's images as `format`.
        private func exported(as format: ExportFormat, prefix: String, reading path: String) throws(ConversionError)
            -> DatasetExport
        {
            let (found, classOrder) = try ManifestImages(path: path, prefix: prefix).read()
            return DatasetExport(
                found, classOrder: classOrder, as: DatasetExport.Format(rawValue: format.rawValue) ?? .coco,
                name: output)
        }

        /// The format of `input`: a `.xml` file or a folder with `Annotations` is VOC, a YOLO-looking folder
        /// YOLO, another folder folders, any other file COCO.
        private static func detect(_ input: String, isDirectory: Bool) -> Format {
            guard isDirectory else {
                if input.lowercased().hasSuffix(".csv") { return .csv }
                if [".manifest", ".jsonl"].contains(where: input.lowercased().hasSuffix) {
                    return .groundTruthMultiLabel
                }
                if input.lowercased().hasSuffix(".xml") {
                    // CVAT's root is <annotations>, VOC's <annotation>.
                    let head = String(
                        decoding: (try? FileContents.bytes(input)).map { $0.prefix(4_096) } ?? [], as: UTF8.self)
                    return head.contains("<annotations") ? .cvat : .voc
                }
                // The first bytes tell the JSON formats apart: a list of tasks, a LabelMe imagePath, or COCO.
                let head = String(
                    decoding: (try? FileContents.bytes(input)).map { $0.prefix(65_536) } ?? [], as: UTF8.self)
                if head.drop(while: { $0.isWhitespace }).hasPrefix("[") { return .labelstudio }
                if head.contains("\"imagePath\"") { return .labelme }
                return head.contains("\"data\"") && !head.contains("\"images\"") ? .labelstudio : .coco
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
            if names.contains("Annotations") { return .voc }
            if !names.isEmpty,
                names.allSatisfy({ name in
                    [".json", ".jpg", ".jpeg", ".png"].contains { name.lowercased().hasSuffix($0) }
                }),
                names.contains(where: { $0.lowercased().hasSuffix(".json") })
            {
                return .labelme
            }
            if !looksLikeYOLO(input), let walk = FileManager.default.enumerator(atPath: input),
                walk.prefix(10_000).contains(where: { ($0 as? String)?.lowercased().hasSuffix(".xml") == true })
            {
                return .voc
            }
            return looksLikeYOLO(input) ? .yolo : .folders
        }

        /// Whether the folder holds a YOLO dataset: a YAML file, `classes.txt` or a `.names` file at its top,
        /// or a `labels` folder.
        private static func looksLikeYOLO(_ folder: String) -> Bool {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.contains { name in
                name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name == "classes.txt" || name.hasSuffix(".names")
                    || name == "labels"
            }
        }

        /// The time now as an ISO 8601 date-time, UTC, whole seconds.
        private static func now() -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
            return formatter.string(from: Date())
        }
    }
}
