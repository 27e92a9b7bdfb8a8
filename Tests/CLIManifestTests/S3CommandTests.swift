import Foundation
import ManifestUpload
import Testing
import _ManifestTestSupport
import _RekognitionTestServer

/// Commands on `s3://` manifests, against a real S3 implementation (moto's server; `.ci/run` installs it,
/// elsewhere these tests skip without it).
@Suite struct S3CommandTests {
    /// A moto server with the bundled samples in `s3://test-bucket/samples/`, and the environment that
    /// reaches it; nil (after saying why) when moto is not here.
    static func moto() throws -> (MotoServer, [String: String])? {
        guard let server = try MotoServer.started(whenMissing: { Issue.record(Comment(rawValue: $0)) }) else {
            return nil
        }
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url), transport: CurlTransport(),
            retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.02), timeout: 10)
        try client.createBucket("test-bucket")
        for name in ["typical-mistakes.manifest", "object-localization.manifest", "mixed.manifest"] {
            let bytes = try [UInt8](
                Data(contentsOf: SharedDirectory.packageRoot.appendingPathComponent("samples/\(name)")))
            try client.put(S3URI(bucket: "test-bucket", key: "samples/\(name)"), body: bytes)
        }
        let environment = [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_ENDPOINT_URL_S3": server.url.absoluteString,
            "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
        ]
        return (server, environment)
    }

    /// HTTPS through libcurl: a server whose certificate no trusted authority signed is refused with
    /// libcurl's reason, and trusted once `AWS_CA_BUNDLE` names the authority (as the AWS CLI takes it).
    @Test func httpsTrustsTheSystemsAuthoritiesOrAWSCABundle() throws {
        let missing = { (reason: String) -> Void in Issue.record(Comment(rawValue: reason)) }
        guard let openssl = InstalledProgram.required("openssl", package: "openssl", whenMissing: missing) else {
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = { (name: String) in directory.appendingPathComponent(name).path }
        try Data("subjectAltName=IP:127.0.0.1\n".utf8).write(to: URL(fileURLWithPath: file("ext")))
        for arguments in [
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file("ca.key"), "-out", file("ca.crt"),
                "-days", "2",
                "-subj", "/CN=clmanifest test authority",
            ],
            [
                "req", "-newkey", "rsa:2048", "-nodes", "-keyout", file("server.key"), "-out", file("server.csr"),
                "-subj", "/CN=127.0.0.1",
            ],
            [
                "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.crt"), "-CAkey", file("ca.key"),
                "-CAcreateserial", "-out", file("server.crt"), "-days", "2", "-extfile", file("ext"),
            ],
        ] {
            _ = try InstalledProgram.output(of: openssl, arguments)
        }
        #expect(FileManager.default.fileExists(atPath: file("server.crt")))
        guard
            let server = try MotoServer.started(
                whenMissing: missing, tls: (certificate: file("server.crt"), key: file("server.key")))
        else { return }
        #expect(server.url.scheme == "https")
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url),
            transport: CurlTransport(libraryPath: nil, certificateAuthorities: file("ca.crt")),
            retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.02), timeout: 10)
        try client.createBucket("tls-bucket")
        let manifest = try [UInt8](
            Data(contentsOf: SharedDirectory.packageRoot.appendingPathComponent("samples/typical-mistakes.manifest")))
        try client.put(S3URI(bucket: "tls-bucket", key: "train.manifest"), body: manifest)
        var environment = [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL_S3": server.url.absoluteString, "AWS_CONFIG_FILE": "/nonexistent",
            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent", "AWS_MAX_ATTEMPTS": "1", "AWS_CA_BUNDLE": "",
        ]
        let untrusted = try CommandRunner.run(["lint", "s3://tls-bucket/train.manifest"], environment: environment)
        #expect(untrusted.status == 2)
        #expect(untrusted.standardError.contains("SSL certificate problem"), "\(untrusted.standardError)")
        environment["AWS_CA_BUNDLE"] = file("ca.crt")
        let trusted = try CommandRunner.run(
            ["lint", "s3://tls-bucket/train.manifest", "--format", "jsonl"], environment: environment)
        let local = try CommandRunner.run(["lint", "samples/typical-mistakes.manifest", "--format", "jsonl"])
        #expect(trusted.status == 1, "\(trusted.standardError)")
        let count = { (output: String) in output.split(separator: "\n").count }
        #expect(count(trusted.standardOutput) == count(local.standardOutput) && count(local.standardOutput) > 10)
    }

    @Test func lintReadsAnS3ObjectAndNamesItsLines() throws {
        guard let (server, environment) = try Self.moto() else { return }
        _ = server
        let local = try CommandRunner.run(["lint", "samples/typical-mistakes.manifest", "--format", "jsonl"])
        let remote = try CommandRunner.run(
            ["lint", "s3://test-bucket/samples/typical-mistakes.manifest", "--format", "jsonl"],
            environment: environment)
        #expect(remote.status == local.status && remote.status == 1, "\(remote.standardError)")
        // The same findings, named by the object.
        #expect(
            remote.standardOutput
                == local.standardOutput.replacingOccurrences(
                    of: "\"samples/typical-mistakes.manifest\"",
                    with: "\"s3://test-bucket/samples/typical-mistakes.manifest\""))
        let text = try CommandRunner.run(
            ["lint", "s3://test-bucket/samples/typical-mistakes.manifest"], environment: environment)
        #expect(text.standardOutput.hasPrefix("s3://test-bucket/samples/typical-mistakes.manifest:1:"))
        // A local file and an object in one run.
        let both = try CommandRunner.run(
            ["lint", "samples/mixed.manifest", "s3://test-bucket/samples/mixed.manifest"], environment: environment)
        #expect(both.status == 0, "\(both.standardError)")
    }

    @Test func missingObjectsAndBadPathsAreErrorsNotCrashes() throws {
        guard let (server, environment) = try Self.moto() else { return }
        _ = server
        let missing = try CommandRunner.run(["lint", "s3://test-bucket/nothing.manifest"], environment: environment)
        #expect(missing.status == 2)
        #expect(
            missing.standardError.contains("no such key: s3://test-bucket/nothing.manifest"), "\(missing.standardError)"
        )
        let bucketOnly = try CommandRunner.run(["lint", "s3://test-bucket"], environment: environment)
        #expect(bucketOnly.status == 2)
        #expect(bucketOnly.standardError.contains("s3://BUCKET/KEY"))
        let fix = try CommandRunner.run(
            ["fix", "s3://test-bucket/samples/typical-mistakes.manifest"], environment: environment)
        #expect(fix.status == 2)
        #expect(fix.standardError.contains("--diff"))
    }

    @Test func statsAndFixDiffReadS3() throws {
        guard let (server, environment) = try Self.moto() else { return }
        _ = server
        let stats = try CommandRunner.run(
            ["stats", "s3://test-bucket/samples/object-localization.manifest", "--format", "json"],
            environment: environment)
        #expect(stats.status == 0, "\(stats.standardError)")
        #expect(stats.standardOutput.contains("\"DatasetStats\": {\"TotalEntries\": 20, \"LabeledEntries\": 20"))
        let diff = try CommandRunner.run(
            ["fix", "--diff", "s3://test-bucket/samples/typical-mistakes.manifest"], environment: environment)
        let localDiff = try CommandRunner.run(["fix", "--diff", "samples/typical-mistakes.manifest"])
        #expect(diff.status == localDiff.status)
        #expect(diff.standardOutput.hasPrefix("--- a/s3://test-bucket/samples/typical-mistakes.manifest\n"))
        // The same hunks as for the local copy.
        #expect(
            diff.standardOutput.split(separator: "\n").dropFirst(2)
                == localDiff.standardOutput.split(separator: "\n").dropFirst(2))
    }
}

