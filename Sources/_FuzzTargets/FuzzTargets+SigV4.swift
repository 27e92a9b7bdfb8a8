import ManifestUpload

extension FuzzTargets {
    /// The SigV4 canonical request and signature, whatever the bytes.
    ///
    /// The input's lines are the method, the target (path and query) and `name:value` headers; after an
    /// empty line, the body. Signing is deterministic, never traps, and puts no secret in a header.
    @Sendable public static func sigV4(_ bytes: [UInt8]) {
        let blank = bytes.indices.first { bytes[$0] == 0x0A && $0 + 1 < bytes.endIndex && bytes[$0 + 1] == 0x0A }
        let head = String(decoding: bytes[..<(blank ?? bytes.endIndex)], as: UTF8.self)
        let body = blank.map { Array(bytes[($0 + 2)...]) } ?? []
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let method = lines.isEmpty ? "POST" : lines.removeFirst()
        let target = lines.isEmpty ? "/" : lines.removeFirst()
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            return (String(line[..<colon]), colon < line.endIndex ? String(line[line.index(after: colon)...]) : "")
        }
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "fuzz-secret", sessionToken: "t"),
            region: "us-east-1", service: "rekognition")
        var first = SignableRequest(method: method, target: target, headers: headers, body: body)
        var second = first
        signer.sign(&first, timestamp: "20240101T000000Z")
        signer.sign(&second, timestamp: "20240101T000000Z")
        precondition(
            first.values(of: "Authorization") == second.values(of: "Authorization"), "signing is not deterministic")
        precondition(!first.values(of: "Authorization").joined().contains("fuzz-secret"), "the secret is in a header")
    }
}
