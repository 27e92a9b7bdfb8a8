import ArgumentParser
import Foundation
import ManifestKit
import ManifestUpload

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CLManifest {
    /// `clmanifest upload NEW --dataset-arn ARN`.
    struct Upload: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send what changed in a manifest to a dataset, batch by batch, safely.",
            discussion: """
                Lints NEW first and refuses on error findings (--force sends anyway). Compares NEW with the \
                dataset as it is now (pulled with ListDatasetEntries), or with --prior FILE, and sends only \
                the added and updated entries (--all sends every line), in batches of at most \
                --max-batch-bytes. Each batch is one UpdateDatasetEntries call; the next is sent only after \
                DescribeDataset reports UPDATE_COMPLETE. Throttling and network faults are retried; when \
                the outcome of a send is unknown, the dataset is waited for and the same batch sent again \
                (safe: entries are replaced by source-ref). Progress is journalled under --state-dir, so \
                running the same command again after a crash or Ctrl-C resumes without resending confirmed \
                batches. At the end, the entries the service marked with errors are reported at their lines \
                in NEW. Exit status: 0 uploaded (or nothing to do); 1 lint refused the manifest, or the \
                service reported errors on its entries; 2 could not start; 3 the upload stopped part-way \
                (run the command again to resume).
                """
        )

        @Argument(help: "The manifest to send.")
        var new: String

        @OptionGroup var aws: AWSOptions

        @Option(help: ArgumentHelp("Compare with this manifest instead of the live dataset.", valueName: "file"))
        var prior: String?

        @Flag(help: "Send every line of NEW, without comparing.")
        var all = false

        @Option(
            help: ArgumentHelp(
                "The largest batch, in bytes (default: the configuration's limits.max-batch-bytes, else 5,242,880).",
                valueName: "bytes"))
        var maxBatchBytes: Int?

        @Flag(help: "Send even when lint finds errors.")
        var force = false

        @Flag(name: [.customShort("y"), .long], help: "Do not ask for confirmation.")
        var yes = false

        @Flag(help: "Print the plan and send nothing.")
        var dryRun = false

        @Option(help: ArgumentHelp("Where the upload journal is kept.", valueName: "dir"))
        var stateDir = ".clmanifest"

        @Option(
            help: ArgumentHelp("Use this configuration file instead of the closest .clmanifest.yml.", valueName: "file")
        )
        var config: String?

        @Flag(help: "Use no configuration file.")
        var isolated = false

        func validate() throws {
            if prior != nil && all { throw ValidationError("give --prior or --all, not both") }
            if let maxBatchBytes, !(1...BatchPacker.defaultMaxBytes).contains(maxBatchBytes) {
                throw ValidationError("--max-batch-bytes must be between 1 and 5,242,880 (the API's limit)")
            }
        }

        func run() throws {
            let settings = try LintSettings(
                config: config, isolated: isolated, schemas: [], servicePrecedence: false, excerpts: false)
            let (configuration, linter) = try settings.linter(for: new)
            try lint(linter, configuration)
            let batchBytes = maxBatchBytes ?? configuration.maxBatchBytes
            let connection = try ServiceConnection(aws)
            let arn = connection.datasetARN
            let mode = all ? "all" : prior.map { "prior:\(FileDigest.sha256(path: $0) ?? $0)" } ?? "live"
            let key = UploadJournal.key(
                datasetARN: arn, manifestDigest: try Self.sha256(file: new), planOptions: "\(mode) \(batchBytes)")
            let journal = UploadJournal(directory: stateDir, key: key)
            let plan: UploadPlan
            var confirmed: Set<Int> = []
            let saved: UploadJournal.Saved?
            do {
                saved = try journal.load()
            } catch {
                throw CommandFailure(message: error.description)
            }
            if let saved {
                plan = saved.plan
                confirmed = saved.confirmed
                Output.standardError(
                    "resuming an interrupted upload of \(new): \(confirmed.count) of \(plan.batches.count) batches "
                        + "were confirmed (journal \(journal.journalPath))\n")
            } else {
                plan = try makePlan(connection, maxBatchBytes: batchBytes)
            }
            guard !plan.batches.isEmpty else {
                Output.standardError("nothing to upload: the dataset has every entry of \(new) as it is\n")
                return
            }
            printPlan(plan, confirmed: confirmed, arn: arn, connection: connection)
            if dryRun { return }
            guard try confirm(plan, confirmed: confirmed, arn: arn) else {
                Output.standardError("nothing sent\n")
                return
            }
            if saved == nil {
                do {
                    try journal.start(plan: plan, datasetARN: arn, manifest: new)
                } catch {
                    throw CommandFailure(message: error.description)
                }
            }
            InterruptNotice.install()
            let progress = UploadProgress(batches: plan.batches.count)
            let started = ContinuousClock.now
            var uploader = DatasetUploader(client: connection.client, datasetARN: arn, onEvent: progress.show)
            if let interval = aws.pollInterval {
                uploader.pollPolicy = PollPolicy(initialInterval: interval, maxInterval: interval)
            }
            let report: DatasetUploader.Report
            do {
                report = try uploader.upload(plan, confirmed: confirmed, journal: journal)
            } catch {
                progress.end()
                let done = (try? journal.load())?.confirmed.count ?? confirmed.count
                Output.standardError(
                    "error: \(error)\n\(done) of \(plan.batches.count) batches are confirmed in the dataset; "
                        + "run the same command again to resume\n")
                throw ExitCode(ExitStatus.uploadIncomplete)
            }
            progress.end()
            journal.finish()
            let seconds = Double((ContinuousClock.now - started).components.seconds)
            var summary = "uploaded \(report.confirmed) batch\(report.confirmed == 1 ? "" : "es") "
            summary += "(\(Self.grouped(plan.lineCount)) lines) in \(Int(seconds)) s"
            if report.skipped > 0 { summary += "; \(report.skipped) confirmed by an earlier run" }
            if report.resends > 0 {
                summary += "; \(report.resends) sent again after a busy dataset or an unknown outcome"
            }
            if let final = report.final {
                summary += "; dataset \(final.statusText ?? "?")"
                if let total = final.totalEntries { summary += ", \(Self.grouped(total)) entries" }
                if let errors = final.errorEntries, errors > 0 { summary += ", \(Self.grouped(errors)) with errors" }
            }
            Output.standardError(summary + "\n")
            try reportServiceErrors(connection)
        }

        /// Lints NEW; prints the error findings and stops unless `--force`.
        private func lint(_ linter: ManifestLinter, _ configuration: Configuration) throws {
            let diagnostics = configuration.apply(to: try linter.lint(path: new), file: new, select: [], ignore: [])
            guard let (errors, count) = SendGate.errors(in: diagnostics) else { return }
            Output.standardOutput(TextReporter().render(errors))
            if force {
                Output.standardError("warning: \(count) in \(new); sending anyway (--force)\n")
                return
            }
            Output.standardError("error: \(count) in \(new); nothing sent. Fix them, or pass --force\n")
            throw ExitCode(ExitStatus.findings)
        }

        /// The change set: every line, or the lines that differ from --prior or from the live dataset.
        private func makePlan(_ connection: ServiceConnection, maxBatchBytes: Int) throws -> UploadPlan {
            var changeSet: [UInt8] = []
            var lineSizes: [Int]
            if all {
                guard let data = FileManager.default.contents(atPath: new) else {
                    throw CommandFailure(message: "cannot read '\(new)'")
                }
                (changeSet, lineSizes) = UploadPlan.allLines(of: Array(data))
            } else {
                let priorPath = try prior ?? pullLive(connection)
                defer { if prior == nil { try? FileManager.default.removeItem(atPath: priorPath) } }
                let result: DiffResult
                do {
                    var options = DiffOptions()
                    options.details = false
                    result = try ManifestDiff(options: options).run(prior: priorPath, new: new) {
                        changeSet.append(contentsOf: $0)
                    }
                } catch {
                    throw CommandFailure(message: error.description)
                }
                lineSizes = result.changeSetLineSizes
                let against = prior ?? "the dataset"
                Output.standardError(
                    "\(new) against \(against): \(result.added) added, \(result.updated) updated, "
                        + "\(result.unchanged) unchanged, \(result.onlyInPrior) only in \(against) (kept there)\n")
                for finding in result.invalid { Output.standardError(TextReporter().render([finding])) }
            }
            do {
                return try UploadPlan(changeSet: changeSet, lineSizes: lineSizes, maxBatchBytes: maxBatchBytes)
            } catch {
                throw CommandFailure(
                    message: "line \(error.position) of the change set is \(error.size) bytes, more than a batch "
                        + "may hold (\(maxBatchBytes))")
            }
        }

        /// Pulls the dataset into a file under the state directory and returns its path.
        private func pullLive(_ connection: ServiceConnection) throws -> String {
            let pulled = try connection.pull(strippingServiceKeys: false)
            try? FileManager.default.createDirectory(atPath: stateDir, withIntermediateDirectories: true)
            let path = (stateDir as NSString).appendingPathComponent("pulled-\(getpid()).manifest")
            guard FileManager.default.createFile(atPath: path, contents: Data(pulled.manifest)) else {
                throw CommandFailure(message: "cannot write '\(path)'")
            }
            return path
        }

        private func printPlan(_ plan: UploadPlan, confirmed: Set<Int>, arn: String, connection: ServiceConnection) {
            let mebibytes = (Double(plan.byteCount) / 1_048_576 * 100).rounded() / 100
            var text = "plan: \(Self.grouped(plan.lineCount)) lines, \(Self.grouped(plan.byteCount)) bytes"
            if mebibytes >= 1 { text += " (\(mebibytes) MiB)" }
            text += " in \(plan.batches.count) "
            text += "batch\(plan.batches.count == 1 ? "" : "es") to \(arn) (\(connection.region.region))\n"
            if dryRun {
                for (index, batch) in plan.batches.enumerated() {
                    text += "  batch \(index + 1): \(Self.grouped(plan.lineCounts[index])) lines, "
                    text += "\(Self.grouped(batch.count)) bytes\(confirmed.contains(index) ? " (confirmed)" : "")\n"
                }
                text += "dry run: nothing sent\n"
            }
            Output.standardError(text)
        }

        /// Asks on a terminal; elsewhere, and with --yes, goes ahead.
        private func confirm(_ plan: UploadPlan, confirmed: Set<Int>, arn: String) throws -> Bool {
            guard !yes, isatty(0) == 1, isatty(2) == 1 else { return true }
            Output.standardError("send \(plan.batches.count - confirmed.count) batch(es) to \(arn)? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return answer == "y" || answer == "yes"
        }

        /// Lists the entries the service marked with errors and reports them at their lines in NEW.
        private func reportServiceErrors(_ connection: ServiceConnection) throws {
            var entries: [String] = []
            do {
                try connection.client.forEachDatasetEntry(datasetARN: connection.datasetARN, hasErrors: true) {
                    entries += $0
                }
            } catch {
                Output.standardError("warning: the entries with errors could not be listed: \(error)\n")
                return
            }
            guard !entries.isEmpty else { return }
            let sourceRefs = Set(entries.compactMap { ServiceEntryFindings.items(inEntry: $0)?.sourceRef })
            let lines = (try? ServiceEntryFindings.lines(of: sourceRefs, inManifest: new)) ?? [:]
            let (diagnostics, elsewhere) = ServiceEntryFindings.diagnostics(
                entries: entries, manifest: new, lines: lines)
            Output.standardOutput(TextReporter().render(diagnostics))
            let errors = diagnostics.filter { $0.severity == .error }.count
            var text = "the service reports \(errors) error\(errors == 1 ? "" : "s") on entries of \(new)"
            if elsewhere > 0 { text += ", and errors on \(elsewhere) entries of the dataset that are not in it" }
            Output.standardError(text + " (ListDatasetEntries, HasErrors)\n")
            if errors > 0 { throw ExitCode(ExitStatus.findings) }
        }

        /// The SHA-256 of a file.
        static func sha256(file path: String) throws -> String {
            guard let digest = FileDigest.sha256(path: path) else {
                throw CommandFailure(message: "cannot read '\(path)'")
            }
            return digest
        }

        static func grouped(_ number: Int) -> String {
            ProgressDisplay.grouped(number)
        }
    }
}
