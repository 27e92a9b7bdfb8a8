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
                error naming it.
                """
        )

        @Argument(help: "The change set (JSON Lines), such as written by diff --changes-out.")
        var changes: String

        @Option(help: ArgumentHelp("The directory for the batch files.", valueName: "dir"))
        var outDir: String?

        @Option(
            help: ArgumentHelp(
                "The largest batch, in bytes (default: limits.max-batch-bytes of the closest .clmanifest.yml, "
                    + "else 5,242,880).", valueName: "bytes"))
        var maxBytes: Int?

        @Flag(help: "Print the plan only; write nothing.")
        var dryRun = false

        mutating func validate() throws {
            if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
            if outDir == nil && !dryRun { throw ValidationError("give --out-dir DIR, or --dry-run for the plan only") }
        }

        func run() throws {
            let maxBytes: Int
            do {
                maxBytes =
                    try self.maxBytes ?? Configuration.discover(for: changes).map(Configuration.load(path:))?
                    .maxBatchBytes
                    ?? BatchPacker.defaultMaxBytes
            } catch {
                throw CommandFailure(message: "configuration \(error)")
            }
            let data: Data
            do {
                data =
                    changes == "-"
                    ? FileHandle.standardInput.readDataToEndOfFile()
                    : try Data(contentsOf: URL(fileURLWithPath: changes))
            } catch {
                throw CommandFailure(message: "cannot read '\(changes)': \(error.localizedDescription)")
            }
            // Each line with its line ending, so that the batches put together are the input byte for byte.
            var lines: [Range<Int>] = []
            var start = 0
            for (index, byte) in data.enumerated() where byte == 0x0A {
                lines.append(start..<index + 1)
                start = index + 1
            }
            if start < data.count { lines.append(start..<data.count) }
            let sizes = lines.map(\.count)
            if let oversize = BatchPacker.check(lineSizes: sizes, maxBytes: maxBytes) {
                throw CommandFailure(
                    message: "line \(oversize.index + 1) of '\(changes)' is \(oversize.size) bytes, over the "
                        + "\(maxBytes) a batch may hold")
            }
            let batches = BatchPacker.pack(lineSizes: sizes, maxBytes: maxBytes)
            var plan =
                "\(batches.count) batch\(batches.count == 1 ? "" : "es"), \(lines.count) lines, \(data.count) bytes"
            plan += " (at most \(maxBytes) bytes a batch)\n"
            for (number, batch) in batches.enumerated() {
                let bytes = batch.reduce(0) { $0 + sizes[$1] }
                plan += "  \(Self.name(number)): lines \(batch.lowerBound + 1)–\(batch.upperBound), \(bytes) bytes\n"
            }
            Output.standardOutput(plan)
            guard !dryRun, let outDir else { return }
            do {
                try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
                for (number, batch) in batches.enumerated() {
                    let range = lines[batch.lowerBound].lowerBound..<lines[batch.upperBound - 1].upperBound
                    try data.subdata(in: range).write(
                        to: URL(fileURLWithPath: outDir).appendingPathComponent(Self.name(number)))
                }
            } catch {
                throw CommandFailure(message: "cannot write the batches to '\(outDir)': \(error.localizedDescription)")
            }
        }

        /// `batch-0001.jsonl` for the first batch.
        static func name(_ number: Int) -> String {
            let digits = String(number + 1)
            return "batch-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".jsonl"
        }
    }
}
