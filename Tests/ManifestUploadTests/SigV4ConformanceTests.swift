import Foundation
import ManifestUpload
import Testing
import _ManifestTestSupport

/// The signer against the AWS SigV4 test suite (header signing) and the Rekognition-shaped vectors.
@Suite struct SigV4ConformanceTests {
    static let suitePath = "conformance/aws-signing-test-suite/v4"
    static let timestamp = "20150830T123600Z"

    /// Every case of the suite.
    static var allCases: [String] {
        SharedDirectory.existing(suitePath).map { url in
            ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        } ?? []
    }

    /// The cases run: all of them; the `normalize: false` ones (S3's way of signing a path) with
    /// ``SigV4Signer/normalizesPath`` off, as the S3 client signs.
    static var cases: [String] { allCases }

    @Test(
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing(suitePath) != nil,
            "skipped: the signing suite is not at ../shared/\(suitePath)"))
    func suiteIsPresent() {
        #expect(Self.allCases.count == 38)
        #expect(Self.allCases.count { $0.hasSuffix("-unnormalized") } == 7)
        print("SigV4 suite: \(Self.cases.count) cases run (header and query signing), none skipped")
    }

    /// A case's files, and the signer its context describes.
    static func load(_ name: String) throws -> (read: (String) throws -> String, signer: SigV4Signer, expires: Int) {
        let directory = try #require(SharedDirectory.existing("\(Self.suitePath)/\(name)"))
        let read = { (file: String) in try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) }
        let context = try JSONSerialization.jsonObject(with: Data(try read("context.json").utf8)) as? [String: Any]
        let credentials = context?["credentials"] as? [String: String] ?? [:]
        var signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: credentials["access_key_id"] ?? "",
                secretAccessKey: credentials["secret_access_key"] ?? "",
                sessionToken: credentials["token"]),
            region: context?["region"] as? String ?? "", service: context?["service"] as? String ?? "")
        signer.signsPayloadHeader = context?["sign_body"] as? Bool ?? false
        signer.omitsSessionTokenFromSignature = context?["omit_session_token"] as? Bool ?? false
        signer.normalizesPath = context?["normalize"] as? Bool ?? true
        return (read, signer, context?["expiration_in_seconds"] as? Int ?? 0)
    }

    @Test(arguments: cases)
    func querySigningMatchesTheSuite(name: String) throws {
        let (read, signer, expires) = try Self.load(name)
        var request = try Self.parse(try read("request.txt"))
        let parts = signer.presign(&request, timestamp: Self.timestamp, expires: expires)
        #expect(parts.canonicalRequest == (try read("query-canonical-request.txt")), "\(name)")
        #expect(parts.stringToSign == (try read("query-string-to-sign.txt")), "\(name)")
        #expect(parts.signature == (try read("query-signature.txt")), "\(name)")
        #expect(request.target.contains("&X-Amz-Signature=" + (try read("query-signature.txt"))), "\(name)")
        // The signed request the suite shows carries the same parameters (in its own order).
        let signedLine = try read("query-signed-request.txt").split(separator: "\n").first.map(String.init) ?? ""
        let expectedTarget = signedLine.split(separator: " ").dropFirst().dropLast().joined(separator: " ")
        let parameters = { (target: String) in
            Set(target.split(separator: "?", maxSplits: 1).last?.split(separator: "&").map(String.init) ?? [])
        }
        #expect(parameters(request.target) == parameters(expectedTarget), "\(name)")
    }

    @Test(arguments: cases)
    func headerSigningMatchesTheSuite(name: String) throws {
        let (read, signer, _) = try Self.load(name)
        var request = try Self.parse(try read("request.txt"))
        signer.sign(&request, timestamp: Self.timestamp)
        let authorization = request.values(of: "Authorization").first ?? ""
        #expect(authorization.hasSuffix("Signature=" + (try read("header-signature.txt"))), "\(name)")
        // The pieces, from the request as it was signed (a token added after signing is not part of it).
        if signer.omitsSessionTokenFromSignature { request.headers.removeAll { $0.name == "X-Amz-Security-Token" } }
        let parts = signer.signature(of: request, timestamp: Self.timestamp)
        #expect(parts.canonicalRequest == (try read("header-canonical-request.txt")), "\(name)")
        #expect(parts.stringToSign == (try read("header-string-to-sign.txt")), "\(name)")
        #expect(parts.signature == (try read("header-signature.txt")), "\(name)")
    }

    /// A raw request: request line, headers (continuation lines joined with a space), blank line, body.
    static func parse(_ text: String) throws -> SignableRequest {
        let (head, body) =
            text.range(of: "\n\n").map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) }
            ?? (text, "")
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ")
        let method = String(requestLine[0])
        let target = requestLine.dropFirst().dropLast().joined(separator: " ")
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", let last = headers.popLast() {
                headers.append((last.name, last.value + " " + line))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return SignableRequest(method: method, target: target, headers: headers, body: Array(body.utf8))
    }

    /// The vectors in Rekognition's shape, computed with botocore: canonical request, string to sign and
    /// signature, byte for byte.
    @Test(
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing("conformance/rekognition-sigv4-vectors.txt") != nil,
            "skipped: ../shared/conformance/rekognition-sigv4-vectors.txt is absent"))
    func rekognitionVectorsAreReproduced() throws {
        let url = try #require(SharedDirectory.existing("conformance/rekognition-sigv4-vectors.txt"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let cases = text.components(separatedBy: "===== ").dropFirst()
        #expect(cases.count >= 2)
        for block in cases {
            let title = String(block.prefix { $0 != "\n" })
            let section = { (name: String) -> String in
                guard let start = block.range(of: "--- \(name) ---\n") else { return "" }
                let rest = block[start.upperBound...]
                let end = rest.range(of: "\n--- ")?.lowerBound ?? rest.endIndex
                return String(rest[..<end])
            }
            let body =
                block.components(separatedBy: "\n").first { $0.hasPrefix("BODY: ") }.map { String($0.dropFirst(6)) }
                ?? ""
            let target =
                section("canonical request").components(separatedBy: "\n")
                .first { $0.hasPrefix("x-amz-target:") }.map { String($0.dropFirst("x-amz-target:".count)) } ?? ""
            let token = title.contains("session token") ? "AQoDYXdzEPT//////////wEXAMPLEtoken" : nil
            let signer = SigV4Signer(
                credentials: AWSCredentials(
                    accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                    sessionToken: token),
                region: "us-east-1", service: "rekognition")
            var request = SignableRequest(
                method: "POST", target: "/",
                headers: [
                    ("X-Amz-Target", target), ("Content-Type", "application/x-amz-json-1.1"),
                    ("Host", "rekognition.us-east-1.amazonaws.com"),
                ],
                body: Array(body.utf8))
            signer.sign(&request, timestamp: Self.timestamp)
            let parts = signer.signature(of: request, timestamp: Self.timestamp)
            #expect(
                parts.canonicalRequest == section("canonical request").trimmingCharacters(in: .newlines), "\(title)")
            #expect(parts.stringToSign == section("string to sign").trimmingCharacters(in: .newlines), "\(title)")
            #expect(parts.signature == section("signature").trimmingCharacters(in: .whitespacesAndNewlines), "\(title)")
            let authorization = request.values(of: "Authorization").first ?? ""
            #expect(
                section("headers sent (before Host/Content-Length/User-Agent added by the HTTP layer)").contains(
                    "Authorization: \(authorization)"), "\(title)")
        }
    }

    /// Headers the HTTP layer may change on the way (botocore's list) are not signed.
    ///
    /// A User-Agent or Expect rewritten after signing leaves the signature valid.
    @Test func headersTheHTTPLayerMayChangeAreNotSigned() {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"), region: "us-east-1",
            service: "rekognition")
        func signed(userAgent: String) -> SignableRequest {
            var request = SignableRequest(
                method: "POST", target: "/",
                headers: [
                    ("Host", "rekognition.us-east-1.amazonaws.com"), ("User-Agent", userAgent),
                    ("Expect", "100-continue"),
                    ("Connection", "keep-alive"), ("X-Amz-Target", "RekognitionService.DescribeDataset"),
                ], body: Array("{}".utf8))
            signer.sign(&request, timestamp: Self.timestamp)
            return request
        }
        let one = signed(userAgent: "clmanifest/0.1.0")
        let other = signed(userAgent: "something/else")
        let authorization = one.values(of: "Authorization").first ?? ""
        #expect(authorization.contains("SignedHeaders=host;x-amz-date;x-amz-target,"), "\(authorization)")
        #expect(authorization == other.values(of: "Authorization").first)
    }

    /// The signing key published in wire-protocol.md §4 for 20150830/us-east-1/rekognition.
    @Test func signingKeyMatchesThePublishedValue() {
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", service: "rekognition")
        #expect(
            signer.signingKeyHex(date: "20150830")
                == "8bfb954b9ff3dee2a3863af16a2aef00a25985bbedd1076e624565958d99d64e")
    }

    @Test func secretsNeverPrint() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "SECRET-XYZ", sessionToken: "TOKEN-XYZ")
        for text in ["\(credentials)", String(describing: credentials), String(reflecting: credentials)] {
            #expect(!text.contains("SECRET-XYZ") && !text.contains("TOKEN-XYZ"))
        }
    }
}
