import Foundation
import ManifestUpload
import _RekognitionTestServer

/// A started test server and a client for it that retries without waiting long.
struct ServerFixture {
    let server: FakeRekognitionServer
    let client: RekognitionClient

    init(
        pollsPerUpdate: Int = 1, secret: String = FakeRekognitionServer.secretAccessKey, timeout: Double = 10,
        maxAttempts: Int = 5, log: (@Sendable (String) -> Void)? = nil
    ) throws {
        server = try FakeRekognitionServer(pollsPerUpdate: pollsPerUpdate)
        client = Self.client(for: server, secret: secret, timeout: timeout, maxAttempts: maxAttempts, log: log)
    }

    static func client(
        for server: FakeRekognitionServer, secret: String = FakeRekognitionServer.secretAccessKey, timeout: Double = 10,
        maxAttempts: Int = 5, now: @escaping @Sendable () -> Date = { Date() }, log: (@Sendable (String) -> Void)? = nil
    ) -> RekognitionClient {
        RekognitionClient(
            endpoint: server.url,
            signer: SigV4Signer(
                credentials: AWSCredentials(accessKeyID: FakeRekognitionServer.accessKeyID, secretAccessKey: secret),
                region: FakeRekognitionServer.region, service: "rekognition"),
            transport: CurlTransport(),
            retryPolicy: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 0.001, maxDelay: 0.01),
            timeout: timeout, now: now, log: log)
    }

    /// An uploader that polls without waiting long.
    func uploader(events: EventLog? = nil) -> DatasetUploader {
        DatasetUploader(
            client: client, datasetARN: FakeRekognitionServer.datasetARN,
            pollPolicy: PollPolicy(initialInterval: 0.001, maxInterval: 0.005),
            onEvent: { events?.events.append($0) })
    }

    /// The dataset's entries, by source-ref, each parsed (so byte-level rewriting does not matter), without
    /// the keys the service adds.
    var entries: [String: NSDictionary] {
        var result: [String: NSDictionary] = [:]
        for (sourceRef, line) in server.dataset.entries { result[sourceRef] = Self.parsed(line) }
        return result
    }

    static func parsed(_ line: String) -> NSDictionary {
        var object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        for key in ["cl-metadata", "cl-errors", "errors", "warnings"] { object[key] = nil }
        return object as NSDictionary
    }

    /// Entries as a test manifest would hold them: `count` lines, the `version` in each one's label.
    static func lines(_ range: Range<Int>, version: Int = 1, padding: Int = 0) -> [String] {
        range.map { index in
            "{\"source-ref\":\"s3://bucket/images/\(index).jpg\",\"label\":\(version % 2),\"label-metadata\":"
                + "{\"class-name\":\"v\(version)\",\"confidence\":1,\"type\":\"groundtruth/image-classification\","
                + "\"job-name\":\"labeling-job/\(String(repeating: "x", count: padding))\",\"human-annotated\":\"yes\","
                + "\"creation-date\":\"2023-01-01T00:00:00\"}}"
        }
    }
}

/// Events an uploader reported.
final class EventLog: @unchecked Sendable {
    var events: [UploadEvent] = []
}
