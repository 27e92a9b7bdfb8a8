import Foundation
import Testing
import _ManifestTestSupport
import _RekognitionTestServer

/// Credentials never appear in any output, `--debug` log, error or journal, and the files that hold
/// request data are the owner's alone.
@Suite(.serialized) struct SecretsTests {
    static let token = "IQoJb3JpZ2luX2VjSESSIONTOKENthatMustNotLeak"

    /// Fails when `text` holds the secret key or the session token, naming where.
    private func expectNoSecrets(_ text: String, in place: String) {
        #expect(!text.contains(FakeRekognitionServer.secretAccessKey), "the secret key is in \(place)")
        #expect(!text.contains(Self.token), "the session token is in \(place)")
    }

    private var environment: [String: String] {
        var environment = UploadCommandTests.environment
        environment["AWS_SESSION_TOKEN"] = Self.token
        return environment
    }

    @Test func debugLogsErrorsAndJournalsHoldNoSecrets() throws {
        let server = try FakeRekognitionServer(sessionToken: Self.token)
        defer { server.stop() }
        let lines = (0..<40).map { UploadCommandTests.line($0) }
        let workspace = try UploadCommandTests.workspace(lines)
        // The third batch fails, so the journal stays behind to be read.
        server.inject(.updateFailed("ERROR_MANIFEST_TOO_MANY_LABELS"), on: "UpdateDatasetEntries", after: 2)
        let arguments =
            UploadCommandTests.arguments(server, workspace) + ["--all", "--max-batch-bytes", "3000", "--debug"]
        let upload = try CommandRunner.run(arguments, environment: environment)
        #expect(upload.status == 3)
        #expect(upload.standardError.contains("X-Amz-Security-Token: <redacted>"), "the debug log ran")
        expectNoSecrets(upload.standardOutput + upload.standardError, in: "upload's output")

        let state = workspace.directory + "/.clmanifest/uploads"
        let files = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(files.contains { $0.hasSuffix(".journal") } && files.contains { $0.hasSuffix(".changes") })
        for file in files {
            let path = state + "/" + file
            expectNoSecrets(try String(contentsOfFile: path, encoding: .utf8), in: file)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
        }
        let folderMode = try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)

        let pull = try CommandRunner.run(
            [
                "pull", "--dataset-arn", FakeRekognitionServer.datasetARN, "--endpoint-url",
                server.url.absoluteString, "--debug", "-o", workspace.directory + "/pulled.manifest",
            ], environment: environment)
        #expect(pull.status == 0, "\(pull.standardError)")
        expectNoSecrets(pull.standardOutput + pull.standardError, in: "pull's output")
    }

    @Test func wrongSecretsAndFailingCredentialProcessesAreNotEchoed() throws {
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let workspace = try UploadCommandTests.workspace([UploadCommandTests.line(1)])
        var environment = UploadCommandTests.environment
        environment["AWS_SECRET_ACCESS_KEY"] = "wrong/secret+NOTTOBESHOWN"
        let wrong = try CommandRunner.run(
            UploadCommandTests.arguments(server, workspace) + ["--all", "--debug"], environment: environment)
        #expect(wrong.status != 0)
        #expect(!(wrong.standardOutput + wrong.standardError).contains("NOTTOBESHOWN"))

        // A credential process that prints its secret in malformed JSON, then one that fails.
        let config = workspace.directory + "/config"
        try """
        [profile leaky]
        credential_process = printf '{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "PROCESSSECRET"'
        [profile failing]
        credential_process = sh -c 'echo "{\\"SecretAccessKey\\": \\"PROCESSSECRET\\"}"; exit 5'
        """.write(toFile: config, atomically: true, encoding: .utf8)
        environment = UploadCommandTests.environment
        environment["AWS_ACCESS_KEY_ID"] = ""
        environment["AWS_SECRET_ACCESS_KEY"] = ""
        environment["AWS_CONFIG_FILE"] = config
        for profile in ["leaky", "failing"] {
            let result = try CommandRunner.run(
                UploadCommandTests.arguments(server, workspace) + ["--all", "--profile", profile, "--debug"],
                environment: environment)
            #expect(result.status != 0)
            #expect(result.standardError.contains("credential_process"), "\(result.standardError)")
            #expect(!(result.standardOutput + result.standardError).contains("PROCESSSECRET"), "\(profile)")
        }
    }
}
