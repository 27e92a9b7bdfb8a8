import Crypto
package import Foundation

/// The server side of SigV4.
///
/// It rebuilds the canonical request from what arrived (only the headers the client listed in
/// `SignedHeaders`), derives the key from the secret it knows, and compares signatures. Written apart from the client's signer so that the two check each other; the tests also check it
/// against the AWS signing suite.
package enum RequestSignatureCheck {
    /// Why a request is refused: an awsJson error code and message, as the service words them.
    package struct Refusal: Error, Equatable, Sendable {
        package var code: String
        package var message: String
    }

    /// The parts of an `Authorization: AWS4-HMAC-SHA256 …` header.
    package struct Authorization: Equatable, Sendable {
        package var accessKeyID: String
        package var date: String
        package var region: String
        package var service: String
        package var signedHeaders: [String]
        package var signature: String

        /// Parses the header value, or nil when it is not a complete SigV4 authorization.
        package init?(_ value: String) {
            guard value.hasPrefix("AWS4-HMAC-SHA256 ") else { return nil }
            var fields: [String: String] = [:]
            for part in value.dropFirst("AWS4-HMAC-SHA256 ".count).components(separatedBy: ",") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
            }
            guard let credential = fields["Credential"]?.components(separatedBy: "/"), credential.count == 5,
                credential[4] == "aws4_request", let headers = fields["SignedHeaders"],
                let signature = fields["Signature"]
            else { return nil }
            accessKeyID = credential[0]
            date = credential[1]
            region = credential[2]
            service = credential[3]
            signedHeaders = headers.components(separatedBy: ";")
            self.signature = signature
        }
    }

    /// The canonical request of `request` over `signedHeaders`.
    package static func canonicalRequest(_ request: TestHTTPServer.Request, signedHeaders: [String]) -> String {
        let target = request.target
        let questionMark = target.firstIndex(of: "?")
        let path = questionMark.map { String(target[..<$0]) } ?? target
        let query = questionMark.map { String(target[target.index(after: $0)...]) } ?? ""
        var text = request.method + "\n" + normalizedPath(path) + "\n" + sortedQuery(query) + "\n"
        for name in signedHeaders {
            let values = request.headers.filter { $0.name.lowercased() == name }.map {
                $0.value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            }
            text += name + ":" + values.joined(separator: ",") + "\n"
        }
        text += "\n" + signedHeaders.joined(separator: ";") + "\n"
        text += request.header("x-amz-content-sha256") ?? hexDigest(SHA256.hash(data: request.body))
        return text
    }

    /// The signature of `canonicalRequest` with `secret` for the scope of `authorization` at `amzDate`.
    package static func signature(
        canonicalRequest: String, secret: String, authorization: Authorization, amzDate: String
    )
        -> String
    {
        let scope = [authorization.date, authorization.region, authorization.service, "aws4_request"]
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope.joined(separator: "/"),
            hexDigest(SHA256.hash(data: Data(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let key = scope.reduce(SymmetricKey(data: Data("AWS4\(secret)".utf8))) { key, part in
            SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return hexDigest(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }

    /// Checks `request` as the service would, given the known secret of each access key (and the session
    /// token it must carry, if any), the server's time and the region.
    package static func verify(
        _ request: TestHTTPServer.Request, secrets: [String: (secret: String, token: String?)], now: Date,
        region: String
    ) throws(Refusal) {
        guard let header = request.header("authorization") else {
            throw Refusal(code: "MissingAuthenticationTokenException", message: "Missing Authentication Token")
        }
        guard let authorization = Authorization(header), let amzDate = request.header("x-amz-date") else {
            throw Refusal(
                code: "IncompleteSignatureException",
                message: "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders', and X-Amz-Date")
        }
        guard let known = secrets[authorization.accessKeyID] else {
            throw Refusal(
                code: "UnrecognizedClientException", message: "The security token included in the request is invalid.")
        }
        if let token = known.token, request.header("x-amz-security-token") != token {
            throw Refusal(
                code: "UnrecognizedClientException", message: "The security token included in the request is invalid.")
        }
        guard let signedAt = amzDateValue(amzDate) else {
            throw Refusal(code: "IncompleteSignatureException", message: "X-Amz-Date '\(amzDate)' is not a valid date")
        }
        if signedAt < now.addingTimeInterval(-300) {
            throw Refusal(
                code: "InvalidSignatureException",
                message:
                    "Signature expired: \(amzDate) is now earlier than \(amzDateText(now.addingTimeInterval(-300))) "
                    + "(\(amzDateText(now)) - 5 min.)")
        }
        if signedAt > now.addingTimeInterval(300) {
            throw Refusal(
                code: "InvalidSignatureException",
                message:
                    "Signature not yet current: \(amzDate) is still later than \(amzDateText(now.addingTimeInterval(300))) "
                    + "(\(amzDateText(now)) + 5 min.)")
        }
        guard authorization.date == String(amzDate.prefix(8)), authorization.region == region,
            authorization.service == "rekognition", authorization.signedHeaders.contains("host")
        else {
            throw Refusal(
                code: "InvalidSignatureException",
                message:
                    "Credential should be scoped to a valid region, service 'rekognition' and date \(amzDate.prefix(8))."
            )
        }
        let canonical = canonicalRequest(request, signedHeaders: authorization.signedHeaders)
        let expected = signature(
            canonicalRequest: canonical, secret: known.secret, authorization: authorization, amzDate: amzDate)
        guard expected == authorization.signature else {
            throw Refusal(
                code: "InvalidSignatureException",
                message: "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.")
        }
    }

    private static func normalizedPath(_ path: String) -> String {
        var kept: [String] = []
        for segment in path.components(separatedBy: "/") {
            switch segment {
            case "", ".": continue
            case "..": if !kept.isEmpty { kept.removeLast() }
            default: kept.append(segment)
            }
        }
        var result = "/" + kept.joined(separator: "/")
        if path.count > 1 && path.hasSuffix("/") && !kept.isEmpty { result += "/" }
        return uriEncode(result, slash: false)
    }

    private static func sortedQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        return query.components(separatedBy: "&").filter { !$0.isEmpty }.map { parameter -> (String, String) in
            let name = parameter.prefix { $0 != "=" }
            let value = parameter.dropFirst(name.count + (parameter.contains("=") ? 1 : 0))
            return (
                uriEncode(String(name).removingPercentEncoding ?? String(name), slash: true),
                uriEncode(String(value).removingPercentEncoding ?? String(value), slash: true)
            )
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// RFC 3986 encoding: unreserved characters stay; `/` stays unless `slash`.
    private static func uriEncode(_ text: String, slash: Bool) -> String {
        var output = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            let unreserved =
                (byte < 0x80 && (Character(scalar).isLetter || Character(scalar).isNumber))
                || "-_.~".unicodeScalars.contains(scalar) || (!slash && byte == UInt8(ascii: "/"))
            output += unreserved ? String(scalar) : String(format: "%%%02X", byte)
        }
        return output
    }

    private static func hexDigest<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The time of an `X-Amz-Date` such as `20240501T080000Z`, read by hand: a DateFormatter made for every
    /// request was a quarter of the local server's time.
    package static func amzDateValue(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            (1...12).contains(month), (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60,
            second < 60
        else { return nil }
        let seconds = ((daysSince1970(year, month, day) * 24 + hour) * 60 + minute) * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the Gregorian date `year-month-day`.
    private static func daysSince1970(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let years = year - 1970
        // Leap days in the whole years before `year`, counted from 1968, 1900 and 1600 (the rules' anchors).
        let leapDays = (year - 1969) / 4 - (year - 1901) / 100 + (year - 1601) / 400
        let monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let leapThisYear = month > 2 && daysIn(2, of: year) == 29 ? 1 : 0
        return years * 365 + leapDays + monthStarts[month - 1] + leapThisYear + day - 1
    }

    private static func amzDateText(_ date: Date) -> String {
        utcFormatter("yyyyMMdd'T'HHmmss'Z'").string(from: date)
    }

    /// A fixed-format formatter in UTC.
    package static func utcFormatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
