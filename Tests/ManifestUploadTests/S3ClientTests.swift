import Foundation
import Testing
import _ManifestTestSupport

@testable import ManifestUpload

/// The S3 client: its signatures against botocore's, its addressing, and its calls against a real S3
/// implementation (moto's server; `.ci/run` installs it; elsewhere these tests skip without it).
@Suite struct S3ClientTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    /// Requests signed by botocore 1.43's `S3SigV4Auth` at 2015-08-30T12:36:00Z (payload hash of an empty
    /// body); the client must make the same signature from the same bucket, key and query.
    @Test(
        arguments: [
            (
                "examplebucket", "photos/2024 01/a b+c~é.jpg", [(String, String)](), "us-east-1", S3Endpoint(),
                [("Range", "bytes=0-65535")], "07b94c173bd8167f16d01166f9a762d7dac0e81789dac097e867358ed90da83a"
            ),
            (
                "my.bucket", "dir/key.jpg", [], "us-east-1", S3Endpoint(custom: URL(string: "http://127.0.0.1:9000")),
                [], "14474f3c537a42f399a1f716a2142f1644419e251bae2c975001d1f4e08148e2"
            ),
            (
                "examplebucket", "",
                [("list-type", "2"), ("prefix", "ppe/camera 03/"), ("continuation-token", "a+b=")],
                "eu-west-1", S3Endpoint(), [], "558fc6d30e41a8f3693335afcda43e4b1f5db77645f9b79f8adc780886377ade"
            ),
        ] as [(String, String, [(String, String)], String, S3Endpoint, [(name: String, value: String)], String)])
    func signaturesMatchBotocore(
        bucket: String, key: String, query: [(String, String)], region: String, endpoint: S3Endpoint,
        headers: [(name: String, value: String)], signature: String
    ) throws {
        let client = S3Client(
            credentials: Self.credentials, region: region, endpoint: endpoint, transport: CurlTransport())
        let encoded = query.map {
            "\($0.0)=" + $0.1.addingPercentEncoding(
                withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_.~")))!
        }.joined(separator: "&")
        let location = try #require(endpoint.location(bucket: bucket, key: key, query: encoded, region: region))
        let request = client.signed(
            query.isEmpty && key == "dir/key.jpg" ? "HEAD" : "GET", location,
            headers: headers + [
                ("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            ],
            body: [], region: region, timestamp: "20150830T123600Z")
        let authorization = request.headers.first { $0.name == "Authorization" }?.value ?? ""
        #expect(authorization.hasSuffix("Signature=" + signature), "\(location.url)")
    }

    @Test func addressing() throws {
        let aws = S3Endpoint()
        #expect(
            aws.location(bucket: "photos", key: "a b/c.jpg", query: "", region: "eu-west-1")?.url.absoluteString
                == "https://photos.s3.eu-west-1.amazonaws.com/a%20b/c.jpg")
        // A bucket with dots cannot be a host name under TLS: path style.
        #expect(
            aws.location(bucket: "my.photos", key: "k", query: "", region: "us-east-1")?.url.absoluteString
                == "https://s3.us-east-1.amazonaws.com/my.photos/k")
        #expect(
            aws.location(bucket: "photos", key: "k", query: "", region: "cn-north-1")?.url.absoluteString
                == "https://photos.s3.cn-north-1.amazonaws.com.cn/k")
        let custom = S3Endpoint(custom: URL(string: "http://localhost:4566/prefix/"))
        #expect(custom.pathStyle)
        #expect(
            custom.location(bucket: "b", key: "x/y", query: "list-type=2", region: "us-east-1")?.target
                == "/prefix/b/x/y?list-type=2")
        let environment = AWSEnvironment(variables: [
            "AWS_ENDPOINT_URL": "http://a:1", "AWS_ENDPOINT_URL_S3": "http://b:2",
        ])
        #expect(try S3Endpoint.resolve(explicit: nil, environment: environment).custom?.absoluteString == "http://b:2")
        #expect(
            try S3Endpoint.resolve(explicit: "http://c:3", environment: environment).custom?.absoluteString
                == "http://c:3")
        #expect(throws: CredentialError.self) { try S3Endpoint.resolve(explicit: "ftp://x", environment: environment) }
        #expect(S3URI("s3://bucket/a/b.jpg") == S3URI(bucket: "bucket", key: "a/b.jpg"))
        #expect(S3URI("S3://bucket") == S3URI(bucket: "bucket", key: ""))
        #expect(S3URI("s3:///key") == nil && S3URI("photos/x.jpg") == nil)
    }

    /// A client for a moto server, and a bucket in it; nil (after saying why) when moto is not here.
    static func moto() throws -> (MotoServer, S3Client)? {
        guard let server = try MotoServer.started(whenMissing: { Issue.record(Comment(rawValue: $0)) }) else {
            return nil
        }
        let client = S3Client(
            credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"), region: "us-east-1",
            endpoint: S3Endpoint(custom: server.url), transport: CurlTransport(),
            retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05), timeout: 10)
        try client.createBucket("test-bucket")
        return (server, client)
    }

    @Test func putHeadGetAndList() throws {
        guard let (server, client) = try Self.moto() else { return }
        _ = server
        let body = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let uri = S3URI(bucket: "test-bucket", key: "data/a b+é.manifest")
        try client.put(uri, body: body)
        #expect(try client.head(uri).size == 10_000)
        #expect(try client.get(uri) == body)
        #expect(try client.get(uri, range: 100..<164) == Array(body[100..<164]))
        // A range past the end stops at it.
        #expect(try client.get(uri, range: 9_990..<20_000) == Array(body[9_990...]))
        for index in 0..<5 {
            try client.put(S3URI(bucket: "test-bucket", key: "list/\(index).jpg"), body: [UInt8(index)])
        }
        let listed = try client.list(bucket: "test-bucket", prefix: "list/", pageSize: 2)
        #expect(listed.map(\.uri.key) == (0..<5).map { "list/\($0).jpg" })
        #expect(listed.allSatisfy { $0.size == 1 })
        // Read in parts, in parallel: the same bytes.
        var reader = S3ObjectReader(client: client)
        reader.partBytes = 1_000
        reader.concurrency = 4
        #expect(try reader.read(uri) == body)
    }

    @Test func missingObjectsAndBucketsSayWhich() throws {
        guard let (server, client) = try Self.moto() else { return }
        _ = server
        let missing = S3URI(bucket: "test-bucket", key: "nothing-here.jpg")
        #expect(throws: S3Error.notFound(missing, code: "NoSuchKey")) { try client.head(missing) }
        #expect(throws: S3Error.notFound(missing, code: "NoSuchKey")) { try client.get(missing) }
        let noBucket = S3URI(bucket: "no-such-bucket", key: "a.jpg")
        #expect(throws: S3Error.notFound(noBucket, code: "NoSuchBucket")) { try client.get(noBucket) }
        #expect(
            S3Error.notFound(noBucket, code: "NoSuchBucket").description
                == "no such bucket 'no-such-bucket' (s3://no-such-bucket/a.jpg)")
    }

    @Test func largeObjectsGoInPartsWithChecksums() throws {
        guard let (server, client) = try Self.moto() else { return }
        _ = server
        // 11 MiB in parts of 5 MiB (S3's smallest but for the last): three parts.
        let body = (0..<(11 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let uri = S3URI(bucket: "test-bucket", key: "big/manifest.jsonl")
        try client.upload(uri, body: body, threshold: 6 << 20, partBytes: 5 << 20, concurrency: 2)
        #expect(try client.head(uri).size == body.count)
        #expect(try client.get(uri) == body)
        // Small ones in one PUT.
        try client.upload(S3URI(bucket: "test-bucket", key: "small"), body: [1, 2, 3])
        #expect(try client.get(S3URI(bucket: "test-bucket", key: "small")) == [1, 2, 3])
    }
}
