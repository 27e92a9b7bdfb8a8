import Foundation
import Testing
import _ManifestTestSupport
import _RekognitionTestServer

/// `clmanifest update-dataset-entries` run as the AWS documentation shows `aws rekognition
/// update-dataset-entries`, against the local server; the bytes that arrive are checked.
@Suite(.serialized) struct UpdateDatasetEntriesCommandTests {
    static let arn = FakeRekognitionServer.datasetARN
    static let line = UploadCommandTests.line(1)
    static let environment = UploadCommandTests.environment

    static func run(_ server: FakeRekognitionServer, _ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["update-dataset-entries", "--endpoint-url", server.url.absoluteString, "--retry-base-delay", "0.01"]
                + arguments, environment: environment)
    }

    static func file(_ text: String, _ name: String) throws -> String {
        let directory = NSTemporaryDirectory() + "clmanifest-ude-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
        return "\(directory)/\(name)"
    }

    /// `"…"` with the JSON escapes of `text`.
    static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    @Test func theDocumentationsJSONFormWithRawInBase64Out() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let result = try Self.run(
            server,
            [
                "--dataset-arn", Self.arn, "--changes", "{\"GroundTruth\" : \(Self.jsonString(Self.line))}",
                "--cli-binary-format", "raw-in-base64-out",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty, "success prints nothing on standard output, as the AWS CLI")
        #expect(result.standardError.hasPrefix("sent 1 line to \(Self.arn); the update runs on"))
        #expect(server.receivedBlobs == [Array(Self.line.utf8)])
        #expect(server.requestCounts == ["UpdateDatasetEntries": 1], "one call, like the AWS CLI")
    }

    @Test func shorthandAndBase64ByDefault() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let two = Self.line + "\n" + UploadCommandTests.line(2)
        let shorthand = try Self.run(
            server,
            [
                "--dataset-arn", Self.arn, "--changes", "GroundTruth='\(two)'", "--cli-binary-format",
                "raw-in-base64-out",
            ])
        #expect(shorthand.status == 0, "\(shorthand.standardError)")
        let base64 = Data(UploadCommandTests.line(3).utf8).base64EncodedString()
        let encoded = try Self.run(
            server, ["--dataset-arn", Self.arn, "--changes", "{\"GroundTruth\": \"\(base64)\"}", "--wait"])
        #expect(encoded.status == 0, "\(encoded.standardError)")
        #expect(
            encoded.standardError.contains(
                "; dataset UPDATE_COMPLETE (The dataset was successfully updated.), 3 entries"))
        #expect(server.receivedBlobs == [Array(two.utf8), Array(UploadCommandTests.line(3).utf8)])
        // Raw JSON Lines where base64 is expected, as AWS CLI v1 scripts pass them: '{' is not base64, so they are
        // taken as they are (with a note), and one command line works with both AWS CLI versions.
        let raw = try Self.run(
            server, ["--dataset-arn", Self.arn, "--changes", "{\"GroundTruth\": \(Self.jsonString(Self.line))}"])
        #expect(raw.status == 0, "\(raw.standardError)")
        #expect(raw.standardError.contains("GroundTruth is JSON text, not base64: taken as the JSON Lines themselves"))
        #expect(server.receivedBlobs.count == 3 && server.receivedBlobs.last == Array(Self.line.utf8))
        // Text that is neither base64 nor JSON is still refused, with the hint.
        let neither = try Self.run(server, ["--dataset-arn", Self.arn, "--changes", "GroundTruth='not base64!'"])
        #expect(neither.status == 252)
        #expect(neither.standardError.contains("Invalid base64") && neither.standardError.contains("raw-in-base64-out"))
        let unquoted = try Self.run(server, ["--dataset-arn", Self.arn, "--changes", "GroundTruth=\(Self.line)"])
        #expect(unquoted.status == 252)
        #expect(server.receivedBlobs.count == 3)
    }

    @Test func fileValuesAndInputDocuments() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let changes = try Self.file("{\"GroundTruth\": \(Self.jsonString(Self.line))}\n", "changes.json")
        let fromFile = try Self.run(
            server,
            [
                "--dataset-arn", Self.arn, "--changes", "file://\(changes)", "--cli-binary-format", "raw-in-base64-out",
                "--wait",
            ])
        #expect(fromFile.status == 0, "\(fromFile.standardError)")
        let second = UploadCommandTests.line(2)
        let json = try Self.file(
            "{\"DatasetArn\": \"arn:aws:rekognition:us-east-1:123456789012:project/other/dataset/train/1\", "
                + "\"Changes\": {\"GroundTruth\": \"\(Data(second.utf8).base64EncodedString())\"}}", "input.json")
        // The command line's --dataset-arn wins over the document's.
        let input = try Self.run(server, ["--cli-input-json", "file://\(json)", "--dataset-arn", Self.arn, "--wait"])
        #expect(input.status == 0, "\(input.standardError)")
        let third = UploadCommandTests.line(3)
        let yaml = try Self.file("DatasetArn: \(Self.arn)\nChanges:\n  GroundTruth: |\n    \(third)\n", "input.yaml")
        let fromYAML = try Self.run(
            server, ["--cli-input-yaml", "file://\(yaml)", "--cli-binary-format", "raw-in-base64-out"])
        #expect(fromYAML.status == 0, "\(fromYAML.standardError)")
        #expect(server.receivedBlobs == [Array(Self.line.utf8), Array(second.utf8), Array((third + "\n").utf8)])
        let missing = try Self.run(
            server, ["--dataset-arn", Self.arn, "--changes", "file:///nonexistent/changes.json"])
        #expect(
            missing.status == 252
                && missing.standardError.contains("Unable to load paramfile file:///nonexistent/changes.json"))
    }

    @Test func skeletons() throws {
        let input = try CommandRunner.run(["update-dataset-entries", "--generate-cli-skeleton"])
        #expect(input.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(input.standardOutput.utf8)) as? [String: Any]
        #expect(object?["DatasetArn"] as? String == "")
        // As the AWS CLI prints a blob member: null (botocore's ArgumentGenerator).
        #expect((object?["Changes"] as? [String: Any])?["GroundTruth"] is NSNull)
        #expect(
            try CommandRunner.run(["update-dataset-entries", "--generate-cli-skeleton", "output"]).standardOutput
                == "{}\n")
        let yaml = try CommandRunner.run(["update-dataset-entries", "--generate-cli-skeleton", "yaml-input"])
            .standardOutput
        #expect(yaml.hasPrefix("DatasetArn: '' # [REQUIRED]"))
        // The YAML skeleton, filled in, is a valid --cli-input-yaml.
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let filled = yaml.replacingOccurrences(of: "DatasetArn: ''", with: "DatasetArn: '\(Self.arn)'")
            .replacingOccurrences(
                of: "GroundTruth: null", with: "GroundTruth: '\(Data(Self.line.utf8).base64EncodedString())'")
        let result = try Self.run(server, ["--cli-input-yaml", filled])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(server.receivedBlobs == [Array(Self.line.utf8)])
    }

    @Test func aBusyDatasetIsRefusedAsTheAWSCLIRefusesIt() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        server.beginForeignUpdate([], polls: 5)
        let raw = ["--cli-binary-format", "raw-in-base64-out"]
        let busy = try Self.run(server, ["--dataset-arn", Self.arn, "--changes", "GroundTruth='\(Self.line)'"] + raw)
        #expect(busy.status == 254)
        #expect(busy.standardError.contains("An error occurred (ResourceInUseException)"))
        #expect(busy.standardError.contains("the dataset is busy with another update; wait until it finishes"))
        // With --wait, the dataset is waited for first.
        let waited = try Self.run(
            server,
            ["--dataset-arn", Self.arn, "--changes", "GroundTruth='\(Self.line)'", "--wait", "--poll-interval", "0.01"]
                + raw)
        #expect(waited.status == 0, "\(waited.standardError)")
    }

    @Test func returnCodesFollowTheAWSCLI() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let raw = ["--cli-binary-format", "raw-in-base64-out"]
        #expect(try Self.run(server, ["--dataset-arn", Self.arn]).status == 252)
        #expect(
            try Self.run(server, ["--dataset-arn", Self.arn, "--changes", "GroundTruth=x", "--output", "xml"]).status
                == 252)
        let linted = try Self.run(
            server, ["--dataset-arn", Self.arn, "--changes", "GroundTruth='{\"source-ref\": 5}'"] + raw)
        #expect(linted.status == 252)
        #expect(linted.standardError.contains("nothing sent. Fix them, or pass --force"))
        var environment = Self.environment
        environment["AWS_ACCESS_KEY_ID"] = ""
        environment["AWS_SECRET_ACCESS_KEY"] = ""
        let noCredentials = try CommandRunner.run(
            [
                "update-dataset-entries", "--endpoint-url", server.url.absoluteString, "--dataset-arn", Self.arn,
                "--changes", "GroundTruth='\(Self.line)'",
            ] + raw, environment: environment)
        #expect(noCredentials.status == 253)
        let wrongArn = try Self.run(
            server,
            [
                "--dataset-arn", Self.arn.replacingOccurrences(of: "1700000000000", with: "1"), "--changes",
                "GroundTruth='\(Self.line)'",
            ] + raw)
        #expect(wrongArn.status == 254)
        #expect(
            wrongArn.standardError.hasPrefix(
                "\nAn error occurred (ResourceNotFoundException) when calling the UpdateDatasetEntries operation: The dataset"
            ))
        let unsigned = try Self.run(
            server, ["--dataset-arn", Self.arn, "--changes", "GroundTruth='\(Self.line)'", "--no-sign-request"] + raw)
        #expect(unsigned.status == 254)
        #expect(unsigned.standardError.contains("An error occurred (MissingAuthenticationTokenException)"))
        server.inject(.updateFailed("ERROR_MANIFEST_TOO_MANY_LABELS"), on: "UpdateDatasetEntries")
        let failed = try Self.run(
            server, ["--dataset-arn", Self.arn, "--changes", "GroundTruth='\(Self.line)'", "--wait"] + raw)
        #expect(failed.status == 254)
        #expect(failed.standardError.contains("UPDATE_FAILED (CLIENT_ERROR): ERROR_MANIFEST_TOO_MANY_LABELS"))
        // The advice names the command that was run.
        #expect(failed.standardError.contains("fix it and run `clmanifest update-dataset-entries` again"))
        #expect(!failed.standardError.contains("upload again"))
        let malformed = try Self.run(
            server, ["--dataset-arn", "not-an-arn", "--changes", "GroundTruth='\(Self.line)'"] + raw)
        #expect(malformed.status == 252 && malformed.standardError.contains("'not-an-arn' is not a dataset ARN"))
        // Options without effect here are accepted.
        let globals = try Self.run(
            server,
            [
                "--dataset-arn", Self.arn, "--changes", "GroundTruth='\(Self.line)'", "--output", "yaml", "--query",
                "x",
                "--no-paginate", "--color", "off", "--no-cli-pager", "--no-cli-auto-prompt", "--cli-read-timeout", "30",
                "--cli-connect-timeout", "5", "--no-verify-ssl", "--ca-bundle", "/x.pem", "--region", "us-east-1",
            ] + raw)
        #expect(globals.status == 0, "\(globals.standardError)")
    }

    @Test func a12MBChangeSetArrivesAsThreeBatchesEachWaitedFor() throws {
        let server = try FakeRekognitionServer(pollsPerUpdate: 2)
        defer { server.stop() }
        var lines: [String] = []
        var size = 0
        while size < 12_000_000 {
            let line = UploadCommandTests.line(lines.count)
            lines.append(line)
            size += line.utf8.count + 1
        }
        let changes = try Self.file(
            "{\"GroundTruth\": \(Self.jsonString(lines.joined(separator: "\n")))}", "changes.json")
        let result = try Self.run(
            server,
            [
                "--dataset-arn", Self.arn, "--changes", "file://\(changes)", "--cli-binary-format", "raw-in-base64-out",
                "--wait", "--poll-interval", "0.01",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains(
                "over the 5,242,880 bytes of one call: sending it in 3 batches, each waited for"))
        for batch in 1...3 { #expect(result.standardError.contains("batch \(batch)/3: UPDATE_COMPLETE")) }
        #expect(result.standardOutput.isEmpty)
        let blobs = server.receivedBlobs
        #expect(blobs.count == 3 && blobs.allSatisfy { $0.count <= 5_242_880 })
        let joined = blobs.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        #expect(joined == lines.joined(separator: "\n"), "the batches are the blob, cut at line ends")
        let holds = UploadCommandTests.holdsExactly(server, lines)
        #expect(holds)
        #expect(server.dataset.applications.values.allSatisfy { $0 == 1 })
        #expect(server.busyRefusals == 0)
    }

    /// A blob of exactly 5,242,880 bytes is one call, as the AWS CLI would send it; one byte more is two
    /// batches, each accepted by the server, which refuses any blob over the limit itself.
    @Test func theLimitHoldsToTheByte() throws {
        let server = try FakeRekognitionServer(pollsPerUpdate: 1)
        defer { server.stop() }
        // Lines of about 60 KB (a source-ref and a note), the last one cut to make the blob exactly `size` bytes.
        func line(_ index: Int, padding: Int) -> String {
            #"{"source-ref":"s3://bucket/p\#(100_000 + index).jpg","note":""# + String(repeating: "x", count: padding)
                + #""}"#
        }
        let overhead = line(0, padding: 0).utf8.count
        func blob(_ size: Int) -> String {
            var lines: [String] = []
            var remaining = size
            while true {
                let room = remaining - (lines.isEmpty ? 0 : 1)
                if room <= overhead + 60_000 {
                    lines.append(line(lines.count, padding: room - overhead))
                    return lines.joined(separator: "\n")
                }
                lines.append(line(lines.count, padding: 60_000))
                remaining -= (lines.count == 1 ? 0 : 1) + overhead + 60_000
            }
        }
        let raw = ["--cli-binary-format", "raw-in-base64-out", "--poll-interval", "0.01"]
        for (size, calls) in [(5_242_880, 1), (5_242_881, 2)] {
            let text = blob(size)
            #expect(text.utf8.count == size, "the blob is \(text.utf8.count) bytes")
            let changes = try Self.file("{\"GroundTruth\": \(Self.jsonString(text))}", "changes.json")
            let before = server.receivedBlobs.count
            let result = try Self.run(server, ["--dataset-arn", Self.arn, "--changes", "file://\(changes)"] + raw)
            #expect(result.status == 0, "\(size): \(result.standardError)")
            #expect(server.receivedBlobs.count - before == calls, "\(size) bytes")
        }
    }
}
