import Foundation
import ManifestUpload
import Testing
import _RekognitionTestServer

/// Upload scenarios against the local server, faults injected: after each, the dataset holds exactly
/// the intended entries, each applied once, except a batch resent once after an unknown outcome.
@Suite struct DatasetUploaderTests {
    /// 40 entries already in the dataset; the change set updates 10 of them and adds 20 (in batches of 5).
    struct Scenario {
        let prior = ServerFixture.lines(0..<40)
        let changes = ServerFixture.lines(30..<40, version: 2) + ServerFixture.lines(40..<60, version: 2)
        var intended: [String: NSDictionary] {
            var entries: [String: NSDictionary] = [:]
            for line in prior + changes {
                let object = ServerFixture.parsed(line)
                entries[object["source-ref"] as? String ?? ""] = object
            }
            return entries
        }

        func plan(maxBatchBytes: Int) throws -> UploadPlan {
            let text = changes.map { $0 + "\n" }.joined()
            return try UploadPlan(
                changeSet: Array(text.utf8), lineSizes: changes.map { $0.utf8.count + 1 }, maxBatchBytes: maxBatchBytes)
        }
    }

    static let batchBytes = 5 * (ServerFixture.lines(40..<41, version: 2)[0].utf8.count + 1)

    /// Runs the scenario with `faults` on `UpdateDatasetEntries` and returns the fixture and report.
    func run(_ faults: [Fault], on operation: String = "UpdateDatasetEntries", polls: Int = 1) throws -> (
        ServerFixture, DatasetUploader.Report, Scenario
    ) {
        let scenario = Scenario()
        let fixture = try ServerFixture(pollsPerUpdate: polls, timeout: 1)
        fixture.server.seed(scenario.prior)
        for fault in faults { fixture.server.inject(fault, on: operation) }
        let plan = try scenario.plan(maxBatchBytes: Self.batchBytes)
        #expect(plan.batches.count == 6)
        let report = try fixture.uploader().upload(plan, journal: nil)
        return (fixture, report, scenario)
    }

    func appliedTwice(_ fixture: ServerFixture) -> [String] {
        fixture.server.dataset.applications.filter { $0.value > 1 }.map(\.key).sorted()
    }

    @Test func everyBatchIsSentOnceAndWaitedFor() throws {
        let (fixture, report, scenario) = try run([], polls: 3)
        defer { fixture.server.stop() }
        #expect(report.confirmed == 6 && report.resends == 0)
        #expect(fixture.entries == scenario.intended)
        #expect(appliedTwice(fixture).isEmpty)
        #expect(fixture.server.busyRefusals == 0, "never two updates in flight")
        #expect(fixture.server.requestCounts["UpdateDatasetEntries"] == 6)
        #expect(report.final?.status == .updateComplete)
    }

    @Test func throttlingIsRetriedWithoutResending() throws {
        let (fixture, report, scenario) = try run([.throttle, .throttle, .throughputExceeded])
        defer { fixture.server.stop() }
        #expect(fixture.entries == scenario.intended)
        #expect(appliedTwice(fixture).isEmpty)
        #expect(report.resends == 0)
        #expect(fixture.server.requestCounts["UpdateDatasetEntries"] == 9)
    }

    @Test(arguments: [Fault.dropBeforeApplying, .internalError])
    func aFailureBeforeApplyingIsResentOnce(fault: Fault) throws {
        let (fixture, report, scenario) = try run([fault])
        defer { fixture.server.stop() }
        #expect(fixture.entries == scenario.intended)
        #expect(appliedTwice(fixture).isEmpty)
        #expect(report.resends == 1)
    }