extension S3CommandTests {
    @Test func diffAndSplitReadS3() throws {
        guard let (server, environment) = try Self.moto() else { return }
        _ = server
        let local = try CommandRunner.run(["diff", "samples/mixed.manifest", "samples/object-localization.manifest"])
        let remote = try CommandRunner.run(
            ["diff", "s3://test-bucket/samples/mixed.manifest", "samples/object-localization.manifest"],
            environment: environment)
        #expect(remote.status == local.status, "\(remote.standardError)")
        #expect(remote.standardOutput == local.standardOutput && !local.standardOutput.isEmpty)
        let split = try CommandRunner.run(
            ["split", "s3://test-bucket/samples/mixed.manifest", "--dry-run"], environment: environment)
        #expect(split.status == 0, "\(split.standardError)")
        #expect(split.standardOutput.hasPrefix("1 batch, 12 lines"))
    }
}

extension S3CommandTests {
    @Test func pullAndConvertWriteToS3() throws {
        guard let (server, environment) = try Self.moto() else { return }
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url), transport: CurlTransport(), timeout: 10)
        let rekognition = try FakeRekognitionServer()
        let lines = (0..<20).map { #"{"source-ref":"s3://bucket/\#($0).jpg"}"# }
        rekognition.seed(lines)
        var pullEnvironment = environment
        pullEnvironment["AWS_ACCESS_KEY_ID"] = FakeRekognitionServer.accessKeyID
        pullEnvironment["AWS_SECRET_ACCESS_KEY"] = FakeRekognitionServer.secretAccessKey
        let pulled = try CommandRunner.run(
            [
                "pull", "--dataset-arn", FakeRekognitionServer.datasetARN, "--endpoint-url",
                rekognition.url.absoluteString, "-o", "s3://test-bucket/pulled/train.manifest",
            ], environment: pullEnvironment)
        #expect(pulled.status == 0, "\(pulled.standardError)")
        let written = try client.get(S3URI(bucket: "test-bucket", key: "pulled/train.manifest"))
        #expect(Set(String(decoding: written, as: UTF8.self).split(separator: "\n").map(String.init)) == Set(lines))
        // convert's manifest, and a one-file export, to S3.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(ConvertCommandTests.coco.utf8).write(to: directory.appendingPathComponent("instances.json"))
        let converted = try CommandRunner.run(
            [
                "convert", "instances.json", "-o", "s3://test-bucket/converted.manifest", "--s3-prefix",
                "s3://bucket/dogs/",
            ],
            environment: environment, directory: directory.path)
        #expect(converted.status == 0, "\(converted.standardError)")
        let manifest = String(
            decoding: try client.get(S3URI(bucket: "test-bucket", key: "converted.manifest")), as: UTF8.self)
        #expect(manifest.hasPrefix(#"{"source-ref": "s3://bucket/dogs/a.jpg""#))
        let refused = try CommandRunner.run(
            [
                "convert", "samples/mixed.manifest", "--to", "yolo", "-o", "s3://test-bucket/yolo/", "--s3-prefix",
                "s3://x/",
            ],
            environment: environment)
        #expect(refused.status == 64 || refused.status == 2)
    }
}

