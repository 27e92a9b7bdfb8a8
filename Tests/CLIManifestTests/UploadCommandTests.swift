import Foundation
import Testing
import _ManifestTestSupport
import _RekognitionTestServer

/// `clmanifest upload` and `clmanifest pull` against the local server, as a user runs them.
@Suite(.serialized) struct UploadCommandTests {
    /// One image-level entry; `version` changes its label.
    static func line(_ index: Int, version: Int = 1) -> String {
        let label = ["cat", "dog", "bird"][(index + version) % 3]
        return "{\"source-ref\":\"s3://bucket/images/\(index).jpg\",\"label\":\((index + version) % 3),"
            + "\"label-metadata\":{\"class-name\":\"\(label)\",\"confidence\":1,"
            + "\"type\":\"groundtruth/image-classification\",\"job-name\":\"labeling-job/v\(version)\","
            + "\"human-annotated\":\"yes\",\"creation-date\":\"2023-01-01T00:00:00\"}}"
    }

    /// A scratch directory with the manifest `lines` in `new.manifest`.
    static func workspace(_ lines: [String]) throws -> (directory: String, manifest: String) {
        let directory = NSTemporaryDirectory() + "clmanifest-upload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let manifest = directory + "/new.manifest"
        try lines.map { $0 + "\n" }.joined().write(toFile: manifest, atomically: true, encoding: .utf8)
        return (directory, manifest)
    }

    /// Credentials for the server, and no files of the user's.
    static let environment = [
        "AWS_ACCESS_KEY_ID": FakeRekognitionServer.accessKeyID,
        "AWS_SECRET_ACCESS_KEY": FakeRekognitionServer.secretAccessKey, "AWS_SESSION_TOKEN": "",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials", "AWS_CONFIG_FILE": "/nonexistent/config",
        "AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_PROFILE": "", "AWS_ENDPOINT_URL": "",
        "AWS_ENDPOINT_URL_REKOGNITION": "",
    ]

    static func arguments(_ server: FakeRekognitionServer, _ workspace: (directory: String, manifest: String))
        -> [String]
    {
        [
            "upload", workspace.manifest, "--dataset-arn", FakeRekognitionServer.datasetARN, "--endpoint-url",
            server.url.absoluteString, "--state-dir", workspace.directory + "/.clmanifest", "--isolated",
            "--poll-interval", "0.01", "--retry-base-delay", "0.01", "--read-timeout", "2",
        ]
    }

    /// Whether the server holds exactly `lines` (as sent, byte for byte).
    static func holdsExactly(_ server: FakeRekognitionServer, _ lines: [String]) -> Bool {
        let dataset = server.dataset
        guard dataset.entries.count == lines.count else { return false }
        for line in lines {
            let sourceRef = line.split(separator: "\"")[3]
            if dataset.entries[String(sourceRef)] != line { return false }
        }
        return true
    }

