import Foundation
import ManifestKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What has been sent and confirmed of one upload, kept on disk so that a re-run after a crash, `kill -9`
/// or Ctrl-C resumes without sending confirmed batches again.
///
/// Two files under the state directory (`.clmanifest/uploads/`), named by a key made of the dataset ARN,
/// the manifest's SHA-256 and the options that shape the plan:
/// - `KEY.changes`: the planned batches, each followed by a newline, written before the first send;
/// - `KEY.journal`: JSON Lines, a header (ARN, manifest, batch sizes and digests) and then one record per
///   event: `{"event":"sent","batch":N}` before a batch is sent, `{"event":"confirmed","batch":N}` after
///   the service reports `UPDATE_COMPLETE`. Each record is written with `fsync`; a torn last record is
///   ignored when read.
/// Both are removed when every batch is confirmed.
public final class UploadJournal {
    /// A journal that exists on disk: the saved plan and what was confirmed.
    public struct Saved: Sendable {
        /// The plan, as saved.
        public var plan: UploadPlan
        /// The batches (0-based) the service confirmed.
        public var confirmed: Set<Int>
        /// The batches that were sent at least once.
        public var sent: Set<Int>
    }

    /// Why the journal cannot be used.
    public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What went wrong.
        public var description: String

        /// Creates an error.
        public init(description: String) {
            self.description = description
        }
    }

    /// An upload's journal as found in a state directory, for `clmanifest journals`.
    public struct Session: Sendable, Equatable {
        /// The upload's key (the journal's file name without `.journal`).
        public var key: String
        /// The dataset it uploads to; nil when the journal is unreadable.
        public var datasetARN: String?
        /// The manifest it sends; nil when the journal is unreadable.
        public var manifest: String?
        /// When it started (ISO 8601); nil when the journal is unreadable.
        public var started: String?
        /// The batches confirmed.
        public var confirmed: Int
        /// The batches in all.
        public var batches: Int
        /// Why it cannot be resumed, when it cannot: its plan or change set is damaged or missing.
        public var problem: String?
    }

    /// The journals under `directory` (a state directory such as `.clmanifest`), by start time.
    public static func sessions(in directory: String) -> [Session] {
        let folder = PathName.joined(directory, "uploads")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var sessions: [Session] = []
        for name in names where name.hasSuffix(".journal") {
            let key = String(name.dropLast(".journal".count))
            let journal = UploadJournal(directory: directory, key: key)
            var session = Session(key: key, confirmed: 0, batches: 0)
            if let data = FileManager.default.contents(atPath: journal.journalPath),
                let first = data.split(separator: UInt8(ascii: "\n")).first,
                let header = (try? JSONSerialization.jsonObject(with: Data(first))) as? [String: Any]
            {
                session.datasetARN = header["datasetArn"] as? String
                session.manifest = header["manifest"] as? String
                session.started = header["at"] as? String
            }
            do {
                if let saved = try journal.load() {
                    session.confirmed = saved.confirmed.count
                    session.batches = saved.plan.batches.count
                } else {
                    session.problem = "its plan was not fully written"
                }
            } catch {
                session.problem = error.description
            }
            sessions.append(session)
        }
        return sessions.sorted { ($0.started ?? "", $0.key) < ($1.started ?? "", $1.key) }
    }

    /// The journal file.
    public let journalPath: String
    /// The saved change set.
    public let changesPath: String
    private var descriptor: Int32 = -1

    /// The journal of upload `key` under `directory`.
    public init(directory: String, key: String) {
        let folder = PathName.joined(directory, "uploads")
        journalPath = PathName.joined(folder, "\(key).journal")
        changesPath = PathName.joined(folder, "\(key).changes")
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The key of an upload: the dataset, the manifest's content and what shapes the plan.
    public static func key(datasetARN: String, manifestDigest: String, planOptions: String) -> String {
        String(UploadPlan.sha256(Array("\(datasetARN)\n\(manifestDigest)\n\(planOptions)".utf8)).prefix(24))
    }

    /// The saved journal, or nil when there is none (or it is unusable: a plan not fully written).
    public func load() throws(JournalError) -> Saved? {
        guard let journal = FileManager.default.contents(atPath: journalPath) else { return nil }
        var lines = journal.split(separator: UInt8(ascii: "\n")).compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any]
        }
        guard !lines.isEmpty, lines[0]["event"] as? String == "plan",
            let sizes = lines[0]["batchBytes"] as? [Int], let counts = lines[0]["batchLines"] as? [Int],
            let digests = lines[0]["batchSHA256"] as? [String], sizes.count == counts.count,
            sizes.count == digests.count
        else { return nil }
        lines.removeFirst()
        guard let changes = FileManager.default.contents(atPath: changesPath) else {
            throw JournalError(description: "the journal \(journalPath) has lost its change set \(changesPath)")
        }
        var batches: [[UInt8]] = []
        var offset = 0
        for size in sizes {
            guard offset + size <= changes.count else {
                throw JournalError(description: "the saved change set \(changesPath) is shorter than its journal says")
            }
            batches.append(Array(changes[offset..<offset + size]))
            offset += size + 1
        }
        let plan = UploadPlan(batches: batches, lineCounts: counts)
        guard plan.batchDigests == digests else {
            throw JournalError(description: "the saved change set \(changesPath) does not match its journal")
        }
        var saved = Saved(plan: plan, confirmed: [], sent: [])
        for record in lines {
            guard let batch = record["batch"] as? Int, (0..<sizes.count).contains(batch) else { continue }
            switch record["event"] as? String {
            case "sent": saved.sent.insert(batch)
            case "confirmed": saved.confirmed.insert(batch)
            default: break
            }
        }
        return saved
    }

    /// Saves `plan` and starts a new journal for it (replacing any other of the same key).
    public func start(plan: UploadPlan, datasetARN: String, manifest: String) throws(JournalError) {
        let folder = PathName.directory(of: journalPath)
        do {
            // The journal and change set hold request data: readable by the owner only.
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var changes = Data()
            for batch in plan.batches {
                changes.append(contentsOf: batch)
                changes.append(UInt8(ascii: "\n"))
            }
            try Self.writePrivately(changes, to: changesPath)
            let header: [String: Any] = [
                "event": "plan", "datasetArn": datasetARN, "manifest": manifest,
                "batchBytes": plan.batches.map(\.count), "batchLines": plan.lineCounts,
                "batchSHA256": plan.batchDigests, "at": Self.now(),
            ]
            let data = try JSONSerialization.data(
                withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes])
            try Self.writePrivately(data + Data([UInt8(ascii: "\n")]), to: journalPath)
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError(description: "cannot write the upload journal in \(folder)")
        }
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Records that batch `batch` (0-based) is about to be sent.
    public func recordSent(_ batch: Int) throws(JournalError) {
        try append("{\"at\":\"\(Self.now())\",\"batch\":\(batch),\"event\":\"sent\"}\n")
    }

    /// Records that the service confirmed batch `batch` (0-based).
    public func recordConfirmed(_ batch: Int) throws(JournalError) {
        try append("{\"at\":\"\(Self.now())\",\"batch\":\(batch),\"event\":\"confirmed\"}\n")
    }

    /// Removes the journal and its change set: the upload is complete.
    public func finish() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        try? FileManager.default.removeItem(atPath: journalPath)
        try? FileManager.default.removeItem(atPath: changesPath)
    }

    private func append(_ record: String) throws(JournalError) {
        if descriptor < 0 {
            descriptor = open(journalPath, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw JournalError(description: "cannot open \(journalPath): \(FileContents.systemReason())")
            }
        }
        let bytes = Array(record.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw JournalError(description: "cannot write \(journalPath): \(FileContents.systemReason())")
        }
    }

    /// Writes `data` to `path` through a temporary file created with mode 0600, synced, then renamed.
    private static func writePrivately(_ data: Data, to path: String) throws(JournalError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw JournalError(description: "cannot write \(temporary): \(FileContents.systemReason())")
        }
        defer { close(descriptor) }
        // A file left by an older version keeps its mode through O_TRUNC: set it.
        fchmod(descriptor, 0o600)
        let written = data.withUnsafeBytes { bytes in
            bytes.isEmpty ? 0 : write(descriptor, bytes.baseAddress, bytes.count)
        }
        guard written == data.count, fsync(descriptor) == 0, rename(temporary, path) == 0 else {
            throw JournalError(description: "cannot write \(path): \(FileContents.systemReason())")
        }
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
