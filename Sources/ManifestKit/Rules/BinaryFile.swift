/// Flags a file that is binary data or text in another encoding than UTF-8, and stops checking it line by line.
public struct BinaryFile: FileRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL011",
        name: "binary-file",
        mirrors: nil,
        severity: .error,
        summary: "the file is binary data or UTF-16 text, not UTF-8 JSON Lines",
        rationale: """
            A manifest is UTF-8 text, one JSON object per line. A file whose first 8 KB are more than 30% \
            control characters and bytes that are not UTF-8 (an executable, an image, an archive; known \
            signatures are named), or that is UTF-16 (as some Windows editors save text), is not: the service would find every line invalid (ERROR_INVALID_JSON_LINE) \
            and fail training on too many invalid lines. Rather than thousands of findings, one says what the \
            file looks like, and its lines are not checked.
            """,
        fix: "give the manifest itself, or save it as UTF-8",
        conditions: [
            "a known binary signature (an executable, an image, an archive)",
            "mostly control characters and bytes that are not UTF-8",
            "UTF-16 text",
        ],
        triggeringExamples: [
            // A whole-file finding is marked after the text's last newline.
            Example(
                "\u{7F}ELF\u{02}\u{01}\u{01}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{00}\u{03}\u{00}\n↓",
                condition: "a known binary signature (an executable, an image, an archive)"),
            Example(
                rawBytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR\n↓".utf8),
                condition: "a known binary signature (an executable, an image, an archive)"),
            Example(
                rawBytes: Array("{\"a\":".utf8) + (0..<40).map { UInt8(0x80 + $0) } + Array("\n↓".utf8),
                condition: "mostly control characters and bytes that are not UTF-8"),
            // 31 control characters in 101 bytes: just over 30%.
            Example(
                String(repeating: "x", count: 69) + String(repeating: "\u{01}", count: 31) + "\n↓",
                condition: "mostly control characters and bytes that are not UTF-8"),
            Example("\u{00}{\u{00}\"\u{00}a\u{00}\"\u{00}:\u{00}1\u{00}}\u{00}\n↓", condition: "UTF-16 text"),
            Example(rawBytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00] + Array("\n↓".utf8), condition: "UTF-16 text"),
        ],
        nonTriggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n"),
            Example(
                "{\"source-ref\": \"s3://bucket/ELF.png\", \"note\": \"PK GIF8 %PDF\"}\n",
                condition: "a known binary signature (an executable, an image, an archive)"),
            // One NUL in a line is CL006, found by the parser, when the rest is text.
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"a\": \"\u{00}\"}\n"
                    + String(repeating: "{\"b\": 1}\n", count: 40),
                condition: "mostly control characters and bytes that are not UTF-8"),
            // 30 control characters in 101 bytes: not over 30%.
            Example(
                String(repeating: "x", count: 70) + String(repeating: "\u{01}", count: 30) + "\n",
                condition: "mostly control characters and bytes that are not UTF-8"),
            // A Latin-1 letter here and there is CL005 on its line.
            Example(
                rawBytes: Array("{\"class-name\": \"caf".utf8) + [0xE9]
                    + Array("\", \"note\": \"a line long enough\"}\n".utf8),
                condition: "mostly control characters and bytes that are not UTF-8"),
            Example(
                "{\"a\": \"\u{00}\u{00}\"}\n" + String(repeating: "{\"b\": 1}\n", count: 10), condition: "UTF-16 text"),
        ]
    )

    /// How much of a file's start is looked at.
    static let sampleBytes = 8 << 10

    /// What the file whose first bytes are `prefix` is, when it is not UTF-8 text: "an ELF executable",
    /// "UTF-16 text", "binary data"; nil for text.
    static func kind(of prefix: [UInt8]) -> String? {
        let sample = prefix.prefix(sampleBytes)
        for (signature, name) in signatures where sample.starts(with: signature) { return name }
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) { return "UTF-16 text" }
        guard !sample.isEmpty else { return nil }
        let nuls = sample.count { $0 == 0 }
        // A text file with NULs beside most characters is UTF-16.
        let evenNuls = sample.enumerated().count { $0.offset % 2 == 0 && $0.element == 0 }
        let oddNuls = nuls - evenNuls
        if sample.count >= 4, max(evenNuls, oddNuls) * 2 >= sample.count - 1, min(evenNuls, oddNuls) == 0 {
            return "UTF-16 text"
        }
        // Text has few control characters and little that is not UTF-8; binary data has plenty of both. A
        // stray NUL or Latin-1 letter in a small text file is CL006 or CL005 on its line, not a binary file.
        guard sample.count >= 16 else { return nil }
        return nonTextBytes(Array(sample)) * 10 > sample.count * 3 ? "binary data" : nil
    }

    /// The control characters (other than tab, line feed, carriage return, form feed, backspace and escape)
    /// and the bytes of invalid UTF-8 sequences in `bytes` (a sequence cut at the end counts as valid).
    private static func nonTextBytes(_ bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20, ![0x09, 0x0A, 0x0D, 0x0C, 0x08, 0x1B].contains(byte) { count += 1 }
                index += 1
                continue
            }
            let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
            let continuations = bytes[(index + 1)..<min(index + max(length, 1), bytes.count)]
            if length == 0 || !continuations.allSatisfy({ $0 & 0xC0 == 0x80 }) {
                count += 1
                index += 1
            } else {
                index += length
            }
        }
        return count
    }

    /// Signatures of the binary files most often met where a manifest was expected.
    private static let signatures: [([UInt8], String)] = [
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0x4D, 0x5A], "a Windows executable"),
        ([0xCF, 0xFA, 0xED, 0xFE], "a Mach-O executable"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        (Array("%PDF".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        (Array("BZh".utf8), "bzip2-compressed data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
        (Array("PAR1".utf8), "a Parquet file"),
        (Array("SQLite format 3\u{0}".utf8), "an SQLite database"),
        (Array("RIFF".utf8), "a RIFF file (WebP, WAV or AVI)"),
    ]

    /// The finding's message for a file of `kind`.
    static func message(_ kind: String) -> String {
        kind == "UTF-16 text"
            ? "the file is UTF-16 text; manifests are UTF-8 JSON Lines: its lines were not checked"
            : "the file holds \(kind), not JSON Lines text: its lines were not checked"
    }

    static func check(_ start: FileStart) -> FileVerdict? {
        kind(of: start.prefix).map { .message(message($0), atStart: false) }
    }
}
