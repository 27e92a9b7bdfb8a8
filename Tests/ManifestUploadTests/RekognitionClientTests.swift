import Foundation
import ManifestUpload
import Testing
import _RekognitionTestServer

/// The client against the local server: signatures accepted, errors parsed as botocore does, retries
/// where safe, and unknown outcomes reported rather than resent.
@Suite struct RekognitionClientTests {
    @Test func describeDatasetIsSignedAndAnswered() throws {
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        let description = try fixture.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        #expect(description.status == .createComplete)
        #expect(description.totalEntries == 0)
        #expect(fixture.server.refusedCodes.isEmpty)
    }

    @Test func errorsAreParsedAsBotocoreParsesThem() {
        func parse(_ body: String, headers: [String: String] = [:], status: Int = 400) -> ServiceError {
            ServiceError(response: HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
        }
        let qualified = parse(
            #"{"__type":"com.amazon.coral.service#ThrottlingException:http://x","Message":"Slow"}"#, status: 500)
        #expect(qualified.code == "ThrottlingException" && qualified.message == "Slow" && qualified.isThrottling)
        let lower = parse(
            #"{"__type":"InvalidSignatureException","message":"Signature expired: a is now earlier than b"}"#)
        #expect(lower.message.hasPrefix("Signature expired") && lower.isClockSkew)
        let header = parse(
            #"{"__type":"Other"}"#, headers: ["x-amzn-errortype": "AccessDeniedException:http://internal/"])
        #expect(header.code == "AccessDeniedException")
        #expect(parse("<html>Bad Gateway</html>", status: 502).code == "502")
        #expect(parse("<html>Bad Gateway</html>", status: 502).isServerFault)
        #expect(parse(#"{"code":"ValidationException"}"#).code == "ValidationException")
    }

    @Test func throttlingAndServerFaultsAreRetriedForReads() throws {
        let fixture = try ServerFixture(timeout: 1)
        defer { fixture.server.stop() }
        fixture.server.inject(.throttle, on: "DescribeDataset")
        fixture.server.inject(.throughputExceeded, on: "DescribeDataset")
        fixture.server.inject(.internalError, on: "DescribeDataset")
        fixture.server.inject(.dropBeforeApplying, on: "DescribeDataset")
        _ = try fixture.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        #expect(fixture.server.requestCounts["DescribeDataset"] == 5)
    }

    @Test func retriesStopAfterTheLastAttempt() throws {
        let fixture = try ServerFixture(maxAttempts: 3)
        defer { fixture.server.stop() }
        fixture.server.inject(.throttle, on: "DescribeDataset", times: 10)
        #expect {
            try fixture.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        } throws: { error in
            "\(error)".hasPrefix("ThrottlingException (HTTP 500): Rate exceeded")
                && "\(error)".contains("after 3 attempts")
        }
        #expect(fixture.server.requestCounts["DescribeDataset"] == 3)
    }

    @Test func anUpdateWhoseOutcomeIsUnknownIsNotResent() throws {
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        let blob = Array(ServerFixture.lines(0..<2).joined(separator: "\n").utf8)
        for fault in [Fault.dropAfterApplying, .internalErrorAfterApplying, .internalError] {
            let before = fixture.server.requestCounts["UpdateDatasetEntries"] ?? 0
            fixture.server.inject(fault, on: "UpdateDatasetEntries")
            #expect(throws: RekognitionError.self) {
                try fixture.client.updateDatasetEntries(datasetARN: FakeRekognitionServer.datasetARN, groundTruth: blob)
            }
            #expect(fixture.server.requestCounts["UpdateDatasetEntries"] == before + 1, "\(fault)")
            // Let any update that was applied finish.
            _ = try fixture.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
            _ = try fixture.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        }
        // Throttling is a refusal, so the update is retried at once.
        fixture.server.inject(.throttle, on: "UpdateDatasetEntries", times: 2)
        try fixture.client.updateDatasetEntries(datasetARN: FakeRekognitionServer.datasetARN, groundTruth: blob)
    }

    @Test func aWrongSecretAndASkewedClockAreExplained() throws {
        let wrong = try ServerFixture(secret: "not-the-secret", maxAttempts: 1)
        defer { wrong.server.stop() }
        #expect {
            try wrong.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        } throws: { "\($0)".contains("the secret access key does not belong to the access key ID") }

        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let late = ServerFixture.client(for: server, now: { Date().addingTimeInterval(-900) })
        #expect {
            try late.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        } throws: { error in
            let text = "\(error)"
            return text.contains("Signature expired")
                && text.contains("clock differs from AWS's by more than 5 minutes")
                && text.contains("AWS's time:")
        }
        #expect(server.requestCounts["DescribeDataset"] == 1, "a signature error is not retried")
    }

    @Test func aGarbledAnswerIsAnErrorNotACrash() throws {
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        fixture.server.inject(.garbledAnswer, on: "DescribeDataset")
        #expect {
            try fixture.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        } throws: { "\($0)".contains("DescribeDataset: the service's answer cannot be read") }
    }

    @Test func aSlowAnswerTimesOut() throws {
        let fixture = try ServerFixture(timeout: 1, maxAttempts: 2)
        defer { fixture.server.stop() }
        fixture.server.inject(.slow(2.5), on: "DescribeDataset")
        // A read is retried after the timeout and then answered.
        _ = try fixture.client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        #expect(fixture.server.requestCounts["DescribeDataset"] == 2)
    }

    @Test func debugLogsRedactSecrets() throws {
        let lines = LogLines()
        let server = try FakeRekognitionServer()
        defer { server.stop() }
        let client = RekognitionClient(
            endpoint: server.url,
            signer: SigV4Signer(
                credentials: AWSCredentials(
                    accessKeyID: FakeRekognitionServer.accessKeyID,
                    secretAccessKey: FakeRekognitionServer.secretAccessKey,
                    sessionToken: "SESSIONTOKEN"),
                region: FakeRekognitionServer.region, service: "rekognition"),
            transport: CurlTransport(), log: { lines.append($0) })
        _ = try? client.describeDataset(datasetARN: FakeRekognitionServer.datasetARN)
        let text = lines.text
        #expect(text.contains("X-Amz-Target: RekognitionService.DescribeDataset"))
        #expect(text.contains("Signature=<redacted>") && text.contains("X-Amz-Security-Token: <redacted>"))
        #expect(!text.contains("SESSIONTOKEN") && !text.contains(FakeRekognitionServer.secretAccessKey))
    }

    @Test func entriesArePagedAndProjectsResolveToDatasets() throws {
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        fixture.server.seed(ServerFixture.lines(0..<250))
        var pages: [Int] = []
        try fixture.client.forEachDatasetEntry(datasetARN: FakeRekognitionServer.datasetARN) { pages.append($0.count) }
        #expect(pages == [100, 100, 50])
        #expect(
            try fixture.client.datasetARN(project: "test-project", datasetType: "train")
                == FakeRekognitionServer.datasetARN)
        #expect(try fixture.client.datasetARN(project: "test-project", datasetType: "test") == nil)
        #expect(try fixture.client.datasetARN(project: "other", datasetType: "train") == nil)
    }
}

/// Lines logged from any thread.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}
