/// Flags a `source-ref` that is not an `s3://bucket/key` URI, saying which part is wrong.
public struct InvalidSourceRefFormat: SchemaRule, LineRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL102",
        name: "invalid-source-ref-format",
        mirrors: .invalidSourceRefFormat,
        severity: .error,
        summary: "source-ref is not an s3://bucket/key URI",
        rationale: """
            The service reads images from S3 by `source-ref`, which must be `s3://BUCKET/KEY`. An https:// URL, \
            a local path, a bucket without a key or a bucket name S3 cannot have is ERROR_INVALID_SOURCE_REF_FORMAT: \
            the line is dropped when a dataset is created or updated and counted as invalid in training. Bucket \
            names follow the S3 rules (3–63 characters of lowercase letters, digits, `.` and `-`, starting and \
            ending with a letter or digit, no `..`, not an IP address); keys are at most 1,024 bytes. Whether the \
            service accepts an upper-case `S3://`, or the upper-case letters and underscores of legacy bucket \
            names, is undocumented: those are warnings.
            """,
        fix: "write the image's location as s3://bucket/key",
        conditions: [
            "a web URL instead of s3://",
            "a path without a scheme",
            "an upper-case S3:// scheme (a warning)",
            "no key after the bucket",
            "a key over 1,024 bytes",
            "a bucket name under 3 or over 63 characters",
            "a character S3 bucket names cannot have (legacy upper case and _ are warnings)",
            "a bucket that starts or ends with '.' or '-'",
            "'..' in the bucket",
            "a bucket formatted as an IP address",
            "a source-ref that is not a string",
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": ↓"https://bucket.s3.amazonaws.com/a.jpg"}"#, condition: "a web URL instead of s3://"),
            Example(#"{"source-ref": ↓"images/a.jpg"}"#, condition: "a path without a scheme"),
            Example(#"{"source-ref": ↓"S3://bucket/a.jpg"}"#, condition: "an upper-case S3:// scheme (a warning)"),
            Example(#"{"source-ref": ↓"s3://bucket-only"}"#, condition: "no key after the bucket"),
            Example(#"{"source-ref": ↓"s3://bucket/"}"#, condition: "no key after the bucket"),
            Example(
                #"{"source-ref": ↓"s3://bucket/"# + String(repeating: "k", count: 1_025) + #""}"#,
                condition: "a key over 1,024 bytes"),
            Example(#"{"source-ref": ↓"s3://ab/a.jpg"}"#, condition: "a bucket name under 3 or over 63 characters"),
            Example(
                #"{"source-ref": ↓"s3://"# + String(repeating: "b", count: 64) + #"/a.jpg"}"#,
                condition: "a bucket name under 3 or over 63 characters"),
            Example(
                #"{"source-ref": ↓"s3://my_bucket/a.jpg"}"#,
                condition: "a character S3 bucket names cannot have (legacy upper case and _ are warnings)"),
            Example(
                #"{"source-ref": ↓"s3://my bucket/a.jpg"}"#,
                condition: "a character S3 bucket names cannot have (legacy upper case and _ are warnings)"),
            Example(
                #"{"source-ref": ↓"s3://-bucket/a.jpg"}"#, condition: "a bucket that starts or ends with '.' or '-'"),
            Example(
                #"{"source-ref": ↓"s3://bucket./a.jpg"}"#, condition: "a bucket that starts or ends with '.' or '-'"),
            Example(#"{"source-ref": ↓"s3://my..bucket/a.jpg"}"#, condition: "'..' in the bucket"),
            Example(#"{"source-ref": ↓"s3://192.168.5.4/a.jpg"}"#, condition: "a bucket formatted as an IP address"),
            Example(#"{"source-ref": ↓42}"#, condition: "a source-ref that is not a string"),
        ],
        nonTriggeringExamples: [
            Example(#"{"source-ref": "s3://bucket/images/a.jpg"}"#),
            Example(#"{"source-ref": "s3://my.bucket-01/a b/ü.jpg"}"#),
            Example(#"{"source-ref": "s3://bucket/https/a.jpg"}"#, condition: "a web URL instead of s3://"),
            Example(#"{"source-ref": "s3://images/a.jpg"}"#, condition: "a path without a scheme"),
            Example(#"{"source-ref": "s3://bucket/S3/a.jpg"}"#, condition: "an upper-case S3:// scheme (a warning)"),
            Example(#"{"source-ref": "s3://bucket/a"}"#, condition: "no key after the bucket"),
            Example(
                #"{"source-ref": "s3://bucket/"# + String(repeating: "k", count: 1_024) + #""}"#,
                condition: "a key over 1,024 bytes"),
            Example(#"{"source-ref": "s3://abc/a.jpg"}"#, condition: "a bucket name under 3 or over 63 characters"),
            Example(
                #"{"source-ref": "s3://"# + String(repeating: "b", count: 63) + #"/a.jpg"}"#,
                condition: "a bucket name under 3 or over 63 characters"),
            Example(
                #"{"source-ref": "s3://my-bucket.01/a_b C.jpg"}"#,
                condition: "a character S3 bucket names cannot have (legacy upper case and _ are warnings)"),
            Example(
                #"{"source-ref": "s3://0bucket-x.9/a.jpg"}"#, condition: "a bucket that starts or ends with '.' or '-'"),
            Example(#"{"source-ref": "s3://my.bucket/a..jpg"}"#, condition: "'..' in the bucket"),
            Example(#"{"source-ref": "s3://192.168.5.a/a.jpg"}"#, condition: "a bucket formatted as an IP address"),
            Example(#"{"source-ref": "s3://bucket/42"}"#, condition: "a source-ref that is not a string"),
        ]
    )

    private static let scheme = Array("s3://".utf8)
    /// For each byte: 1 a lowercase letter or '-', 2 a digit, 3 '.', 0 not allowed in a bucket name.
    private static let bucketCharacters: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"): 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 2
        case UInt8(ascii: "."): 3
        default: 0
        }
    }

    static func check(_ line: ManifestLine, into findings: inout [LineFinding]) {
        guard let node = line.sourceRef, line.document[node].kind == .string else { return }
        let string = line.document[node]
        if string.flags & JSONNode.hasEscapes == 0,
            isPlainlyValid(
                UnsafeBufferPointer(rebasing: line.document.bytes[Int(string.start) + 1..<Int(string.end) - 1]))
        {
            return
        }
        let value = line.document.string(at: node)
        if let (problem, severity) = problem(in: value) {
            findings.append(LineFinding(rule: description, node: node, message: problem, severity: severity))
        }
    }

    /// Whether `bytes` is `s3://bucket/key` with a bucket that follows every S3 naming rule and a key of
    /// 1 to 1,024 bytes: the common case, decided on bytes; anything else goes through ``problem(in:)``.
    static func isPlainlyValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 5, bytes[0] == UInt8(ascii: "s"), bytes[1] == UInt8(ascii: "3"),
            bytes[2] == UInt8(ascii: ":"), bytes[3] == UInt8(ascii: "/"), bytes[4] == UInt8(ascii: "/")
        else { return false }
        var position = 5
        var previous: UInt8 = 0
        var onlyDigitsAndDots = true
        let bucketCharacters = Self.bucketCharacters  // Fetched once, not once per byte.
        // One table lookup per byte: 1 letter or hyphen, 2 digit, 3 dot, 0 anything else (also '/').
        while position < bytes.count {
            let byte = bytes[position]
            let kind = bucketCharacters[Int(byte)]
            guard kind != 0 else { break }
            if kind == 3, previous == UInt8(ascii: ".") { return false }
            if kind == 1 { onlyDigitsAndDots = false }
            previous = byte
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "/") else { return false }
        let bucketLength = position - 5
        guard (3...63).contains(bucketLength), position < bytes.count, !onlyDigitsAndDots else { return false }
        let alphanumeric = { (byte: UInt8) in (byte &- UInt8(ascii: "a")) < 26 || (byte &- UInt8(ascii: "0")) < 10 }
        let edges = alphanumeric(bytes[5]) && alphanumeric(bytes[position - 1])
        let keyLength = bytes.count - position - 1
        return edges && (1...1024).contains(keyLength)
    }

    /// What is wrong with `value` as a source-ref, and how sure the service's verdict is; nil when nothing is.
    static func problem(in value: String) -> (String, Severity)? {
        let utf8 = Array(value.utf8)
        guard utf8.starts(with: scheme) else {
            if value.lowercased().hasPrefix("s3://") {
                return problem(in: "s3://" + value.dropFirst(5))
                    ?? ("'\(value)' has an upper-case scheme; the documented form is lowercase s3://", .warning)
            }
            if value.hasPrefix("https://") || value.hasPrefix("http://") {
                return ("'\(value)' is a web URL; the service needs s3://bucket/key", .error)
            }
            return ("'\(value)' is not an s3:// URI (s3://bucket/key)", .error)
        }
        let rest = utf8.dropFirst(scheme.count)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else {
            return ("'\(value)' names a bucket but no key", .error)
        }
        let bucket = String(decoding: rest[..<slash], as: UTF8.self)
        let keyBytes = rest.count - (slash - rest.startIndex) - 1
        if keyBytes == 0 { return ("'\(value)' has an empty key", .error) }
        if keyBytes > 1024 { return ("the key of '\(value)' is \(Count.bytes(keyBytes)), over S3's 1,024", .error) }
        return bucketProblem(bucket).map { ("bucket '\(bucket)' \($0.0)", $0.1) }
    }

    /// Which S3 bucket naming rule `bucket` breaks.
    private static func bucketProblem(_ bucket: String) -> (String, Severity)? {
        let scalars = Array(bucket.unicodeScalars)
        if scalars.isEmpty { return ("is empty", .error) }
        if scalars.count < 3 || scalars.count > 63 {
            return ("has \(Count.phrase(scalars.count, "character")); S3 bucket names have 3 to 63", .error)
        }
        let lowercase = Set("abcdefghijklmnopqrstuvwxyz0123456789.-".unicodeScalars)
        if let bad = scalars.first(where: { !lowercase.contains($0) }) {
            let legacy = ("A"..."Z").contains(bad) || bad == "_"
            return (
                "contains '\(bad)'; S3 bucket names use only lowercase letters, digits, '.' and '-'",
                legacy ? .warning : .error
            )
        }
        let alphanumeric = { (scalar: Unicode.Scalar) in scalar != "." && scalar != "-" }
        if !alphanumeric(scalars[0]) || !alphanumeric(scalars[scalars.count - 1]) {
            return ("must start and end with a letter or digit", .error)
        }
        if bucket.contains("..") { return ("contains '..'", .error) }
        let parts = bucket.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) { return ("is formatted as an IP address", .error) }
        return nil
    }
}

extension InvalidSourceRefFormat: FixableRule {
    /// Writes the same S3 object as `s3://bucket/key`.
    ///
    /// From `S3://`, `s3:/` or an S3 web URL (virtual-hosted or path style, its key percent-decoded); offered
    /// only when the result is valid.
    static func fix(_ site: FixSite) -> Fix? {
        guard let node = site.node, let document = site.document, let value = document.stringValue(at: node),
            let uri = s3URI(for: value), uri != value, problem(in: uri) == nil
        else { return nil }
        return Fix(.safe, "write it as \(uri)", edits: [site.replacing(node, with: JSONText.quoted(uri))])
    }

    /// The `s3://` form of a source-ref written another way, or nil when it is not one of those ways.
    static func s3URI(for value: String) -> String? {
        let lowered = value.lowercased()
        if lowered.hasPrefix("s3://") { return "s3://" + value.dropFirst(5) }
        if lowered.hasPrefix("s3:/") { return "s3://" + value.dropFirst(4) }
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = value.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = value.dropFirst(7)
        } else {
            return nil
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let host = rest[..<slash].lowercased()
        var path = rest[rest.index(after: slash)...]
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        guard host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn") else { return nil }
        let bucket: Substring
        let key: Substring
        if host.hasPrefix("s3.") || host.hasPrefix("s3-") {
            guard let split = path.firstIndex(of: "/") else { return nil }
            bucket = path[..<split]
            key = path[path.index(after: split)...]
        } else if let marker = host.firstRange(of: ".s3.") ?? host.firstRange(of: ".s3-") {
            bucket = Substring(host[..<marker.lowerBound])
            key = path
        } else {
            return nil
        }
        guard !bucket.isEmpty, !key.isEmpty, let decoded = percentDecoded(key) else { return nil }
        return "s3://\(bucket)/\(decoded)"
    }

    /// `text` with its `%XX` escapes decoded, or nil when one is malformed or the bytes are not UTF-8.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                    let value = UInt8(
                        String(decoding: [utf8[first], utf8[utf8.index(after: first)]], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
                index = utf8.index(first, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static let fixApplicabilities: [Fix.Applicability] = [.safe]

    static let fixExamples = [
        FixExample(#"{"source-ref": "S3://my-bucket/a.jpg"}"#, #"{"source-ref": "s3://my-bucket/a.jpg"}"#),
        FixExample(#"{"source-ref": "s3:/my-bucket/a.jpg"}"#, #"{"source-ref": "s3://my-bucket/a.jpg"}"#),
        FixExample(
            #"{"source-ref": "https://my-bucket.s3.eu-west-1.amazonaws.com/photos/a%20b.jpg"}"#,
            #"{"source-ref": "s3://my-bucket/photos/a b.jpg"}"#),
        FixExample(
            #"{"source-ref": "https://s3.amazonaws.com/my-bucket/photos/a.jpg?versionId=1"}"#,
            #"{"source-ref": "s3://my-bucket/photos/a.jpg"}"#),
    ]
}
