import Foundation
import ManifestUpload
import Testing
import _ManifestTestSupport
import _RekognitionTestServer

/// `clmanifest reconcile`: the service's findings at the local lines, in every format, and the agreement
/// with lint; from files, from S3 (moto and the fault server) and from ListDatasetEntries.
@Suite struct ReconcileCommandTests {
    static let box =
        #""bounding-box":{"image_size":[{"width":640,"height":480,"depth":3}],"annotations":[{"class_id":0,"top":10,"#
        + #""left":10,"width":100,"height":100}]},"bounding-box-metadata":{"objects":[{"confidence":1}],"#
        + #""class-map":{"0":"cat"},"type":"groundtruth/object-detection","human-annotated":"yes","#
        + #""creation-date":"2024-01-01T00:00:00","job-name":"j"}"#
    /// Four images: a good one, one whose box is 1 × 1 (lint CL304 predicts the service's error), one whose
    /// image is broken (nothing lint can see), and one without labels.
    static let local =
        [
            #"{"source-ref":"s3://bucket/good.jpg",\#(box)}"#,
            #"{"source-ref":"s3://bucket/tiny.jpg",\#(box.replacingOccurrences(of: #""width":100,"height":100"#, with: #""width":1,"height":1"#))}"#,
            #"{"source-ref":"s3://bucket/broken.jpg",\#(box)}"#,
            #"{"source-ref":"s3://bucket/bare.jpg"}"#,
        ].joined(separator: "\n") + "\n"

    /// What training wrote: the same lines in another order, with errors and warnings added.
    static let validation =
        [
            #"{"source-ref":"s3://bucket/bare.jpg","warnings":[{"code":"WARNING_UNANNOTATED_RECORD","message":"Record is unannotated."}]}"#,
            local.split(separator: "\n")[1].replacingOccurrences(
                of: #""width":1,"height":1}"#,
                with:
                    #""width":1,"height":1,"errors":[{"code":"ERROR_BOUNDING_BOX_TOO_SMALL","message":"The height and width of the bounding box is too small."}]}"#
            ),
            String(local.split(separator: "\n")[0]),
            #"{"source-ref":"s3://bucket/broken.jpg",\#(box),"errors":[{"code":"ERROR_INVALID_IMAGE","message":"The image is invalid. Check S3 path and/or image properties."}]}"#,
        ].joined(separator: "\n") + "\n"

    static let summary = """
        {"statistics": {"training": {"use_case": "OBJECT_LOCALIZATION", "total_json_lines": 4, "valid_json_lines": 2,
          "invalid_json_lines": 1, "ignored_json_lines": 1, "error_json_line_indices": [3], "errors": []}},
         "errors": []}
        """