    @Test func uploadSendsOnlyWhatChangedAndSaysSo() throws {
        let server = try FakeRekognitionServer(pollsPerUpdate: 2)
        defer { server.stop() }
        let prior = (0..<300).map { Self.line($0) }
        server.seed(prior)
        let new = (0..<250).map { Self.line($0, version: $0 < 20 ? 2 : 1) } + (300..<330).map { Self.line($0) }
        let workspace = try Self.workspace(new)
        let result = try CommandRunner.run(
            Self.arguments(server, workspace) + ["--max-batch-bytes", "7000"], environment: Self.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "\(workspace.manifest) against the dataset: 30 added, 20 updated, 230 unchanged, 50 only in the dataset (kept there)"
        )
        #expect(
            lines.contains {
                $0.hasPrefix("plan: 50 lines, ")
                    && $0.hasSuffix("in 2 batches to \(FakeRekognitionServer.datasetARN) (us-east-1)")
            })
        #expect(lines.contains("batch 2/2: UPDATE_COMPLETE"))
        #expect(lines.last?.hasPrefix("uploaded 2 batches (50 lines) in ") == true)
        #expect(lines.last?.hasSuffix("; dataset UPDATE_COMPLETE, 330 entries") == true)
        let holds = Self.holdsExactly(
            server, (0..<250).map { Self.line($0, version: $0 < 20 ? 2 : 1) } + (250..<330).map { Self.line($0) })
        #expect(holds)
        #expect(server.requestCounts["UpdateDatasetEntries"] == 2)
        #expect(server.busyRefusals == 0)
        // Run again: nothing left to send, and the journal is gone.
        let again = try CommandRunner.run(Self.arguments(server, workspace), environment: Self.environment)
        #expect(again.status == 0)
        #expect(
            again.standardError.hasSuffix(
                "nothing to upload: the dataset has every entry of \(workspace.manifest) as it is\n"))
        #expect(server.requestCounts["UpdateDatasetEntries"] == 2)
        #expect(
            (try? FileManager.default.contentsOfDirectory(atPath: workspace.directory + "/.clmanifest/uploads")) ?? []
                == [])
    }

    @Test func dryRunPriorAllAndProjectLookup() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let workspace = try Self.workspace((0..<10).map { Self.line($0) })
        let prior = workspace.directory + "/prior.manifest"
        try (0..<5).map { Self.line($0) + "\n" }.joined().write(toFile: prior, atomically: true, encoding: .utf8)
        let dry = try CommandRunner.run(
            Self.arguments(server, workspace) + ["--prior", prior, "--dry-run"], environment: Self.environment)
        #expect(dry.status == 0)
        #expect(dry.standardError.contains("5 added, 0 updated, 5 unchanged, 0 only in \(prior)"))
        #expect(
            dry.standardError.contains("  batch 1: 5 lines, ") && dry.standardError.hasSuffix("dry run: nothing sent\n")
        )
        #expect(server.requestCounts["UpdateDatasetEntries"] == nil)
        var byProject = Self.arguments(server, workspace)
        byProject.replaceSubrange(
            2...3,
            with: ["--project", FakeRekognitionServer.project, "--dataset-type", "train", "--region", "us-east-1"])
        let all = try CommandRunner.run(byProject + ["--all", "--yes"], environment: Self.environment)
        #expect(all.status == 0, "\(all.standardError)")
        let holds = Self.holdsExactly(server, (0..<10).map { Self.line($0) })
        #expect(holds)
        let missing = try CommandRunner.run(
            byProject.map { $0 == "train" ? "test" : $0 } + ["--all"], environment: Self.environment)
        #expect(missing.status == 2)
        #expect(
            missing.standardError
                == "error: project 'test-project' has no test dataset in us-east-1 (DescribeProjects)\n")
    }

    @Test func lintErrorsStopTheUploadUnlessForced() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let tiny =
            #"{"source-ref":"s3://bucket/images/box.jpg","box":{"image_size":[{"width":100,"height":100,"depth":3}],"annotations":[{"class_id":0,"left":1,"top":1,"width":0,"height":5}]},"box-metadata":{"objects":[{"confidence":1}],"class-map":{"0":"cat"},"type":"groundtruth/object-detection","human-annotated":"yes","creation-date":"2023-01-01T00:00:00","job-name":"j"}}"#
        let workspace = try Self.workspace((0..<9).map { Self.line($0) } + [tiny])
        let refused = try CommandRunner.run(Self.arguments(server, workspace), environment: Self.environment)
        #expect(refused.status == 1)
        #expect(refused.standardOutput.hasPrefix("\(workspace.manifest):10:"))
        #expect(refused.standardError.contains("nothing sent. Fix them, or pass --force"))
        #expect(server.requestCounts.isEmpty, "nothing is asked of the service before lint passes")
        // Forced: sent; the service marks the box, and the finding comes back at line 10.
        let forced = try CommandRunner.run(
            Self.arguments(server, workspace) + ["--force"], environment: Self.environment)
        #expect(forced.status == 1)
        #expect(
            forced.standardOutput.contains(
                "\(workspace.manifest):10: error: [ERROR_BOUNDING_BOX_TOO_SMALL] the service reports: The height and width of the bounding box is too small."
            ))
        #expect(forced.standardError.contains("the service reports 1 error on entries of \(workspace.manifest)"))
        #expect(server.dataset.entries.count == 10)
        // Again: the errors the service wrote into the entry's annotation do not make it differ from its line.
        let again = try CommandRunner.run(
            Self.arguments(server, workspace) + ["--force"], environment: Self.environment)
        #expect(again.standardError.contains("nothing to upload"), "\(again.standardError)")
        #expect(server.requestCounts["UpdateDatasetEntries"] == 1)
    }

    @Test func updateFailedStopsWithExit3AndTheRerunResumes() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let lines = (0..<60).map { Self.line($0) }
        let workspace = try Self.workspace(lines)
        server.inject(.updateFailed("ERROR_MANIFEST_TOO_MANY_LABELS"), on: "UpdateDatasetEntries", after: 2)
        let arguments = Self.arguments(server, workspace) + ["--all", "--max-batch-bytes", "3000"]
        let failed = try CommandRunner.run(arguments, environment: Self.environment)
        #expect(failed.status == 3)
        #expect(
            failed.standardError.contains(
                "error: batch 3: the service ended the update with UPDATE_FAILED (CLIENT_ERROR): ERROR_MANIFEST_TOO_MANY_LABELS"
            ))
        #expect(
            failed.standardError.contains(
                "2 of 5 batches confirmed in the dataset; run the same command again to resume"))
        let resumed = try CommandRunner.run(arguments, environment: Self.environment)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(
            resumed.standardError.hasPrefix(
                "resuming an interrupted upload of \(workspace.manifest): 2 of 5 batches confirmed"))
        #expect(resumed.standardError.contains("batch 1/5: confirmed by an earlier run, skipped"))
        let holds = Self.holdsExactly(server, lines)
        #expect(holds)
        #expect(server.dataset.applications.values.allSatisfy { $0 == 1 })
    }

    @Test func killedMidRunResumesWithoutResendingConfirmedBatches() throws {
        // Each update takes 30 polls of 10 ms, so the process is killed while one is in flight.
        let server = try FakeRekognitionServer(pollsPerUpdate: 30)
        defer { server.stop() }
        let lines = (0..<100).map { Self.line($0) }
        let workspace = try Self.workspace(lines)
        let arguments = Self.arguments(server, workspace) + ["--all", "--max-batch-bytes", "5000"]
        let process = try CommandRunner.start(arguments, environment: Self.environment)
        let deadline = Date().addingTimeInterval(30)
        while (server.requestCounts["UpdateDatasetEntries"] ?? 0) < 3 && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let sentBeforeKill = server.requestCounts["UpdateDatasetEntries"] ?? 0
        #expect(sentBeforeKill == 3)
        let resumed = try CommandRunner.run(arguments, environment: Self.environment)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("2 of 5 batches confirmed"))
        let holds = Self.holdsExactly(server, lines)
        #expect(holds)
        // Batch 3 was in flight when the process died: sent again once (safe). Nothing else twice.
        let twice = server.dataset.applications.filter { $0.value > 1 }.count
        #expect(twice == 0 || twice == 20, "at most the one batch in flight")
        #expect(server.dataset.applications.values.allSatisfy { $0 <= 2 })
        #expect(server.busyRefusals == 0, "the resumed run waited for the update in flight")
    }

    @Test func faultsOnEveryCallStillEndWithTheIntendedDataset() throws {
        let server = try FakeRekognitionServer(pollsPerUpdate: 1)
        defer { server.stop() }
        let lines = (0..<120).map { Self.line($0) }
        let workspace = try Self.workspace(lines)
        let faults: [Fault] = [
            .throttle, .throughputExceeded, .internalError, .dropBeforeApplying, .dropAfterApplying,
            .internalErrorAfterApplying,
        ]
        server.injectRandomly(faults + [.busy], on: "UpdateDatasetEntries", rate: 0.3, seed: 7)
        server.injectRandomly(faults, on: "DescribeDataset", rate: 0.3, seed: 8)
        server.injectRandomly(faults, on: "ListDatasetEntries", rate: 0.3, seed: 9)
        let result = try CommandRunner.run(
            Self.arguments(server, workspace) + ["--max-batch-bytes", "4000"], environment: Self.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let holds = Self.holdsExactly(server, lines)
        #expect(holds)
        #expect((server.dataset.applications.values.max() ?? 0) <= 1 + server.unknownOutcomes)
        #expect(server.busyRefusals == 0)
    }

    /// The issue's acceptance scenario: a 250,000-line dataset, a manifest that changes 5% of it (6,250
    /// entries updated, 6,250 added), throttling, server faults and dropped connections on every call.
    @Test func aFivePercentChangeOfA250000LineManifestArrivesExactly() throws {
        let server = try FakeRekognitionServer(pollsPerUpdate: 2)
        defer { server.stop() }
        let prior = (0..<250_000).map { Self.line($0) }
        server.seed(prior)
        let new =
            (0..<243_750).map { Self.line($0, version: $0 % 39 == 0 ? 2 : 1) }
            + (250_000..<256_250).map { Self.line($0) }
        let workspace = try Self.workspace(new)
        let priorFile = workspace.directory + "/prior.manifest"
        try prior.map { $0 + "\n" }.joined().write(toFile: priorFile, atomically: true, encoding: .utf8)
        let faults: [Fault] = [.throttle, .throughputExceeded, .internalError, .dropBeforeApplying, .dropAfterApplying]
        server.injectRandomly(
            faults + [.internalErrorAfterApplying, .busy], on: "UpdateDatasetEntries", rate: 0.3, seed: 11)
        server.injectRandomly(faults, on: "DescribeDataset", rate: 0.2, seed: 12)
        let result = try CommandRunner.run(
            Self.arguments(server, workspace) + ["--prior", priorFile, "--max-batch-bytes", "400000"],
            environment: Self.environment)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains("6,250 added, 6,250 updated, 237,500 unchanged, 6,250 only in \(priorFile)"))
        let intended = new + (243_750..<250_000).map { Self.line($0) }
        let holds = Self.holdsExactly(server, intended)
        #expect(holds)
        let applied = server.dataset.applications
        #expect(applied.count == 12_500, "only the change set was applied")
        // An entry is applied again only when its batch was resent after an unknown outcome.
        #expect((applied.values.max() ?? 0) <= 1 + server.unknownOutcomes)
        #expect(applied.values.reduce(0, +) - 12_500 <= server.unknownOutcomes * 1_700)
        #expect(server.busyRefusals == 0)
        #expect(server.refusedCodes.count > 0, "faults were injected")
    }

    @Test func credentialProblemsAreExplained() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let workspace = try Self.workspace([Self.line(0)])
        var environment = Self.environment
        environment["AWS_ACCESS_KEY_ID"] = ""
        environment["AWS_SECRET_ACCESS_KEY"] = ""
        let none = try CommandRunner.run(Self.arguments(server, workspace), environment: environment)
        #expect(none.status == 2)
        #expect(
            none.standardError.hasPrefix(
                "error: no AWS credentials found: tried AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"))
        environment = Self.environment
        environment["AWS_SECRET_ACCESS_KEY"] = "wrong-secret"
        let wrong = try CommandRunner.run(Self.arguments(server, workspace) + ["--debug"], environment: environment)
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("InvalidSignatureException (HTTP 400)"))
        #expect(wrong.standardError.contains("debug: → POST"))
        #expect(!wrong.standardError.contains("wrong-secret"))
    }

    @Test func pullWritesTheDatasetAsAManifest() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let lines = (0..<230).map { Self.line($0) }
        server.seed(
            lines + [
                #"{"source-ref":"s3://bucket/x.jpg","cl-metadata":{"is_labeled":false},"warnings":[{"code":"WARNING_UNANNOTATED_RECORD","message":"Record is unannotated."}]}"#
            ])
        let workspace = try Self.workspace([])
        let output = workspace.directory + "/pulled.manifest"
        let pulled = try CommandRunner.run(
            [
                "pull", "--dataset-arn", FakeRekognitionServer.datasetARN, "--endpoint-url", server.url.absoluteString,
                "-o", output, "--strip-service-keys",
            ], environment: Self.environment)
        #expect(pulled.status == 0)
        #expect(pulled.standardError == "pulled 231 entries of \(FakeRekognitionServer.datasetARN) to \(output)\n")
        #expect(
            try String(contentsOfFile: output, encoding: .utf8)
                == (lines + [#"{"source-ref":"s3://bucket/x.jpg"}"#]).map { $0 + "\n" }.joined())
        let stdout = try CommandRunner.run(
            ["pull", "--dataset-arn", FakeRekognitionServer.datasetARN, "--endpoint-url", server.url.absoluteString],
            environment: Self.environment)
        #expect(
            stdout.standardOutput.hasSuffix(
                "\"warnings\":[{\"code\":\"WARNING_UNANNOTATED_RECORD\",\"message\":\"Record is unannotated.\"}]}\n"))
        let bad = try CommandRunner.run(["pull", "--project", "p"], environment: Self.environment)
        #expect(bad.status == 2 && bad.standardError.contains("--project needs --dataset-type train or test"))
    }

    /// Runs `clmanifest arguments` on a terminal (`script` gives it one) and answers `answer` at the prompt.
    static func runOnATerminal(_ arguments: [String], answer: String) throws -> (status: Int32, output: String) {
        let command = ([CommandRunner.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Answer once the question is on the terminal.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("[y/N]") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        try input.fileHandleForWriting.write(contentsOf: Data(answer.utf8))
        seen += output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: seen, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "skipped: no /usr/bin/script"))
    func answeringNoAtThePromptExitsOneAndSendsNothing() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let workspace = try Self.workspace((0..<3).map { Self.line($0) })
        let declined = try Self.runOnATerminal(Self.arguments(server, workspace) + ["--all"], answer: "n\n")
        #expect(declined.output.contains("send 1 batch to \(FakeRekognitionServer.datasetARN)? [y/N]"))
        #expect(declined.output.contains("nothing sent"))
        #expect(declined.status == 1)
        #expect(server.requestCounts["UpdateDatasetEntries"] == nil)
        let accepted = try Self.runOnATerminal(Self.arguments(server, workspace) + ["--all"], answer: "y\n")
        #expect(accepted.status == 0, "\(accepted.output)")
        #expect(server.requestCounts["UpdateDatasetEntries"] == 1)
    }

    /// Refusals that a re-run meets again exit 2 with the reason, and leave no journal to resume.
    @Test func permanentRefusalsExitTwoAndLeaveNoJournal() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let workspace = try Self.workspace((0..<3).map { Self.line($0) })
        var wrongSecret = Self.environment
        wrongSecret["AWS_SECRET_ACCESS_KEY"] = "not-the-secret"
        let denied = try CommandRunner.run(Self.arguments(server, workspace) + ["--all"], environment: wrongSecret)
        #expect(denied.status == 2, "\(denied.standardError)")
        #expect(denied.standardError.contains("the signature does not match"))
        #expect(denied.standardError.contains("nothing was applied"))
        #expect(!denied.standardError.contains("run the same command again to resume"))
        let unknown = try CommandRunner.run(
            Self.arguments(server, workspace).map {
                $0 == FakeRekognitionServer.datasetARN ? FakeRekognitionServer.datasetARN + "9" : $0
            } + ["--all"], environment: Self.environment)
        #expect(unknown.status == 2, "\(unknown.standardError)")
        #expect(unknown.standardError.contains("ResourceNotFoundException"))
        let journals = try CommandRunner.run(["journals", "--state-dir", workspace.directory + "/.clmanifest"])
        #expect(journals.standardError == "no upload journals in \(workspace.directory)/.clmanifest\n")
    }

    /// A dry run against a file needs no credentials, and no dry run writes anything to disk.
    @Test func aDryRunNeedsNoCredentialsAgainstAFileAndWritesNothing() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        server.seed((0..<2).map { Self.line($0) })
        let workspace = try Self.workspace((0..<3).map { Self.line($0) })
        let prior = workspace.directory + "/prior.manifest"
        try Self.line(0).appending("\n").write(toFile: prior, atomically: true, encoding: .utf8)
        var noCredentials = Self.environment
        noCredentials["AWS_ACCESS_KEY_ID"] = ""
        noCredentials["AWS_SECRET_ACCESS_KEY"] = ""
        let offline = try CommandRunner.run(
            [
                "upload", workspace.manifest, "--dataset-arn", FakeRekognitionServer.datasetARN, "--prior", prior,
                "--dry-run", "--state-dir", workspace.directory + "/.clmanifest", "--isolated",
            ],
            environment: noCredentials)
        #expect(offline.status == 0, "\(offline.standardError)")
        #expect(offline.standardError.contains("2 added, 0 updated, 1 unchanged"))
        #expect(
            offline.standardError.contains("(us-east-1)") && offline.standardError.contains("dry run: nothing sent"))
        // Against the live dataset: pulled into memory, compared, nothing written.
        let live = try CommandRunner.run(
            Self.arguments(server, workspace) + ["--dry-run"], environment: Self.environment)
        #expect(live.status == 0, "\(live.standardError)")
        #expect(live.standardError.contains("1 added, 0 updated, 2 unchanged"))
        #expect(!FileManager.default.fileExists(atPath: workspace.directory + "/.clmanifest"))
        #expect(server.requestCounts["UpdateDatasetEntries"] == nil)
    }

    /// `clmanifest journals` lists the journals kept, says which cannot be resumed, and removes them.
    @Test func journalsAreListedAndRemovable() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let workspace = try Self.workspace((0..<60).map { Self.line($0) })
        server.inject(.updateFailed("ERROR_MANIFEST_TOO_MANY_LABELS"), on: "UpdateDatasetEntries", after: 2)
        let arguments = Self.arguments(server, workspace) + ["--all", "--max-batch-bytes", "3000"]
        #expect(try CommandRunner.run(arguments, environment: Self.environment).status == 3)
        let stateDir = workspace.directory + "/.clmanifest"
        let listed = try CommandRunner.run(["journals", "--state-dir", stateDir])
        #expect(listed.status == 0)
        let fields = listed.standardOutput.split(separator: " ", omittingEmptySubsequences: true)
        let key = try #require(fields.first.map(String.init))
        #expect(listed.standardOutput.contains("2 of 5 batches confirmed"))
        #expect(listed.standardOutput.contains(FakeRekognitionServer.datasetARN))
        #expect(listed.standardOutput.hasSuffix(workspace.manifest + "\n"))
        // A damaged change set: listed as such (a resume would refuse it).
        try Data("x".utf8).write(to: URL(fileURLWithPath: stateDir + "/uploads/\(key).changes"))
        let damaged = try CommandRunner.run(["journals", "--state-dir", stateDir])
        #expect(damaged.standardOutput.contains("cannot be resumed: the saved change set"))
        let unknown = try CommandRunner.run(["journals", "--state-dir", stateDir, "--discard", "nope"])
        #expect(unknown.status == 2 && unknown.standardError.contains("no journal 'nope'"))
        let discarded = try CommandRunner.run(["journals", "--state-dir", stateDir, "--discard", key])
        #expect(discarded.status == 0 && discarded.standardError == "removed the journal \(key)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: stateDir + "/uploads").isEmpty)
    }
}
