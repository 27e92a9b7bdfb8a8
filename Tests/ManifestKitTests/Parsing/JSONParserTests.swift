import ManifestKit
import Testing

/// Parses `text` and hands the document to `body`.
private func withDocument<T>(_ text: String, _ body: (JSONDocument) throws -> T) throws -> T {
    let parser = JSONParser()
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
        let document = try parser.parse(buffer)
        return try body(document)
    }
}

/// The error for `text`, or nil when it parses.
private func syntaxError(_ text: String, maxDepth: Int = 512) -> JSONSyntaxError? {
    syntaxError(bytes: Array(text.utf8), maxDepth: maxDepth)
}

private func syntaxError(bytes: [UInt8], maxDepth: Int = 512) -> JSONSyntaxError? {
    let parser = JSONParser(maxDepth: maxDepth)
    return bytes.withUnsafeBufferPointer { buffer -> JSONSyntaxError? in
        do throws(JSONSyntaxError) {
            _ = try parser.parse(buffer)
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct JSONParserTests {
    @Test func recordsThePositionOfEveryKeyAndValue() throws {
        try withDocument(#"{"a": [1, "x"], "b": {"c": null}}"#) { document in
            #expect(document.root.kind == .object)
            #expect(document.root.count == 2)
            let members = document.members(of: 0)
            #expect(members.map { document.string(at: $0.key) } == ["a", "b"])
            #expect(document[members[0].key].start == 1)
            let array = members[0].value
            #expect(document[array].kind == .array)
            #expect(document[array].start == 6 && document[array].end == 14)
            let elements = document.elements(of: array)
            #expect(elements.map { document.rawText(at: $0) } == ["1", "\"x\""])
            let inner = try #require(document.member("b", in: 0))
            let null = try #require(document.member("c", in: inner))
            #expect(document[null].kind == .null)
            #expect(document[null].start == 27)
            #expect(document.pointer(to: null) == "/b/c")
            #expect(document.pointer(to: elements[1]) == "/a/1")
        }
    }

    @Test func keepsEachNumbersOriginalText() throws {
        try withDocument(#"[1, 1.0, 1e0, -0.50E+3, 12345678901234567890123]"#) { document in
            let texts = document.elements(of: 0).map { document.rawText(at: $0) }
            #expect(texts == ["1", "1.0", "1e0", "-0.50E+3", "12345678901234567890123"])
            let integers = document.elements(of: 0).map { document[$0].flags & JSONNode.isInteger != 0 }
            #expect(integers == [true, false, false, false, true])
            #expect(document.int(at: 1) == 1)
            #expect(document.double(at: 4) == -500)
        }
    }

    /// `number(at:)` reads integers of up to eight digits in one word: every length, sign, neighbour and
    /// place in the line gives what the text says.
    @Test func readsShortIntegersWhateverFollowsThem() throws {
        var integers: [Int] = [0, 7, 10, 99, 100, 4096, 65_535, 1_000_000, 12_345_678, 99_999_999, 100_000_000]
        integers += integers.map { -$0 } + [123_456_789_012]
        for value in integers {
            let placed = [
                ("[\(value)]", 1), ("{\"a\":\(value),\"b\":1}", 2), ("[\(value) ,\"x\"]", 1), ("[1,\(value)]", 2),
                ("\(value)", 0),
            ]
            for (text, node) in placed {
                try withDocument(text) { document in
                    #expect(document.number(at: node) == Double(value), "\(text)")
                    #expect(document.int(at: node) == value, "\(text)")
                }
            }
        }
        try withDocument(#"[1.5, -0, 2e3, -0.5]"#) { document in
            #expect(document.elements(of: 0).map { document.number(at: $0) } == [1.5, 0, 2000, -0.5])
        }
    }

    @Test func decodesStringsOnDemand() throws {
        try withDocument(#"["plain", "tab\there", "\u00e9\ud83d\ude00", "\ud800", "a\/b\"c\\"]"#) { document in
            let strings = document.elements(of: 0).map { document.string(at: $0) }
            #expect(strings == ["plain", "tab\there", "é😀", "\u{FFFD}", "a/b\"c\\"])
        }
        // Runs of plain text between escapes, escapes side by side and at both ends, a JSON line as an entry.
        try withDocument(#"["\"x\"", "\n\n", "{\"a\":[1,\"é\"]}\u0041z", "\ud83d\ude00\ud83d\ude00é"]"#) { document in
            let strings = document.elements(of: 0).map { document.string(at: $0) }
            #expect(strings == ["\"x\"", "\n\n", #"{"a":[1,"é"]}Az"#, "😀😀é"])
        }
    }

    @Test func findsDuplicateKeysIncludingEscapedSpellings() throws {
        try withDocument(#"{"a": 1, "b": {"x": 1, "\u0078": 2}, "a": 3}"#) { document in
            #expect(document.duplicateKeys.count == 2)
            let pointers = document.duplicateKeys.map { document.pointer(to: $0.duplicate) }
            #expect(pointers == ["/b/x", "/a"])
        }
    }

    /// Keys are compared only when an earlier key has the same length modulo 64 or escapes are involved.
    @Test func findsDuplicatesWhateverTheKeyLengths() throws {
        let long = String(repeating: "x", count: 65)  // 67 bytes with quotes: the same bit as 3 ("x")
        let text = #"{"x": 1, "\#(long)": 2, "yy": 3, "zz": 4, "yy": 5, "\#(long)": 6, "x": 7}"#
        try withDocument(text) { document in
            let pointers = document.duplicateKeys.map { document.pointer(to: $0.duplicate) }
            #expect(pointers == ["/yy", "/\(long)", "/x"])
        }
    }

    @Test func findsDuplicatesInLargeObjects() throws {
        let members = (0..<100).map { "\"k\($0)\": \($0)" } + ["\"k42\": 0"]
        try withDocument("{" + members.joined(separator: ", ") + "}") { document in
            #expect(document.duplicateKeys.count == 1)
            #expect(document.pointer(to: document.duplicateKeys[0].duplicate) == "/k42")
        }
    }

    @Test func pointerEscapesSlashAndTilde() throws {
        try withDocument(#"{"a/b": {"m~n": 1}}"#) { document in
            #expect(document.pointer(to: 3 + 1) == "/a~1b/m~0n")
        }
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 8, "expected a string key after ',', found '}' (JSON does not allow a trailing comma)"),
        (#"{"a" 1}"#, 5, "expected ':' after object key, found '1'"),
        (#"{"a": 1 "b": 2}"#, 8, "expected ',' or '}' after object member, found '\"'"),
        (#"[1 2]"#, 3, "expected ',' or ']' after array element, found '2'"),
        (#"[1,]"#, 3, "expected a JSON value, found ']' (JSON does not allow a trailing comma)"),
        (#"{"a": tru}"#, 6, "invalid literal: expected 'true'"),
        (#"{"a": True}"#, 6, "expected a JSON value, found 'T' (JSON literals are lowercase: true, false, null)"),
        (#"{"a": NaN}"#, 6, "expected a JSON value, found 'N' (JSON has no NaN or Infinity; use a number or null)"),
        (#"{'a': 1}"#, 1, "expected a string key or '}' after '{', found \"'\" (JSON strings use double quotes)"),
        (#"{"a": 01}"#, 6, "number has a leading zero"),
        (#"{"a": -}"#, 7, "expected a digit after '-', found '}'"),
        (#"{"a": 1.}"#, 8, "expected a digit after '.' in number, found '}'"),
        (#"{"a": 1e}"#, 8, "expected a digit in the exponent, found '}'"),
        (#"{"a": "x"#, 6, "unterminated string: no closing '\"' before the end of the line"),
        (#"{"a": "\x"}"#, 7, "invalid escape '\\' followed by 'x' in string"),
        (#"{"a": "\u12"}"#, 7, "invalid unicode escape: expected 4 hex digits after '\\u'"),
        ("{\"a\": \"tab\there\"}", 10, "unescaped control character U+0009 in string"),
        (#"{"a": 1}{"b": 2}"#, 8, "expected end of line after the JSON value, found '{'"),
        (#"{"a": 1"#, 7, "expected ',' or '}' after object member, found end of line"),
        ("{\"a\": \u{A0}1}", 6, "expected a JSON value, found invisible character U+00A0"),
    ])
    func reportsWhatWasExpectedAndWhere(text: String, offset: Int, message: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.category == .syntax)
        #expect(error.offset == offset)
        #expect(error.message == message)
    }

    @Test func reportsInvalidUTF8AtTheBadByte() throws {
        let inString = try #require(syntaxError(bytes: Array(#"{"a": "caf"#.utf8) + [0xE9, 0x22, 0x7D]))
        #expect(inString.category == .invalidUTF8 && inString.offset == 10)
        let outside = try #require(syntaxError(bytes: Array(#"{"a": 1}"#.utf8) + [0xFF]))
        #expect(outside.category == .invalidUTF8 && outside.offset == 8)
        let overlong = try #require(syntaxError(bytes: [0x22, 0xC0, 0xAF, 0x22]))
        #expect(overlong.category == .invalidUTF8 && overlong.offset == 1)
        let surrogate = try #require(syntaxError(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22]))
        #expect(surrogate.category == .invalidUTF8)
    }

    @Test func reportsNULBytesInAndOutsideStrings() throws {
        let inString = try #require(syntaxError(bytes: [0x22, 0x61, 0x00, 0x22]))
        #expect(inString.category == .nulByte && inString.offset == 2)
        let outside = try #require(syntaxError(bytes: Array("{}".utf8) + [0x00]))
        #expect(outside.category == .nulByte && outside.offset == 2)
    }

    @Test func limitsNestingDepth() throws {
        #expect(syntaxError(String(repeating: "[", count: 10) + String(repeating: "]", count: 10), maxDepth: 10) == nil)
        let error = try #require(
            syntaxError(
                String(repeating: "[", count: 11) + String(repeating: "]", count: 11),
                maxDepth: 10))
        #expect(error.category == .nestingTooDeep && error.offset == 10)
        let huge = try #require(
            syntaxError(String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)))
        #expect(huge.category == .nestingTooDeep && huge.offset == 512 * 5)
    }

    /// Past the depth limit no nodes are built, but the syntax is still checked to the end of the line: a
    /// line that is also not JSON is a syntax error, whose position is where the syntax fails.
    @Test(arguments: [
        (String(repeating: "[", count: 20), "expected a JSON value, found end of line", 20),
        (String(repeating: "[", count: 20) + String(repeating: "]", count: 19) + ",", "expected a JSON value", 40),
        (
            String(repeating: "[", count: 15) + "{\"a\" 1}" + String(repeating: "]", count: 15), "':' after object key",
            20
        ),
        (String(repeating: "[", count: 15) + "tru" + String(repeating: "]", count: 15), "invalid literal", 15),
        (String(repeating: "{\"a\":", count: 15) + "1" + String(repeating: "}", count: 15) + "}", "end of line", 91),
    ])
    func anInvalidLineDeeperThanTheLimitIsASyntaxError(line: String, message: String, offset: Int) throws {
        let error = try #require(syntaxError(line, maxDepth: 10))
        #expect(error.category == .syntax)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.offset == offset)
    }

    @Test func reusesItsBuffersAcrossLines() throws {
        let parser = JSONParser()
        let large = Array(("[" + (0..<5000).map(String.init).joined(separator: ",") + "]").utf8)
        let small = Array(#"{"k": "v"}"#.utf8)
        for bytes in [large, small, large] {
            try bytes.withUnsafeBufferPointer { buffer in
                let document = try parser.parse(buffer)
                #expect(document.nodes.count == (bytes == small ? 3 : 5001))
            }
        }
    }
}
