import ArgumentParser
import Foundation
import ManifestKit

extension CLManifest {
    /// `clmanifest diff PRIOR NEW`.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which entries a manifest adds, updates or leaves out compared with its prior version.",
            discussion: """
                Entries are matched by source-ref and compared by meaning: key order, whitespace and number \
                spelling (1, 1.0, 1e0) do not count, strings compare decoded, and the keys the service adds \
                (cl-metadata, cl-errors, errors, warnings) are left out, as are the fields given with \
                --ignore-field. A source-ref on two lines of one side is an error (exit 2). Lines that cannot \
                be read are reported on standard error and left out. Exit status: 0, or 1 with --exit-code \
                when there are changes; 2 when the diff cannot be made.
                """
        )

        @Argument(help: "The manifest as the dataset has it (such as one pulled from the service).")
        var prior: String

        @Argument(help: "The manifest to send.")
        var new: String

        @Option(help: "Output format: text (default) or json (one document with a summary object).")
        var format: DiffFormat = .text

        @Option(
            name: .customLong("ignore-field"),
            help: ArgumentHelp(
                "A field to leave out of the comparison, such as '*-metadata.creation-date'; repeatable.",
                valueName: "pattern"))
        var ignoredFields: [String] = []

        @Option(
            help: ArgumentHelp("Write the added and updated lines of NEW, as they are, to FILE.", valueName: "file"))
        var changesOut: String?

        @Option(
            help: ArgumentHelp(
                "The largest batch, in bytes, for the plan (default: the configuration's limits.max-batch-bytes, "
                    + "else 5,242,880).", valueName: "bytes"))
        var maxBytes: Int?

        @Flag(help: "Exit 1 when NEW adds or updates entries.")
        var exitCode = false

        @OptionGroup var configFile: ConfigurationOptions

        @OptionGroup(title: "S3 (for s3://BUCKET/KEY manifests)") var s3: S3Options

        func validate() throws {
            if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
        }

        func run() throws {
            var options = DiffOptions()
            let configuration = try configFile.configuration(for: new)
            options.ignoredFields += configuration.diffIgnoredFields
            options.maxBatchBytes = configuration.maxBatchBytes
            options.ignoredFields += ignoredFields.map(FieldPattern.init)
            if let maxBytes { options.maxBatchBytes = maxBytes }
            var changes: [UInt8] = []
            let result: DiffResult
            let input = ManifestInput(options: s3)
            let sources: (ManifestSource, ManifestSource)
            do throws(ManifestError) {
                sources = (try input.source(prior), try input.source(new))
            } catch {
                throw CommandFailure(message: error.description)
            }
            do {
                result = try ManifestDiff(options: options).run(
                    prior: sources.0, new: sources.1,
                    changes: changesOut == nil ? nil : { changes.append(contentsOf: $0) })
            } catch {
                throw CommandFailure(message: error.description)
            }
            if let changesOut {
                do {
                    try AtomicFile.write(changes, to: changesOut)
                } catch {
                    throw CommandFailure(message: "cannot write '\(changesOut)': \(error.reason)")
                }
            }
            for finding in result.invalid { Output.standardError(TextReporter().render([finding])) }
            Output.standardOutput(format == .json ? Self.json(result) : Self.text(result))
            if exitCode && result.hasChanges { throw ExitCode(ExitStatus.findings) }
        }

        /// The summary line, then one line per entry that differs.
        static func text(_ result: DiffResult) -> String {
            var text = "\(Count.grouped(result.added)) added, \(Count.grouped(result.updated)) updated, "
            text += "\(Count.grouped(result.unchanged)) unchanged, \(Count.grouped(result.onlyInPrior)) only in prior "
            text +=
                "(cannot be removed through UpdateDatasetEntries); change set \(Count.bytes(result.changeSetBytes)) in "
            text += "\(Count.phrase(result.batches, "batch", "batches"))\n"
            for entry in result.entries {
                switch entry.kind {
                case .added: text += "+ \(entry.sourceRef)  (new line \(entry.newLine ?? 0))\n"
                case .updated:
                    text +=
                        "~ \(entry.sourceRef)  (prior line \(entry.priorLine ?? 0), new line \(entry.newLine ?? 0))\n"
                    for change in entry.changes { text += "    \(change)\n" }
                case .onlyInPrior:
                    text += "- \(entry.sourceRef)  (prior line \(entry.priorLine ?? 0); stays in the dataset)\n"
                case .unchanged: break
                }
            }
            return text
        }

        /// One JSON document: `summary` (integer counts), `entries`, and the lines left out.
        static func json(_ result: DiffResult) -> String {
            var text = "{\n  \"summary\": {\"added\": \(result.added), \"updated\": \(result.updated), "
            text += "\"unchanged\": \(result.unchanged), \"onlyInPrior\": \(result.onlyInPrior), "
            text += "\"changeSetBytes\": \(result.changeSetBytes), \"batches\": \(result.batches)},\n"
            text +=
                "  \"entries\": ["
                + result.entries.map { entry in
                    "\n    {\"kind\": \"\(entry.kind.rawValue)\", \"sourceRef\": \(quoted(entry.sourceRef)), "
                        + "\"priorLine\": \(entry.priorLine.map(String.init) ?? "null"), "
                        + "\"newLine\": \(entry.newLine.map(String.init) ?? "null"), "
                        + "\"changes\": [\(entry.changes.map(quoted).joined(separator: ", "))]}"
                }.joined(separator: ",") + (result.entries.isEmpty ? "],\n" : "\n  ],\n")
            let excluded = JSONReporter().render(result.invalid).dropLast()
            text += "  \"excluded\": \(excluded.replacingOccurrences(of: "\n", with: "\n  "))\n}\n"
            return text
        }

        private static func quoted(_ text: String) -> String {
            let data =
                (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
            return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
        }
    }
}

/// `diff --format` values.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