extension S3CommandTests {
    @Test func uploadComparesWithAPriorInS3() throws {
        guard let (server, environment) = try Self.moto() else { return }
        _ = server
        let arn = "arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1690000000000"
        let arguments = [
            "upload", "samples/object-localization.manifest", "--dataset-arn", arn, "--dry-run", "--prior",
        ]
        let local = try CommandRunner.run(arguments + ["samples/mixed.manifest"], environment: environment)
        let remote = try CommandRunner.run(
            arguments + ["s3://test-bucket/samples/mixed.manifest"], environment: environment)
        #expect(remote.status == 0 && local.status == 0, "\(remote.standardError)")
        #expect(
            remote.standardOutput + remote.standardError
                == (local.standardOutput + local.standardError).replacingOccurrences(
                    of: "samples/mixed.manifest", with: "s3://test-bucket/samples/mixed.manifest"))
        #expect(remote.standardError.contains("20 added") || remote.standardOutput.contains("20 added"))
    }

    @Test func uploadSendsAManifestReadFromS3() throws {
        guard let (server, environment) = try Self.moto() else { return }
        _ = server
        let rekognition = try FakeRekognitionServer()
        var uploadEnvironment = environment
        uploadEnvironment["AWS_ACCESS_KEY_ID"] = FakeRekognitionServer.accessKeyID
        uploadEnvironment["AWS_SECRET_ACCESS_KEY"] = FakeRekognitionServer.secretAccessKey
        let state = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let arguments = [
            "upload", "s3://test-bucket/samples/object-localization.manifest", "--dataset-arn",
            FakeRekognitionServer.datasetARN, "--endpoint-url", rekognition.url.absoluteString, "--yes",
            "--state-dir", state,
        ]
        let sent = try CommandRunner.run(arguments, environment: uploadEnvironment)
        #expect(sent.status == 0, "\(sent.standardError)")
        let local = try String(contentsOfFile: "samples/object-localization.manifest", encoding: .utf8)
        let expected = Set(local.split(separator: "\n").map(String.init))
        #expect(Set(rekognition.dataset.entries.values) == expected)
        #expect(sent.standardError.contains("s3://test-bucket/samples/object-localization.manifest against"))
        // Sent again: nothing changed, nothing to send; a lint error names the object's line.
        let again = try CommandRunner.run(arguments, environment: uploadEnvironment)
        #expect(again.status == 0 && again.standardError.contains("nothing to upload"), "\(again.standardError)")
        let refused = try CommandRunner.run(
            [
                "upload", "s3://test-bucket/samples/typical-mistakes.manifest", "--dataset-arn",
                FakeRekognitionServer.datasetARN, "--endpoint-url", rekognition.url.absoluteString, "--yes",
                "--state-dir", state,
            ], environment: uploadEnvironment)
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("s3://test-bucket/samples/typical-mistakes.manifest:"))
        let missing = try CommandRunner.run(
            [
                "upload", "s3://test-bucket/none.manifest", "--dataset-arn", FakeRekognitionServer.datasetARN,
                "--endpoint-url", rekognition.url.absoluteString, "--yes", "--state-dir", state,
            ], environment: uploadEnvironment)
        #expect(missing.status == 2 && missing.standardError.contains("no such key"), "\(missing.standardError)")
    }

    @Test func convertReadsItsInputFromS3() throws {
        guard let (server, environment) = try Self.moto() else { return }
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url), transport: CurlTransport(), timeout: 10)
        try client.put(
            S3URI(bucket: "test-bucket", key: "exports/instances.json"), body: Array(ConvertCommandTests.coco.utf8))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(ConvertCommandTests.coco.utf8).write(to: directory.appendingPathComponent("instances.json"))
        let local = try CommandRunner.run(
            [
                "convert", "instances.json", "-o", "-", "--s3-prefix", "s3://bucket/dogs/", "--creation-date",
                "2024-01-01T00:00:00",
            ],
            environment: environment, directory: directory.path)
        let remote = try CommandRunner.run(
            [
                "convert", "s3://test-bucket/exports/instances.json", "-o", "-", "--s3-prefix", "s3://bucket/dogs/",
                "--creation-date", "2024-01-01T00:00:00",
            ], environment: environment, directory: directory.path)
        #expect(remote.status == local.status, "\(remote.standardError)")
        #expect(!remote.standardOutput.isEmpty && remote.standardOutput == local.standardOutput)
        // Detected by the object's name, and named by it in what is said.
        #expect(remote.standardError.contains("Reading 's3://test-bucket/exports/instances.json' as coco (detected)"))
        let prefix = try CommandRunner.run(
            ["convert", "s3://test-bucket/exports/", "-o", "-", "--s3-prefix", "s3://bucket/dogs/"],
            environment: environment)
        #expect(prefix.status == 2 && prefix.standardError.contains("aws s3 sync"), "\(prefix.standardError)")
        let missing = try CommandRunner.run(
            ["convert", "s3://test-bucket/exports/none.json", "-o", "-", "--s3-prefix", "s3://bucket/dogs/"],
            environment: environment)
        #expect(missing.status == 2 && missing.standardError.contains("no such key"), "\(missing.standardError)")
    }
}

