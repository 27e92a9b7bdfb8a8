import Foundation
import ManifestUpload
import Testing
import _ManifestTestSupport
import _RekognitionTestServer

/// The test server's own canonical-request code against the AWS signing suite, so that its verdicts on
/// the client's signatures can be trusted.
@Suite struct TestServerSignatureTests {
    static let suitePath = "conformance/aws-signing-test-suite/v4"

    /// The cases of Rekognition's way of signing: the test server stands in for Rekognition only, so the
    /// `normalize: false` cases (S3's) are not its.
    static var cases: [String] {
        SigV4ConformanceTests.cases.filter { !$0.hasSuffix("-unnormalized") }
    }

    /// The server reads `X-Amz-Date` by hand; it agrees with a date formatter, leap days included, and
    /// refuses what is not a date.
    @Test func readsAmzDatesAsAFormatterDoes() {
        let formatter = RequestSignatureCheck.utcFormatter("yyyyMMdd'T'HHmmss'Z'")
        var dates = ["19700101T000000Z", "20000229T235959Z", "20240501T080000Z", "21000301T120000Z"]
        dates += ["20231231T235959Z", "20240229T000001Z", "20991231T010203Z", "20260228T101010Z"]
        for text in dates {
            #expect(RequestSignatureCheck.amzDateValue(text) == formatter.date(from: text), "\(text)")
        }
        for text in ["20230229T000000Z", "20241301T000000Z", "20240501T240000Z", "20240501 080000Z", "2024-05-01", ""] {
            #expect(RequestSignatureCheck.amzDateValue(text) == nil, "\(text)")
        }
    }

    @Test(arguments: cases)
    func canonicalRequestMatchesTheSuite(name: String) throws {
        let directory = try #require(SharedDirectory.existing("\(Self.suitePath)/\(name)"))
        let read = { (file: String) in try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) }
        // The signed request as the suite gives it: headers and body as sent, Authorization included.
        let signed = try SigV4ConformanceTests.parse(try read("header-signed-request.txt"))
        let request = TestHTTPServer.Request(
            method: signed.method, target: signed.target, headers: signed.headers, body: signed.body)
        let header = try #require(request.header("authorization"))
        let authorization = try #require(RequestSignatureCheck.Authorization(header))
        let canonical = RequestSignatureCheck.canonicalRequest(request, signedHeaders: authorization.signedHeaders)
        #expect(canonical == (try read("header-canonical-request.txt")), "\(name)")
        let context = try JSONSerialization.jsonObject(with: Data(try read("context.json").utf8)) as? [String: Any]
        let secret = (context?["credentials"] as? [String: String])?["secret_access_key"] ?? ""
        let signature = RequestSignatureCheck.signature(
            canonicalRequest: canonical, secret: secret, authorization: authorization,
            amzDate: request.header("x-amz-date") ?? "")
        #expect(signature == authorization.signature, "\(name)")
    }
}
