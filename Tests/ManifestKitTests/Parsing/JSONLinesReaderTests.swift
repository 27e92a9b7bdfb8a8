import Foundation
import ManifestKit
import Testing

/// A line as the tests compare it: copied out of the reader's buffer.
private struct ReadLine: Equatable, CustomStringConvertible {
    var number: Int
    var offset: Int
    var text: String
    var byteCount: Int
    var isOversized = false
    var scalars = 0
    var hasByteOrderMark = false

    var description: String { "\(number)@\(offset) \(text.debugDescription) (\(byteCount))" }
}

private func readAll(_ reader: JSONLinesReader) throws -> [ReadLine] {
    var lines: [ReadLine] = []
    try reader.forEachLine { line in
        lines.append(
            ReadLine(
                number: line.number, offset: line.offset, text: String(decoding: line.bytes, as: UTF8.self),
                byteCount: line.byteCount, isOversized: line.isOversized,
                scalars: line.oversizedScalarCount, hasByteOrderMark: line.hasByteOrderMark))
    }
    return lines
}

private func read(_ text: String, maxLineBytes: Int = 1 << 20, chunkSize: Int = 1 << 20) throws -> [ReadLine] {
    try readAll(JSONLinesReader(bytes: Array(text.utf8), name: "t", maxLineBytes: maxLineBytes, chunkSize: chunkSize))
}

@Suite struct JSONLinesReaderTests {
    @Test func splitsOnLFAndKeepsNumbersAndOffsets() throws {
        let lines = try read("{\"a\":1}\n\n{\"b\":2}\n")
        #expect(
            lines == [
                ReadLine(number: 1, offset: 0, text: "{\"a\":1}", byteCount: 7),
                ReadLine(number: 2, offset: 8, text: "", byteCount: 0),
                ReadLine(number: 3, offset: 9, text: "{\"b\":2}", byteCount: 7),
            ])
    }

    @Test func acceptsCRLFAndAMissingFinalNewline() throws {
        let lines = try read("{}\r\n[]\r\n{\"c\":3}")
        #expect(lines.map(\.text) == ["{}", "[]", "{\"c\":3}"])
        #expect(lines.map(\.offset) == [0, 4, 8])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try read("").isEmpty)
        #expect(try read("\n").map(\.text) == [""])
    }

    @Test func stripsAndReportsAByteOrderMarkOnLineOneOnly() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{}\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("{}".utf8)
        let lines = try readAll(JSONLinesReader(bytes: bytes, name: "t"))
        #expect(lines.map(\.hasByteOrderMark) == [true, false])
        #expect(lines[0].text == "{}" && lines[0].offset == 3)
        #expect(lines[1].byteCount == 5)
    }

    @Test(arguments: [1, 2, 3, 7, 16, 64])
    func linesSpanningReadsComeOutWhole(chunkSize: Int) throws {
        let text = (1...50).map { "{\"n\":\($0),\"pad\":\"\(String(repeating: "é", count: $0 % 9))\"}" }
            .joined(separator: "\n")
        let lines = try read(text, chunkSize: chunkSize)
        #expect(lines.map(\.text) == text.split(separator: "\n").map(String.init))
        #expect(lines.last?.number == 50)
    }

    @Test func measuresAndSkipsLinesLongerThanItKeeps() throws {
        let long = "{\"x\":\"" + String(repeating: "é", count: 100) + "\"}"  // 208 bytes, 108 characters
        let text = "{\"a\":1}\n" + long + "\r\n{\"b\":2}\n" + long
        let lines = try read(text, maxLineBytes: 64, chunkSize: 16)
        #expect(lines.count == 4)
        #expect(lines[1] == ReadLine(number: 2, offset: 8, text: "", byteCount: 208, isOversized: true, scalars: 108))
        #expect(lines[2].text == "{\"b\":2}" && lines[2].offset == 8 + 210)
        #expect(lines[3].isOversized && lines[3].byteCount == 208 && lines[3].scalars == 108)
    }

    @Test func memoryStaysBoundedForAHugeSingleLine() throws {
        // 8 MiB without a newline through a reader that keeps at most 1 KiB of a line.
        let reader = JSONLinesReader(
            bytes: [UInt8](repeating: 0x61, count: 8 << 20), name: "t", maxLineBytes: 1024,
            chunkSize: 4096)
        let lines = try readAll(reader)
        #expect(lines.count == 1)
        #expect(lines[0].isOversized && lines[0].byteCount == 8 << 20 && lines[0].scalars == 8 << 20)
    }

    @Test func readsFilesAndFailsClearlyOnMissingFilesAndDirectories() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString).jsonl")
        try Data("{\"a\":1}\n{\"b\":2}\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try readAll(JSONLinesReader(path: url.path)).map(\.text) == ["{\"a\":1}", "{\"b\":2}"])

        #expect(throws: ManifestError.cannotOpen(path: "/no/such/file.manifest", reason: "no such file or directory")) {
            _ = try JSONLinesReader(path: "/no/such/file.manifest")
        }
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: ManifestError.isDirectory(path: directory)) {
            _ = try JSONLinesReader(path: directory)
        }
    }
}
