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
                batches; `clmanifest journals` lists the journals kept and removes those no longer wanted. At \
                the end, the entries the service marked with errors are reported at their lines in NEW. A dry \
                run writes nothing, and needs no credentials with --prior or --all and --dataset-arn. Exit \
                status: 0 uploaded (or nothing to do); 1 lint refused the manifest, the answer at the prompt \
                was no, or the service reported errors on its entries; 2 could not start, or the service \
                refused for good (credentials, permissions, an unknown dataset, an invalid request: a re-run \
                fails the same way until that is fixed); 3 the upload stopped part-way for a reason a re-run \
                can get past (network, throttling, UPDATE_FAILED, a timeout): run the same command again to \
                resume.
                """
        )

        @Argument(help: "The manifest to send: a file, or s3://BUCKET/KEY (read once, into a temporary copy).")
        var new: String

        @OptionGroup var aws: AWSOptions

        @Option(
            help: ArgumentHelp(
                "Compare with this manifest instead of the live dataset: a file, or s3://BUCKET/KEY (S3's endpoint "
                    + "from AWS_ENDPOINT_URL_S3 or the profile's endpoint_url).", valueName: "file"))
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

        @OptionGroup var configFile: ConfigurationOptions

        func validate() throws {
            if prior != nil && all { throw ValidationError("give --prior or --all, not both") }
            if let maxBatchBytes, !(1...BatchPacker.defaultMaxBytes).contains(maxBatchBytes) {
                throw ValidationError("--max-batch-bytes must be between 1 and 5,242,880 (the API's limit)")
            }
        }

        func run() throws {
            let copy = try LocalCopy(of: new, input: ManifestInput(settings: aws.s3Settings))
            defer { copy.remove() }
            try run(reading: copy.path)
        }

        /// The upload of NEW, read from the file at `manifest` (NEW itself, or its copy from S3).
        private func run(reading manifest: String) throws {
            let settings = try LintSettings(configuration: configFile, schemas: [], excerpts: false)
            try lint(try settings.linter(for: new), reading: manifest)
            let batchBytes = try maxBatchBytes ?? settings.configuration(for: new).maxBatchBytes
            // A dry run against a file (or of every line) to a known ARN needs no credentials.
            let offline = dryRun && (prior != nil || all) && aws.datasetArn != nil
            let connection = offline ? nil : try aws.connection()
            guard let arn = connection?.datasetARN ?? aws.datasetArn else {
                throw CommandFailure(message: "no dataset ARN")  // AWSOptions.validate requires one or a project.
            }
            let session = UploadSession(datasetARN: arn, connection: connection)
            let region = connection?.region.region ?? RegionResolver.region(inARN: arn) ?? "region not resolved"
            let pulling = ProgressDisplay()
            let comparison: UploadSession.Comparison
            if all {
                comparison = .everyLine
            } else if let prior {
                do {
                    comparison = .prior(try ManifestInput(settings: aws.s3Settings).source(prior))
                } catch {
                    throw CommandFailure(message: error.description)
                }
            } else {
                comparison = .liveDataset { pulling.note("pulling the dataset: \(Count.grouped($0)) entries") }
            }
            let (journal, key): (UploadJournal, String)
            do {
                (journal, key) = try session.journal(
                    for: manifest, comparedWith: comparison, maxBatchBytes: batchBytes, directory: stateDir)
            } catch {
                throw CommandFailure(message: error.description)
            }
            let plan: UploadPlan
            var confirmed: Set<Int> = []
            let saved: UploadJournal.Saved?
            do {
                saved = try journal.load()
            } catch {
                throw CommandFailure(
                    message: "\(error.description); `clmanifest journals --discard \(key)` removes it")
            }
            if let saved {
                plan = saved.plan
                confirmed = saved.confirmed
                Output.standardError(
                    "resuming an interrupted upload of \(new): \(confirmed.count) of "
                        + "\(Count.phrase(plan.batches.count, "batch", "batches")) confirmed (journal \(key))\n")
            } else {
                defer { pulling.end() }
                plan = try makePlan(session, comparison, reading: manifest, maxBatchBytes: batchBytes)
            }
            guard !plan.batches.isEmpty else {
                Output.standardError("nothing to upload: the dataset has every entry of \(new) as it is\n")
                return
            }
            printPlan(plan, confirmed: confirmed, arn: arn, region: region)
            guard !dryRun, connection != nil else { return }
            guard try confirm(plan, confirmed: confirmed, arn: arn) else {
                Output.standardError("nothing sent\n")
                throw ExitCode(ExitStatus.findings)
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
            var options = UploadSession.SendOptions()
            options.pollInterval = aws.pollInterval
            let report: DatasetUploader.Report
            do {
                report = try session.send(
                    plan, confirmed: confirmed, journal: journal, options: options, onEvent: progress.show)
            } catch {
                progress.end()
                throw stopped(by: error, journal: journal, key: key, batches: plan.batches.count, before: confirmed)
            }
            progress.end()
            journal.finish()
            let seconds = Double((ContinuousClock.now - started).components.seconds)
            var summary = "uploaded \(Count.phrase(report.confirmed, "batch", "batches")) "
            summary += "(\(Count.phrase(plan.lineCount, "line"))) in \(Int(seconds)) s"
            if report.skipped > 0 { summary += "; \(Count.grouped(report.skipped)) confirmed by an earlier run" }
            if report.resends > 0 {
                summary += "; \(Count.grouped(report.resends)) sent again after a busy dataset or an unknown outcome"
            }
            if let final = report.final {
                summary += "; dataset \(final.statusText ?? "?")"
                if let total = final.totalEntries { summary += ", \(Count.phrase(total, "entry", "entries"))" }
                if let errors = final.errorEntries, errors > 0 { summary += ", \(Count.grouped(errors)) with errors" }
            }
            Output.standardError(summary + "\n")
            try reportEntryErrors(session, reading: manifest)
        }

        /// What to say and the exit status when the upload stopped with `error`: 2 when running again cannot
        /// help as things are (the service refused for good: credentials, permissions, an unknown dataset, an
        /// invalid request), and the journal is removed if nothing was confirmed; else 3, to resume.
        private func stopped(
            by error: any Error, journal: UploadJournal, key: String, batches: Int, before: Set<Int>
        ) -> ExitCode {
            let done = (try? journal.load())?.confirmed.count ?? before.count
            guard Self.isPermanent(error) else {
                Output.standardError(
                    "error: \(error)\n\(done) of \(Count.phrase(batches, "batch", "batches")) confirmed in the "
                        + "dataset; run the same command again to resume\n")
                return ExitCode(ExitStatus.uploadIncomplete)
            }
            var text = "error: \(error)\n"
            if done == 0 {
                journal.finish()
                text += "nothing was applied, and running the same command again will fail the same way until this "
                text += "is fixed\n"
            } else {
                text +=
                    "\(done) of \(Count.phrase(batches, "batch", "batches")) confirmed in the dataset; after fixing "
                text += "this, run the same command again to resume, or remove the journal with "
                text += "`clmanifest journals --discard \(key)`\n"
            }
            Output.standardError(text)
            return ExitCode(ExitStatus.couldNotRun)
        }

        /// Whether `error` is a refusal that the same request will meet again: authentication, permissions, an
        /// unknown dataset, a request the service finds invalid (a 4xx other than throttling or a busy dataset).
        static func isPermanent(_ error: any Error) -> Bool {
            guard case .request(_, let request) = error as? UploadError, let service = request.serviceError else {
                return false
            }
            return service.isPermanent
        }

        /// Lints NEW (read from `manifest`); prints the error findings and stops unless `--force`.
        private func lint(_ linter: ManifestLinter, reading manifest: String) throws {
            let findings = try linter.lint(path: manifest, displayName: new)
            guard let errors = UploadSession.blockingFindings(in: findings) else { return }
            Output.standardOutput(TextReporter().render(errors))
            let count = Count.phrase(errors.count, "error finding")
            if force {
                Output.standardError("warning: \(count) in \(new); sending anyway (--force)\n")
                return
            }
            Output.standardError("error: \(count) in \(new); nothing sent. Fix them, or pass --force\n")
            throw ExitCode(ExitStatus.findings)
        }

        /// The plan of the change set: every line, or the lines that differ from --prior or from the live dataset.
        private func makePlan(
            _ session: UploadSession, _ comparison: UploadSession.Comparison, reading manifest: String,
            maxBatchBytes: Int
        ) throws -> UploadPlan {
            let changes: UploadSession.ChangeSet
            do {
                changes = try session.changeSet(of: .file(manifest), comparedWith: comparison)
            } catch {
                throw CommandFailure(message: error.description)
            }
            if let result = changes.diff {
                let against = prior ?? "the dataset"
                Output.standardError(
                    "\(new) against \(against): \(Count.grouped(result.added)) added, "
                        + "\(Count.grouped(result.updated)) updated, \(Count.grouped(result.unchanged)) unchanged, "
                        + "\(Count.grouped(result.onlyInPrior)) only in \(against) (kept there)\n")
                for finding in result.invalid { Output.standardError(TextReporter().render([finding])) }
            }
            do {
                return try UploadPlan(
                    changeSet: changes.bytes, lineSizes: changes.lineSizes, maxBatchBytes: maxBatchBytes)
            } catch {
                throw CommandFailure(
                    message: "line \(Count.grouped(error.position)) of the change set is \(Count.bytes(error.size)), "
                        + "more than a batch may hold (\(Count.bytes(maxBatchBytes)))")
            }
        }

        private func printPlan(_ plan: UploadPlan, confirmed: Set<Int>, arn: String, region: String) {
            var text = "plan: \(Count.phrase(plan.lineCount, "line")), \(Count.bytes(plan.byteCount)) in "
            text += "\(Count.phrase(plan.batches.count, "batch", "batches")) to \(arn) (\(region))\n"
            if dryRun {
                for (index, batch) in plan.batches.enumerated() {
                    text += "  batch \(index + 1): \(Count.phrase(plan.lineCounts[index], "line")), "
                    text += "\(Count.bytes(batch.count))\(confirmed.contains(index) ? " (confirmed)" : "")\n"
                }
                text += "dry run: nothing sent\n"
            }
            Output.standardError(text)
        }

        /// Asks on a terminal; elsewhere, and with --yes, goes ahead.
        private func confirm(_ plan: UploadPlan, confirmed: Set<Int>, arn: String) throws -> Bool {
            guard !yes, isatty(0) == 1, isatty(2) == 1 else { return true }
            let remaining = plan.batches.count - confirmed.count
            Output.standardError("send \(Count.phrase(remaining, "batch", "batches")) to \(arn)? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return answer == "y" || answer == "yes"
        }

        /// Reports the entries the service marked with errors at their lines in NEW (read from `manifest`).
        private func reportEntryErrors(_ session: UploadSession, reading manifest: String) throws {
            let found: UploadSession.EntryErrors
            do {
                found = try session.entryErrors(reportedAt: manifest, named: new)
            } catch {
                Output.standardError("warning: \(error)\n")
                return
            }
            guard found.entries > 0 else { return }
            Output.standardOutput(TextReporter().render(found.diagnostics))
            var text = "the service reports \(Count.phrase(found.errors, "error")) on entries of \(new)"
            if found.elsewhere > 0 {
                text +=
                    ", and errors on \(Count.phrase(found.elsewhere, "entry", "entries")) of the dataset that are not in it"
            }
            Output.standardError(text + " (ListDatasetEntries, HasErrors)\n")
            if found.errors > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }
}
