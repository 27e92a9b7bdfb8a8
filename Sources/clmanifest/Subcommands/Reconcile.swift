import ArgumentParser
import Foundation
import ManifestKit
import ManifestUpload

extension CLManifest {
    /// `clmanifest reconcile LOCAL VALIDATION… | --dataset-arn ARN`.
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report what the service found in a manifest at the local lines, and compare it with lint.",
            discussion: """
                VALIDATION is what training wrote (training_manifest_with_validation.json, \
                testing_manifest_with_validation.json, manifest_summary.json), a file or s3://BUCKET/KEY; or \
                --dataset-arn reads the dataset's entries (ListDatasetEntries). Every error and warning, at the \
                line, in a label attribute, in an annotation or in a -metadata object, becomes a finding with \
                the service's code at the local line of the same source-ref (whatever order the service wrote \
                them in) and the column of that object; a summary's terminal errors are findings for the whole \
                file; a finding on an image not in LOCAL is kept, for the whole file. Then LOCAL is linted and \
                the agreement printed: the service's findings lint predicted (same code, same line), those it \
                missed, and the lint errors the service did not report. Exit status: 1 when the service \
                reported an error, else 0; 2 when something could not be read.
                """
        )

        @Argument(help: "The manifest as kept locally: a file, or s3://BUCKET/KEY.")
        var local: String

        @Argument(help: "What the service wrote: validation manifests and manifest_summary.json (files or s3://).")
        var validation: [String] = []

        @Option(help: ArgumentHelp("Read the dataset's entries and their errors instead.", valueName: "arn"))
        var datasetArn: String?

        @Option(
            help: ArgumentHelp(
                "With --dataset-arn: send Rekognition requests here (default: AWS_ENDPOINT_URL_REKOGNITION, "
                    + "AWS_ENDPOINT_URL, the region's).", valueName: "url"))
        var rekognitionEndpointUrl: String?

        @Option(
            name: .customLong("set"),
            help: ArgumentHelp(
                "Which part of a manifest summary LOCAL is: training or testing (default: testing when a "
                    + "VALIDATION name says testing, else training).", valueName: "set"))
        var datasetSet: SetChoice?

        enum SetChoice: String, ExpressibleByArgument, CaseIterable {
            case training, testing
        }

        enum AgreementFormat: String, ExpressibleByArgument, CaseIterable {
            case table, json, none
        }

        @Option(
            help: ArgumentHelp(
                "The agreement with lint: table (on standard error), json, or none (LOCAL is not linted).",
                valueName: "format"))
        var agreement: AgreementFormat = .table

        @Option(
            help: ArgumentHelp(
                "Write the agreement to this file (json goes to standard output without it, when no format "
                    + "of the findings does).", valueName: "file"))
        var agreementOutput: String?

        @OptionGroup var report: ReportOptions

        @Option(
            name: .customLong("images"),
            help: ArgumentHelp(
                "For the agreement: check images as `lint --images` does (PREFIX=DIR or s3://BUCKET/PREFIX/).",
                valueName: "PREFIX=DIR|s3://BUCKET/PREFIX/"))
        var images: [String] = []

        @OptionGroup var configFile: ConfigurationOptions

        @OptionGroup(title: "S3 (for s3:// paths; their settings also reach Rekognition with --dataset-arn)")
        var s3: S3Options

        func validate() throws {
            if validation.isEmpty, datasetArn == nil {
                throw ValidationError(
                    "give what the service wrote (a validation manifest or summary), or --dataset-arn")
            }
            if let datasetArn, let problem = DatasetARN.problem(with: datasetArn) {
                throw ValidationError("--dataset-arn: \(problem)")
            }
            if local == "-" || validation.contains("-") {
                throw ValidationError("reconcile reads files or s3:// objects, not standard input")
            }
            if agreement == .json, agreementOutput == nil, report.resolvedTargets.contains(where: { $0.file == nil }) {
                throw ValidationError(
                    "--agreement json needs --agreement-output FILE while the findings go to standard output")
            }
            try ImageArguments.validate(images)
        }

        func run() throws {
            let input = ManifestInput(options: s3)
            let source: ManifestSource
            var reports: [Reconciliation.Report] = []
            do {
                source = try input.source(local)
                for path in validation { reports.append(try self.report(path, input: input)) }
            } catch {
                throw CommandFailure(message: error.description)
            }
            if datasetArn != nil { reports.append(try datasetEntries()) }
            let result: Reconciliation.Result
            do {
                result = try Reconciliation.run(local: source, reports: reports)
            } catch {
                throw CommandFailure(message: error.description)
            }
            for (name, line) in result.unreadable.prefix(20) {
                Output.standardError("warning: \(name):\(line) is not a JSON object; skipped\n")
            }
            for note in result.notes { Output.standardError(note + "\n") }
            let agreement =
                agreement == .none
                ? nil : LintAgreement(result: result, lint: try lint(source, input: input), manifest: local)
            do {
                try FileRun(files: [local], report: report).run { _ in
                    FileRun.Checked(diagnostics: result.diagnostics)
                }
            } catch {
                try show(agreement)
                throw error
            }
            try show(agreement)
        }

        /// The report at `path`: a manifest summary (one JSON object with statistics), else a validation
        /// manifest.
        private func report(_ path: String, input: ManifestInput) throws(ManifestError) -> Reconciliation.Report {
            let bytes: [UInt8]
            if ManifestInput.isS3(path) {
                bytes = try input.bytes(of: path)
            } else {
                do {
                    bytes = try FileContents.bytes(path)
                } catch {
                    throw ManifestError.readFailed(path: path, reason: error.reason)
                }
            }
            // A summary is a few kilobytes; a large file is a manifest, not parsed whole to find out.
            guard bytes.count < 16 << 20, ValidationSummary.looksLikeSummary(bytes) else {
                return .validationManifest(.memory(bytes, name: path))
            }
            do {
                return .summary(try ValidationSummary(bytes: bytes), name: path, set: set)
            } catch {
                throw ManifestError.readFailed(path: path, reason: error.description)
            }
        }

        /// The set a summary is read for: `--set`, else testing when a name says so.
        private var set: Reconciliation.DatasetSet {
            if let datasetSet { return datasetSet == .testing ? .testing : .training }
            return validation.contains { $0.lowercased().contains("testing") } ? .testing : .training
        }

        /// Every entry of `--dataset-arn`, with the errors and warnings the service wrote in them.
        private func datasetEntries() throws -> Reconciliation.Report {
            var settings = DatasetConnection.Settings(datasetARN: datasetArn)
            settings.region = s3.region
            settings.endpointURL = rekognitionEndpointUrl
            settings.profile = s3.profile
            settings.debug = s3.debug
            settings.retryBaseDelay = s3.retryBaseDelay
            let connection: DatasetConnection
            do {
                connection = try DatasetConnection(settings) { Output.standardError($0 + "\n") }
            } catch {
                throw CommandFailure(message: error.message)
            }
            let progress = ProgressDisplay()
            defer { progress.end() }
            var entries: [String] = []
            do {
                try connection.client.forEachDatasetEntry(datasetARN: connection.datasetARN) { page in
                    entries += page
                    progress.note("listing the dataset: \(Count.grouped(entries.count)) entries")
                }
            } catch {
                throw CommandFailure(message: "cannot list the dataset's entries: \(error)")
            }
            return .datasetEntries(entries, name: "ListDatasetEntries")
        }

        /// Lint's findings on LOCAL, for the agreement.
        private func lint(_ source: ManifestSource, input: ManifestInput) throws -> [Diagnostic] {
            let settings = try LintSettings(
                configuration: configFile, schemas: [], excerpts: false, jobs: report.threadCount,
                images: try images.map { try ImageMapping(parsing: $0) })
            let linter = try settings.linter(for: local)
            do {
                try input.prepareImages(for: linter)
                switch source {
                case .memory(let bytes, let name): return linter.lint(bytes: bytes, name: name)
                case .file(let path): return try linter.lint(path: path)
                }
            } catch {
                throw CommandFailure(message: error.description)
            }
        }

        /// Prints or writes the agreement.
        private func show(_ agreement: LintAgreement?) throws {
            guard let agreement else { return }
            let text: String
            switch self.agreement {
            case .none: return
            case .table: text = agreement.text()
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                guard let data = try? encoder.encode(agreement) else {
                    throw CommandFailure(message: "the agreement could not be written as JSON")
                }
                text = String(decoding: data, as: UTF8.self) + "\n"
            }
            guard let file = agreementOutput else {
                if self.agreement == .json { Output.standardOutput(text) } else { Output.standardError(text) }
                return
            }
            do {
                try Output.write(text, toFile: file)
            } catch {
                throw CommandFailure(message: "cannot write '\(file)': \(error.reason)")
            }
        }
    }
}