    @Test(arguments: [Fault.dropAfterApplying, .internalErrorAfterApplying])
    func aFailureAfterApplyingWaitsThenResendsTheSameBatch(fault: Fault) throws {
        let (fixture, report, scenario) = try run([fault], polls: 2)
        defer { fixture.server.stop() }
        #expect(fixture.entries == scenario.intended)
        #expect(report.resends == 1)
        // The first batch was applied, then resent once: its five entries, and nothing else, twice.
        #expect(
            appliedTwice(fixture)
                == ServerFixture.lines(30..<35).map { "\(ServerFixture.parsed($0)["source-ref"] ?? "")" }.sorted())
        #expect(fixture.server.busyRefusals == 0, "waited for the dataset before resending")
    }

    @Test func aSlowAnswerIsAnUnknownOutcome() throws {
        let (fixture, report, scenario) = try run([.slow(2.5)])
        defer { fixture.server.stop() }
        #expect(fixture.entries == scenario.intended)
        #expect(report.resends == 1)
        #expect(appliedTwice(fixture).count <= 5)
    }

    @Test func aGarbledAcceptanceIsAnUnknownOutcome() throws {
        // The server answers 200 with a page that is not its JSON, and applies nothing.
        let (fixture, report, scenario) = try run([.garbledAnswer])
        defer { fixture.server.stop() }
        #expect(fixture.entries == scenario.intended)
        #expect(report.resends == 1)
        #expect(appliedTwice(fixture).isEmpty)
    }

    @Test func throttledAndSlowPollsAreRetried() throws {
        let (fixture, _, scenario) = try run(
            [.throttle, .internalError, .dropAfterApplying, .throttle], on: "DescribeDataset")
        defer { fixture.server.stop() }
        #expect(fixture.entries == scenario.intended)
        #expect(appliedTwice(fixture).isEmpty)
    }

    @Test func aBusyDatasetIsWaitedFor() throws {
        let scenario = Scenario()
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        fixture.server.seed(scenario.prior)
        fixture.server.beginForeignUpdate(ServerFixture.lines(100..<101), polls: 3)
        let events = EventLog()
        let report = try fixture.uploader(events: events).upload(
            try scenario.plan(maxBatchBytes: Self.batchBytes), journal: nil)
        #expect(report.confirmed == 6)
        #expect(events.events.contains { if case .waitingForDataset = $0 { return true } else { return false } })
        #expect(fixture.server.busyRefusals == 0)
        #expect(fixture.server.dataset.entries.count == 61)
    }

    @Test func resourceInUseMeansWaitAndResend() throws {
        // The dataset looked idle, but another client's update got in first: wait for it, send again.
        let (fixture, report, scenario) = try run([.busy])
        defer { fixture.server.stop() }
        #expect(fixture.entries == scenario.intended)
        #expect(report.resends == 1)
        #expect(appliedTwice(fixture).isEmpty)
    }

    @Test func updateFailedStopsAndSaysWhy() throws {
        let scenario = Scenario()
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        fixture.server.seed(scenario.prior)
        fixture.server.inject(.throttle, on: "UpdateDatasetEntries")
        fixture.server.inject(.updateFailed("ERROR_MANIFEST_TOO_MANY_LABELS"), on: "UpdateDatasetEntries")
        var thrown: UploadError?
        let plan = try scenario.plan(maxBatchBytes: Self.batchBytes)
        do {
            _ = try fixture.uploader().upload(plan, journal: nil)
        } catch {
            thrown = error
        }
        let text = "\(thrown.map { "\($0)" } ?? "none")"
        #expect(
            text.hasPrefix(
                "batch 1: the service ended the update with UPDATE_FAILED (CLIENT_ERROR): ERROR_MANIFEST_TOO_MANY_LABELS"
            ))
        #expect(fixture.server.requestCounts["UpdateDatasetEntries"] == 2, "no batch after a failed one")
        #expect(
            fixture.entries
                == Scenario().prior.reduce(into: [:]) {
                    $0[ServerFixture.parsed($1)["source-ref"] as? String ?? ""] = ServerFixture.parsed($1)
                })
    }

    @Test func aJournalResumesWithoutResendingConfirmedBatches() throws {
        let scenario = Scenario()
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        fixture.server.seed(scenario.prior)
        let directory = NSTemporaryDirectory() + "clmanifest-journal-\(UUID().uuidString)"
        let plan = try scenario.plan(maxBatchBytes: Self.batchBytes)
        let journal = UploadJournal(directory: directory, key: "k")
        try journal.start(plan: plan, datasetARN: FakeRekognitionServer.datasetARN, manifest: "new.manifest")
        // The first run stops at the fourth batch.
        fixture.server.inject(.updateFailed("stopped"), on: "UpdateDatasetEntries", after: 3)
        #expect(throws: UploadError.self) { try fixture.uploader().upload(plan, journal: journal) }
        let saved = try #require(try UploadJournal(directory: directory, key: "k").load())
        #expect(saved.confirmed == [0, 1, 2] && saved.sent == [0, 1, 2, 3])
        #expect(saved.plan == plan)
        let before = fixture.server.requestCounts["UpdateDatasetEntries"] ?? 0
        let resumed = try fixture.uploader().upload(saved.plan, confirmed: saved.confirmed, journal: journal)
        #expect(resumed.skipped == 3 && resumed.confirmed == 3)
        #expect(fixture.server.requestCounts["UpdateDatasetEntries"] == before + 3)
        #expect(fixture.entries == scenario.intended)
        #expect(appliedTwice(fixture).isEmpty)
        journal.finish()
        #expect(try UploadJournal(directory: directory, key: "k").load() == nil)
    }

    @Test func aTornJournalRecordIsIgnored() throws {
        let directory = NSTemporaryDirectory() + "clmanifest-journal-\(UUID().uuidString)"
        let plan = try Scenario().plan(maxBatchBytes: Self.batchBytes)
        let journal = UploadJournal(directory: directory, key: "t")
        try journal.start(plan: plan, datasetARN: "arn", manifest: "m")
        try journal.recordSent(0)
        try journal.recordConfirmed(0)
        let handle = try #require(FileHandle(forWritingAtPath: journal.journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"at\":\"x\",\"batch\":1,\"ev".utf8))
        try handle.close()
        let saved = try #require(try journal.load())
        #expect(saved.confirmed == [0])
        // A change set altered on disk is refused, not trusted: one byte changed, the length the same (so the
        // digests, not the sizes, must catch it), and a shorter file.
        let original = try Data(contentsOf: URL(fileURLWithPath: journal.changesPath))
        var altered = original
        altered[altered.count / 2] ^= 0x01
        try altered.write(to: URL(fileURLWithPath: journal.changesPath))
        #expect(
            throws: UploadJournal.JournalError(
                description: "the saved change set \(journal.changesPath) does not match its journal")
        ) {
            try journal.load()
        }
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: journal.changesPath))
        #expect(throws: UploadJournal.JournalError.self) { try journal.load() }
        try original.write(to: URL(fileURLWithPath: journal.changesPath))
        #expect(try journal.load()?.confirmed == [0])
    }

    @Test func aLineLargerThanABatchIsRefused() {
        #expect(throws: UploadPlan.OversizeLine(position: 2, size: 11)) {
            try UploadPlan(changeSet: Array("{\"a\":1}\n{\"b\":22222}\n".utf8), lineSizes: [8, 11], maxBatchBytes: 10)
        }
    }

    @Test func planBatchesAreWholeLinesWithoutTheFinalNewline() throws {
        let plan = try UploadPlan(changeSet: Array("a\nbb\r\ncc\nd\n".utf8), lineSizes: [2, 4, 3, 2], maxBatchBytes: 6)
        #expect(plan.batches.map { String(decoding: $0, as: UTF8.self) } == ["a\nbb", "cc\nd"])
        #expect(plan.lineCounts == [2, 2])
        let all = UploadPlan.allLines(of: Array("a\n\n  \nb".utf8))
        #expect(String(decoding: all.changeSet, as: UTF8.self) == "a\nb\n" && all.lineSizes == [2, 2])
    }
}