/// `lint --images s3://…`: the images checked where they are, against moto.
@Suite struct S3ImageCommandTests {
    static let prefix = "s3://northwind-site-safety/ppe/camera-03/2024-06/"

    @Test func imagesInS3GiveTheFindingsOfTheirLocalCopies() throws {
        guard let (server, environment) = try S3CommandTests.moto() else { return }
        _ = server
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url), transport: CurlTransport(), timeout: 10)
        try client.createBucket("northwind-site-safety")
        let directory = SharedDirectory.packageRoot.appendingPathComponent("samples/images/camera-03")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
            try client.put(S3URI(bucket: "northwind-site-safety", key: "ppe/camera-03/2024-06/\(name)"), body: bytes)
        }
        let local = try CommandRunner.run(
            [
                "lint", "samples/with-images.manifest", "--images", "\(Self.prefix)=samples/images/camera-03",
                "--format", "jsonl",
            ])
        let remote = try CommandRunner.run(
            [
                "lint", "samples/with-images.manifest", "--images", Self.prefix, "--format", "jsonl",
                "--s3-concurrency", "4",
            ],
            environment: environment)
        #expect(remote.status == 1 && local.status == 1, "\(remote.standardError)")
        let codes = { (output: String) in
            output.split(separator: "\n").compactMap { line in
                line.firstMatch(of: /"line":(\d+),"column":(\d+),"code":"(CL\d+)"/).map { "\($0.1):\($0.2):\($0.3)" }
            }
        }
        #expect(!codes(local.standardOutput).isEmpty)
        #expect(codes(remote.standardOutput) == codes(local.standardOutput))
        // The missing image is named by its key.
        #expect(remote.standardOutput.contains("no such key: \(Self.prefix)frame_000103.jpg"))
    }

    /// libcurl is loaded only by the commands that reach AWS; without it they say so at once, untried.
    @Test(arguments: [
        ["lint", "s3://test-bucket/samples/mixed.manifest"],
        ["pull", "--dataset-arn", "arn:aws:rekognition:us-east-1:123456789012:project/p/dataset/train/1", "-o", "-"],
    ])
    func withoutLibcurlANetworkCommandSaysWhatToInstall(arguments: [String]) throws {
        let environment = [
            "CLMANIFEST_LIBCURL": "/nonexistent/libcurl.so.4", "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": "/nonexistent",
            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
        ]
        let started = Date()
        let result = try CommandRunner.run(arguments, environment: environment)
        #expect(result.status == 2)
        #expect(
            result.standardError.contains("this command needs libcurl (CLMANIFEST_LIBCURL=/nonexistent/libcurl.so.4)"))
        #expect(result.standardError.contains("install libcurl4 (Debian, Ubuntu)"))
        #expect(Date().timeIntervalSince(started) < 5, "not retried")
        // A local manifest needs no libcurl.
        let local = try CommandRunner.run(["lint", "samples/typical-mistakes.manifest"], environment: environment)
        #expect(local.status == 1)
        #expect(!local.standardError.contains("libcurl"))
    }
}
