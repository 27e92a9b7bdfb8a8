import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport
import _RekognitionTestServer

@testable import ManifestUpload

/// The S3 client against a server that fails on purpose: what it retries, what it reports, and that it
/// follows a bucket to its region once.
@Suite struct S3FaultTests {
    static let body = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }

    private func fixture(maxAttempts: Int = 4, timeout: Double = 5) throws -> (FakeS3Server, S3Client, S3URI) {
        let server = try FakeS3Server()
        server.put(bucket: "photos", key: "a/b.jpg", Self.body)
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url), transport: CurlTransport(),
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 0.001, maxDelay: 0.01), timeout: timeout)
        return (server, client, S3URI(bucket: "photos", key: "a/b.jpg"))
    }

    @Test func slowDownServerErrorsAndResetsAreRetried() throws {
        let (server, client, uri) = try fixture()
        server.inject([.slowDown, .internalError, .reset])
        #expect(try client.get(uri, range: 0..<100) == Array(Self.body[0..<100]))
        #expect(server.requests.count == 4)
    }

    @Test func retriesStopAtTheLimitAndSayWhy() throws {
        let (server, client, uri) = try fixture(maxAttempts: 3)
        server.inject([.slowDown, .slowDown, .slowDown, .slowDown])
        #expect(throws: S3Error.failed(uri, status: 503, code: "SlowDown", message: "Please reduce your request rate."))
        {
            try client.get(uri)
        }
        #expect(server.requests.count == 3)
        // A HEAD answer has no body, so no code: the status says it.
        server.inject([.slowDown, .slowDown, .slowDown])
        #expect(throws: S3Error.failed(uri, status: 503, code: "", message: "")) { try client.head(uri) }
        server.inject([.reset, .reset, .reset])
        do {
            _ = try client.get(uri)
            Issue.record("three resets in a row should fail")
        } catch {
            guard case .unreachable(let failed, _) = error else {
                Issue.record("expected no answer, got \(error)")
                return
            }
            #expect(failed == uri)
        }
    }

    @Test func accessDeniedIsNotRetried() throws {
        let (server, client, uri) = try fixture()
        server.inject([.denied])
        #expect(throws: S3Error.accessDenied(uri, message: "Access Denied")) { try client.get(uri) }
        #expect(server.requests.count == 1)
        #expect(
            S3ImageStore.file(for: .accessDenied(uri, message: ""))
                == .unreadable("access denied (the service's role may be refused too)"))
    }

    @Test func aSlowAnswerPastTheTimeoutIsRetried() throws {
        let (server, client, uri) = try fixture(timeout: 1)
        server.inject([.slow(2.5)])
        #expect(try client.get(uri) == Self.body)
        #expect(server.requests.count == 2)
    }

    @Test func aBucketInAnotherRegionIsFollowedOnce() throws {
        let (server, client, uri) = try fixture()
        server.setRegion("eu-west-1", of: "photos")
        #expect(try client.head(uri).size == Self.body.count)
        // The redirect, then the request signed for eu-west-1; later requests go there at once.
        #expect(server.requests.count == 2)
        #expect(try client.get(uri, range: 10..<20) == Array(Self.body[10..<20]))
        #expect(server.requests.count == 3)
    }

    @Test func imagesInTheFaultyServerAreRead() throws {
        let (server, client, _) = try fixture()
        let png = TestImages.png(width: 640, height: 480)
        server.put(bucket: "photos", key: "ok.png", png)
        server.inject([.slowDown, .internalError])
        let store = S3ImageStore(client: client)
        guard case .image(let size, let header) = store.inspect("s3://photos/ok.png") else {
            Issue.record("the PNG was not read")
            return
        }
        #expect(size == png.count && header.width == 640 && header.height == 480)
        #expect(store.inspect("s3://photos/missing.png") == .missing)
    }

    @Test func anImageWithinTheFirstReadTakesOneHeadAndOneGet() throws {
        let (server, client, _) = try fixture()
        let jpeg = TestImages.jpeg(width: 640, height: 480)
        #expect(jpeg.count < S3ImageStore.firstRead)
        server.put(bucket: "photos", key: "small.jpg", jpeg)
        let before = server.requests.count
        guard case .image(_, let header) = S3ImageStore(client: client).inspect("s3://photos/small.jpg") else {
            Issue.record("the JPEG was not read")
            return
        }
        #expect(header.width == 640)
        // The end check and the header are served from the first read: no third request.
        #expect(server.requests.dropFirst(before).map { $0.split(separator: " ")[0] } == ["HEAD", "GET"])
    }
}
