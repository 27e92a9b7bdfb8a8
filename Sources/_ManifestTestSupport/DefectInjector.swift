import Foundation

/// Writes manifests with the defects `fix` mends: valid lines with one of the known mistakes put in, chosen
/// by a seeded generator, so that a failure repeats.
package struct DefectInjector {
    /// One mistake: its name and how it changes a line (nil when the line has nothing to change).
    package struct Defect: Sendable {
        package let name: String
        package let apply: @Sendable (String) -> String?
    }

    private var state: UInt64

    /// A generator for `seed`.
    package init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    /// A number below `bound`, from the generator (xorshift64*).
    package mutating func next(below bound: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) >> 33) % max(1, bound)
    }

    /// `lines` with about `share` (0 to 1) of them given a defect each.
    ///
    /// Blank lines, repeated lines and a byte order mark come in too. The result ends with a line feed.
    package mutating func manifest(from lines: [String], share: Double, unsafe: Bool = true) -> String {
        var output: [String] = []
        let defects = unsafe ? Self.safe + Self.unsafe : Self.safe
        for line in lines {
            guard Double(next(below: 10_000)) / 10_000 < share else {
                output.append(line)
                continue
            }
            let defect = defects[next(below: defects.count)]
            switch defect.name {
            case "blank line": output += [line, next(below: 2) == 0 ? "" : "  "]
            case "repeated line" where !output.isEmpty: output += [line, output[next(below: output.count)]]
            default: output.append(defect.apply(line) ?? line)
            }
        }
        var text = output.joined(separator: "\n") + "\n"
        if next(below: 20) == 0 { text = "\u{FEFF}" + text }
        return text
    }

    /// `text` with the first `old` made `new`, or nil when it has none.
    private static func replacingFirst(_ old: String, with new: String, in text: String) -> String? {
        guard let range = text.firstRange(of: old) else { return nil }
        return text.replacingCharacters(in: range, with: new)
    }

    /// The value after the first `"key":` (after `marker`, when given; up to the next `,` or `}`), replaced
    /// by `transform` of it.
    private static func replacingValue(
        of key: String, after marker: String? = nil, in text: String, _ transform: (String) -> String?
    ) -> String? {
        let from = marker.map { text.firstRange(of: $0)?.upperBound } ?? text.startIndex
        guard let from, let keyRange = text[from...].firstRange(of: "\"\(key)\":") else { return nil }
        var start = keyRange.upperBound
        while start < text.endIndex, text[start] == " " { start = text.index(after: start) }
        guard let end = text[start...].firstIndex(where: { $0 == "," || $0 == "}" }),
            let new = transform(String(text[start..<end]))
        else { return nil }
        return text.replacingCharacters(in: start..<end, with: new)
    }

    private static func isNumber(_ text: String) -> Bool { Double(text) != nil && !text.hasPrefix("\"") }

    /// Mistakes a safe fix mends.
    package static let safe: [Defect] = [
        Defect(name: "trailing comma") { line in line.hasSuffix("}") ? String(line.dropLast()) + ",}" : nil },
        Defect(name: "single quotes") { line in
            line.contains("'") || line.contains("\\") ? nil : line.replacingOccurrences(of: "\"", with: "'")
        },
        Defect(name: "Python literals") { line in
            guard !line.contains("'"), !line.contains("\\") else { return nil }
            return replacingFirst(#""human-annotated":"yes""#, with: #"'human-annotated':True"#, in: line)
                .map { $0.replacingOccurrences(of: "\"", with: "'") }
        },
        Defect(name: "human-annotated as a boolean") { line in
            replacingFirst(#""human-annotated":"no""#, with: #""human-annotated":false"#, in: line)
                ?? replacingFirst(#""human-annotated":"yes""#, with: #""human-annotated":true"#, in: line)
        },
        Defect(name: "confidence as a string") { line in
            replacingValue(of: "confidence", in: line) { isNumber($0) ? "\"\($0)\"" : nil }
        },
        Defect(name: "class_id as a string") { line in
            replacingValue(of: "class_id", in: line) { isNumber($0) ? "\"\($0)\"" : nil }
        },
        Defect(name: "width as a string") { line in
            replacingValue(of: "width", in: line) { isNumber($0) ? "\"\($0)\"" : nil }
        },
        Defect(name: "misspelled source-ref") { line in
            replacingFirst(#""source-ref""#, with: #""source_ref""#, in: line)
        },
        Defect(name: "upper-case scheme") { line in replacingFirst(#""s3://"#, with: #""S3://"#, in: line) },
        Defect(name: "one slash") { line in replacingFirst(#""s3://"#, with: #""s3:/"#, in: line) },
        Defect(name: "S3 web URL") { line in
            guard let start = line.firstRange(of: #""source-ref":"s3://"#)?.upperBound,
                let slash = line[start...].firstIndex(of: "/")
            else { return nil }
            let bucket = line[start..<slash]
            return line.replacingCharacters(
                in: line.index(start, offsetBy: -5)..<line.index(after: slash),
                with: "https://\(bucket).s3.us-east-1.amazonaws.com/")
        },
        Defect(name: "missing objects entry") { line in
            replacingFirst(#"{"confidence":1},"#, with: "", in: line)
        },
        Defect(name: "extra objects entry") { line in
            replacingFirst(#""objects":["#, with: #""objects":[{"confidence":1},"#, in: line)
        },
        Defect(name: "blank line") { _ in nil },
    ]

    /// Mistakes an unsafe fix mends.
    package static let unsafe: [Defect] = [
        Defect(name: "repeated line") { _ in nil },
        Defect(name: "box of half a pixel") { line in
            replacingValue(of: "height", after: #""annotations":["#, in: line) { _ in "0.5" }
        },
        Defect(name: "fractional box") { line in
            replacingValue(of: "left", in: line) { isNumber($0) ? "\($0).5" : nil }
        },
        Defect(name: "box beyond the image") { line in
            guard line.contains("\"annotations\":[{") else { return nil }
            return replacingValue(of: "left", in: line) { _ in "-7" }
        },
    ]
}
