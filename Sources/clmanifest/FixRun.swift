import ArgumentParser
import Foundation
import ManifestKit

/// `fix` and `lint --fix`: mends every file, writes them only when every one could be read and fixed, then
/// reports what remains as `lint` does, with a line saying what was fixed.
struct FixRun {
    var files: [String]
    var report: ReportOptions
    var options: FixOptions
    var settings: LintSettings
    /// Where `s3://` manifests are read from (they are shown fixed with `--diff`, never written).
    var input: ManifestInput?

    private struct Fixed {
        var file: String
        var name: String
        var input: [UInt8]
        var outcome: ManifestFixer.Outcome
        var policy: FixPolicy
    }

    func run() throws {
        var fixed: [Fixed] = []
        var failures: [String] = []
        for file in files {
            do {
                fixed.append(try fix(file))
            } catch {
                failures.append(error.description)
            }
        }
        guard failures.isEmpty else {
            for failure in failures { Output.standardError("error: \(failure)\n") }
            Output.standardError("Nothing was written.\n")
            throw ExitCode(ExitStatus.couldNotRun)
        }
        let count = fixed.reduce(0) { $0 + $1.outcome.fixed }
        let changedFiles = fixed.count { $0.outcome.changed }
        if options.diff {
            for entry in fixed where entry.outcome.changed {
                Output.standardOutput(
                    bytes: UnifiedDiff(
                        old: entry.input, new: entry.outcome.bytes, origins: entry.outcome.origins, name: entry.name
                    ).bytes)
            }
            Output.standardError(
                changedFiles == 0
                    ? "No fixes to apply.\n"
                    : "Would fix \(Count.phrase(count, "finding")) in \(Count.phrase(changedFiles, "file")).\n")
            if changedFiles > 0 { throw ExitCode(ExitStatus.findings) }
            return
        }
        for entry in fixed where entry.file != "-" && entry.outcome.changed {
            do {
                try AtomicFile.write(entry.outcome.bytes, to: entry.file)
            } catch {
                throw CommandFailure(message: "cannot write '\(entry.file)': \(error.reason)")
            }
        }
        if let piped = fixed.first(where: { $0.file == "-" }) { Output.standardOutput(bytes: piped.outcome.bytes) }
        let remaining = fixed.flatMap { $0.outcome.remaining }
        let hidden = fixed.reduce(0) { total, entry in
            total + entry.outcome.remaining.count(where: entry.policy.needsUnsafeFixes)
        }
        var summary =
            "Fixed \(Count.phrase(count, "finding")) in \(Count.phrase(changedFiles, "file")) "
            + "(\(Count.grouped(remaining.count)) remain"
        if hidden > 0 { summary += "; \(Count.grouped(hidden)) more fixable with --unsafe-fixes" }
        summary += ")."
        var run = FileRun(files: fixed.map(\.file), report: report)
        run.standardOutputIsTaken = fixed.contains { $0.file == "-" }
        run.closingNote = summary
        run.unsafeFixes = fixed.contains { $0.policy.unsafeFixes }
        let byFile = Dictionary(fixed.map { ($0.file, $0.outcome.remaining) }, uniquingKeysWith: { first, _ in first })
        try run.run { file throws(ManifestError) in
            FileRun.Checked(diagnostics: byFile[file] ?? [])
        }
    }

    /// Reads and fixes one file, in memory.
    private func fix(_ file: String) throws(FixFailure) -> Fixed {
        let name = file == "-" ? report.stdinFilename ?? "-" : file
        let linter: ManifestLinter
        let policy: FixPolicy
        do {
            linter = try settings.linter(for: file)
            policy = options.policy(over: try settings.configuration(for: file).fixPolicy)
        } catch {
            throw FixFailure(description: error.description)
        }
        let input: [UInt8]
        if file == "-" {
            input = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else if ManifestInput.isS3(file) {
            guard options.diff, let remote = self.input else {
                throw FixFailure(description: "\(file): fix writes files, not S3 objects; --diff shows the fixes")
            }
            do {
                input = try remote.bytes(of: file)
            } catch {
                throw FixFailure(description: error.description)
            }
        } else {
            do {
                input = try FileContents.bytes(file)
            } catch {
                throw FixFailure(description: error.description)
            }
        }
        do {
            let outcome = try ManifestFixer(linter: linter, policy: policy).fix(input, name: name)
            return Fixed(file: file, name: name, input: input, outcome: outcome, policy: policy)
        } catch {
            throw FixFailure(description: "\(name): \(error.description)")
        }
    }

    private struct FixFailure: Error, CustomStringConvertible {
        var description: String
    }
}