    /// A folder with the local manifest, the validation manifest and the summary.
    static func folder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(local.utf8).write(to: directory.appendingPathComponent("train.manifest"))
        try Data(validation.utf8).write(to: directory.appendingPathComponent("training_manifest_with_validation.json"))
        try Data(summary.utf8).write(to: directory.appendingPathComponent("manifest_summary.json"))
        return directory
    }

    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func filesGiveFindingsAtLocalLinesAndTheAgreement() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CommandRunner.run(
            [
                "reconcile", "train.manifest", "training_manifest_with_validation.json", "manifest_summary.json",
                "--format", "jsonl", "--agreement", "json", "--agreement-output", "agreement.json",
            ], directory: directory.path)
        #expect(run.status == 1, "\(run.standardError)")
        let findings = try Self.objects(run.standardOutput)
        #expect(
            findings.map { "\($0["line"] ?? "-") \($0["code"] ?? "") \($0["severity"] ?? "")" } == [
                "2 ERROR_BOUNDING_BOX_TOO_SMALL error", "3 ERROR_INVALID_IMAGE error",
                "4 WARNING_UNANNOTATED_RECORD warning",
            ])
        #expect(findings[0]["pointer"] as? String == "/bounding-box/annotations/0")
        #expect(
            findings[0]["column"] as? Int == Self.column(of: #"{"class_id":0,"top":10,"left":10,"width":1"#, line: 2))
        #expect(findings.allSatisfy { $0["name"] as? String == "reported-by-service" })
        #expect(run.standardError.contains("manifest_summary.json (training): 4 lines, 2 valid, 1 invalid, 1 ignored"))
        let agreement = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("agreement.json")))
                as? [String: Any])
        #expect(agreement["coveredLines"] as? Int == 4 && agreement["lines"] as? Int == 4)
        let predicted = try #require(agreement["predicted"] as? [[String: Any]])
        let missed = try #require(agreement["missed"] as? [[String: Any]])
        #expect(
            predicted.map { "\($0["line"] ?? "") \($0["code"] ?? "")" }.sorted() == [
                "2 ERROR_BOUNDING_BOX_TOO_SMALL", "4 WARNING_UNANNOTATED_RECORD",
            ])
        #expect(missed.map { "\($0["line"] ?? "") \($0["code"] ?? "")" } == ["3 ERROR_INVALID_IMAGE"])
        // Standard input is refused; the table goes to standard error; only warnings from the service: exit 0.
        let standardInput = try CommandRunner.run(
            ["reconcile", "train.manifest", "-"], input: nil, directory: directory.path)
        #expect(standardInput.status == 2 && standardInput.standardError.contains("not standard input"))
        try Data(Self.validation.split(separator: "\n")[0].utf8).write(
            to: directory.appendingPathComponent("testing_manifest_with_validation.json"))
        let table = try CommandRunner.run(
            ["reconcile", "train.manifest", "testing_manifest_with_validation.json"], directory: directory.path)
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput.hasPrefix("train.manifest:4: warning: [WARNING_UNANNOTATED_RECORD]"))
        #expect(table.standardError.contains("Agreement with lint on train.manifest"))
        #expect(table.standardError.contains("cover 1 of 4 lines"))
    }

    /// The 1-based column, in characters, where `text` starts in line `line` of the local manifest.
    static func column(of text: String, line: Int) -> Int? {
        let content = String(local.split(separator: "\n")[line - 1])
        guard let range = content.range(of: text) else { return nil }
        return content.unicodeScalars.distance(from: content.startIndex, to: range.lowerBound) + 1
    }

    @Test func everyFormatCarriesTheServiceCodes() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["text", "full", "json", "sarif", "github", "junit"] {
            let run = try CommandRunner.run(
                [
                    "reconcile", "train.manifest", "training_manifest_with_validation.json", "--format", format,
                    "--agreement", "none",
                ], directory: directory.path)
            #expect(run.status == 1, "\(format): \(run.standardError)")
            for code in ["ERROR_BOUNDING_BOX_TOO_SMALL", "ERROR_INVALID_IMAGE", "WARNING_UNANNOTATED_RECORD"] {
                #expect(run.standardOutput.contains(code), "\(format) lacks \(code)")
            }
        }
    }

    @Test func badInputIsAClearErrorAndNothingIsLost() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try CommandRunner.run(["reconcile", "train.manifest", "none.json"], directory: directory.path)
        #expect(missing.status == 2 && missing.standardError.contains("cannot read 'none.json'"))
        let nothing = try CommandRunner.run(["reconcile", "train.manifest"], directory: directory.path)
        #expect(nothing.status == 2 && nothing.standardError.contains("--dataset-arn"))
        // A line that is not JSON is skipped with a warning; a finding on an image not in the manifest is kept.
        try Data(
            ("garbage\n" + #"{"source-ref":"s3://bucket/other.jpg","errors":[{"code":"ERROR_INVALID_IMAGE"}]}"# + "\n")
                .utf8
        ).write(to: directory.appendingPathComponent("odd.json"))
        let odd = try CommandRunner.run(
            ["reconcile", "train.manifest", "odd.json", "--format", "jsonl"], directory: directory.path)
        #expect(odd.status == 1)
        #expect(odd.standardError.contains("warning: odd.json:1 is not a JSON object; skipped"))
        let findings = try Self.objects(odd.standardOutput)
        #expect(findings.count == 1 && findings[0]["line"] is NSNull)
        #expect((findings[0]["message"] as? String)?.contains("s3://bucket/other.jpg (odd.json line 2)") == true)
    }

    @Test func readsFromS3AndFromTheDataset() throws {
        guard let (server, environment) = try S3CommandTests.moto() else { return }
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url), transport: CurlTransport(), timeout: 10)
        try client.put(S3URI(bucket: "test-bucket", key: "train.manifest"), body: Array(Self.local.utf8))
        try client.put(
            S3URI(bucket: "test-bucket", key: "output/training_manifest_with_validation.json"),
            body: Array(Self.validation.utf8))
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let local = try CommandRunner.run(
            ["reconcile", "train.manifest", "training_manifest_with_validation.json", "--format", "jsonl"],
            directory: directory.path)
        let remote = try CommandRunner.run(
            [
                "reconcile", "s3://test-bucket/train.manifest",
                "s3://test-bucket/output/training_manifest_with_validation.json", "--format", "jsonl",
            ], environment: environment)
        #expect(remote.status == 1, "\(remote.standardError)")
        #expect(
            remote.standardOutput
                == local.standardOutput.replacingOccurrences(
                    of: "\"train.manifest\"", with: "\"s3://test-bucket/train.manifest\""))
        // ListDatasetEntries: the dataset's entries carry the errors.
        let rekognition = try FakeRekognitionServer()
        rekognition.seed(Self.validation.split(separator: "\n").map(String.init))
        let listed = try CommandRunner.run(
            [
                "reconcile", "train.manifest", "--dataset-arn", FakeRekognitionServer.datasetARN,
                "--rekognition-endpoint-url", rekognition.url.absoluteString, "--format", "jsonl",
            ],
            environment: [
                "AWS_ACCESS_KEY_ID": FakeRekognitionServer.accessKeyID,
                "AWS_SECRET_ACCESS_KEY": FakeRekognitionServer.secretAccessKey, "AWS_REGION": "us-east-1",
                "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
            ], directory: directory.path)
        #expect(listed.status == 1, "\(listed.standardError)")
        #expect(listed.standardOutput == local.standardOutput)
    }

    @Test func aValidationManifestReadThroughS3FaultsIsTheSame() throws {
        let server = try FakeS3Server()
        server.put(bucket: "out", key: "v.json", Array(Self.validation.utf8))
        server.inject([.slowDown, .internalError, .reset])
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
        ]
        let remote = try CommandRunner.run(
            [
                "reconcile", "train.manifest", "s3://out/v.json", "--endpoint-url", server.url.absoluteString,
                "--retry-base-delay", "0.01", "--format", "jsonl", "--agreement", "none",
            ], environment: environment, directory: directory.path)
        let local = try CommandRunner.run(
            [
                "reconcile", "train.manifest", "training_manifest_with_validation.json", "--format", "jsonl",
                "--agreement", "none",
            ], directory: directory.path)
        #expect(remote.status == 1, "\(remote.standardError)")
        #expect(remote.standardOutput == local.standardOutput && !local.standardOutput.isEmpty)
        server.inject([.denied])
        let denied = try CommandRunner.run(
            [
                "reconcile", "train.manifest", "s3://out/v.json", "--endpoint-url", server.url.absoluteString,
                "--retry-base-delay", "0.01",
            ], environment: environment, directory: directory.path)
        #expect(denied.status == 2 && denied.standardError.contains("access denied"), "\(denied.standardError)")
    }
}
