import ArgumentParser
import Foundation
import ManifestKit

extension CLManifest {
    /// `clmanifest split CHANGES --out-dir DIR`.
    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a change set into batch files that UpdateDatasetEntries accepts.",
            discussion: """
                Whole lines, in order, into batch-0001.jsonl, batch-0002.jsonl, …, each at most --max-bytes \
                bytes exactly as it will be sent (default 5,242,880, the API's maximum for the decoded blob); \
                the batches put together are the change set byte for byte. A line longer than that is an \
                error naming it. Batch files of an earlier run in --out-dir are removed first (and listed), so \
                that the folder holds exactly this change set; a folder that holds any other file is refused.
                """
        )

        @Argument(help: "The change set (JSON Lines), such as written by diff --changes-out; '-' reads standard input.")
        var changes: String

        @Option(help: ArgumentHelp("The directory for the batch files.", valueName: "dir"))
        var outDir: String?

        @Option(
            help: ArgumentHelp(
                "The largest batch, in bytes (default: limits.max-batch-bytes of the closest .clmanifest.yml, "
                    + "else 5,242,880, the API's limit; more needs --force).", valueName: "bytes"))
        var maxBytes: Int?

        @Flag(help: "Allow --max-bytes above the API's limit of 5,242,880 (for another endpoint's limit).")
        var force = false

        @Flag(help: "Print the plan only; write nothing.")
        var dryRun = false

        @OptionGroup var configFile: ConfigurationOptions

        @OptionGroup(title: "S3 (for an s3://BUCKET/KEY change set)") var s3: S3Options

        mutating func validate() throws {
            if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
            if let maxBytes, maxBytes > BatchPacker.defaultMaxBytes, !force {
                throw ValidationError(
                    "--max-bytes \(Count.grouped(maxBytes)) is over the API's limit of "
                        + "\(Count.grouped(BatchPacker.defaultMaxBytes)) bytes a call; pass --force to allow it")
            }
            if outDir == nil && !dryRun { throw ValidationError("give --out-dir DIR, or --dry-run for the plan only") }
        }

        func run() throws {
            let maxBytes = try self.maxBytes ?? configFile.configuration(for: changes).maxBatchBytes
            let data: [UInt8]
            do {
                if ManifestInput.isS3(changes) {
                    data = try ManifestInput(options: s3).bytes(of: changes)
                } else {
                    data =
                        changes == "-"
                        ? Array(FileHandle.standardInput.readDataToEndOfFile()) : try FileContents.bytes(changes)
                }
            } catch let error as FileContents.Failure {
                throw CommandFailure(message: "cannot read the change set '\(changes)': \(error.reason)")
            } catch let error as ManifestError {
                throw CommandFailure(message: error.description)
            }
            // Each line with its line ending, so that the batches put together are the input byte for byte.
            let lines = LineRanges.lines(of: data)
            let sizes = lines.map(\.count)
            if let oversize = BatchPacker.check(lineSizes: sizes, maxBytes: maxBytes) {
                throw CommandFailure(
                    message: "line \(Count.grouped(oversize.index + 1)) of '\(changes)' is "
                        + "\(Count.bytes(oversize.size)), over the \(Count.bytes(maxBytes)) a batch may hold")
            }
            let batches = BatchPacker.pack(lineSizes: sizes, maxBytes: maxBytes)
            var plan = "\(Count.phrase(batches.count, "batch", "batches")), \(Count.phrase(lines.count, "line")), "
            plan += "\(Count.bytes(data.count)) (at most \(Count.phrase(maxBytes, "byte")) a batch)\n"
            for (number, batch) in batches.enumerated() {
                let bytes = batch.reduce(0) { $0 + sizes[$1] }
                plan += "  \(Self.name(number)): lines \(Count.grouped(batch.lowerBound + 1))–"
                plan += "\(Count.grouped(batch.upperBound)), \(Count.bytes(bytes))\n"
            }
            guard !dryRun, let outDir else {
                Output.standardOutput(plan)
                return
            }
            let removed = try prepare(outDir)
            if !removed.isEmpty {
                Output.standardError(
                    "removed \(Count.phrase(removed.count, "batch file")) of an earlier run from \(outDir)\n")
            }
            Output.standardOutput(plan)
            for (number, batch) in batches.enumerated() {
                let range = lines[batch.lowerBound].lowerBound..<lines[batch.upperBound - 1].upperBound
                let path = PathName.joined(outDir, Self.name(number))
                guard FileManager.default.createFile(atPath: path, contents: Data(data[range])) else {
                    throw CommandFailure(message: "cannot write '\(path)'")
                }
            }
        }

        /// Makes `directory` ready for this run's batches: created when missing; the batch files of an
        /// earlier run removed (and returned); refused when it holds any other file.
        private func prepare(_ directory: String) throws -> [String] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CommandFailure(message: "--out-dir '\(directory)' is a file, not a directory")
                }
            } else {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw CommandFailure(message: "cannot create the directory '\(directory)'")
                }
                return []
            }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw CommandFailure(message: "cannot list the directory '\(directory)'")
            }
            let batches = entries.filter { $0.wholeMatch(of: /batch-\d{4,}\.jsonl/) != nil }.sorted()
            let others = entries.filter { !batches.contains($0) }.sorted()
            guard others.isEmpty else {
                let shown = others.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                throw CommandFailure(
                    message: "--out-dir '\(directory)' holds other files (\(shown)\(others.count > 3 ? ", …" : "")); "
                        + "give an empty or new directory, so that its batches are exactly the change set")
            }
            for batch in batches {
                let path = PathName.joined(directory, batch)
                guard (try? FileManager.default.removeItem(atPath: path)) != nil else {
                    throw CommandFailure(message: "cannot remove '\(path)' of an earlier run")
                }
            }
            return batches
        }

        /// `batch-0001.jsonl` for the first batch.
        static func name(_ number: Int) -> String {
            let digits = String(number + 1)
            return "batch-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".jsonl"
        }
    }
}
