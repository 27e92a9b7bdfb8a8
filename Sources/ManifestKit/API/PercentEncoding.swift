/// RFC 3986 percent-encoding.
///
/// Every byte but the unreserved characters (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` (upper-case hex); `/` is
/// kept when asked. Used for SARIF URIs and SigV4 canonical paths and queries.
public enum PercentEncoding {
    /// `text`, UTF-8, percent-encoded.
    public static func encode(_ text: some StringProtocol, keepingSlash: Bool) -> String {
        var output = ""
        for byte in text.utf8 {
            let unreserved =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "~") || (keepingSlash && byte == UInt8(ascii: "/"))
            if unreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return output
    }
}
