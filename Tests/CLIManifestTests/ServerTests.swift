import Foundation
import ManifestServer
import Testing
import _ManifestTestSupport

/// `clmanifest server` driven over pipes, as an editor drives it.
@Suite struct ServerTests {
    static let box =
        #""bb": {"image_size": [{"width": 640, "height": 480, "depth": 3}], "annotations": [{"class_id": 0, "#
        + #""top": 10, "left": 10, "width": 100, "height": 100}]}, "bb-metadata": {"objects": [{"confidence": 1}], "#
        + #""class-map": {"0": "cat"}, "type": "groundtruth/object-detection", "human-annotated": "yes", "#
        + #""creation-date": "2024-01-01T00:00:00", "job-name": "j"}"#
    /// An image's line; its label alternates between cat and dog with its name's length.
    static func line(_ name: String, width: Int = 100) -> String {
        #"{"source-ref": "s3://bucket/\#(name).jpg", "#
            + box.replacingOccurrences(of: #""width": 100"#, with: #""width": \#(width)"#)
            .replacingOccurrences(of: "cat", with: name.count % 2 == 0 ? "cat" : "dog") + "}"
    }

    /// A folder to work in, and a started, initialised client offering `encodings`.
    static func start(encodings: [String]? = nil, options: [String: Any]? = nil) throws -> (
        LanguageClient, URL, [String: Any]
    ) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let client = try LanguageClient(executable: CommandRunner.executable, directory: directory.path)
        var capabilities: [String: Any] = [:]
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        var params: [String: Any] = ["processId": NSNull(), "capabilities": capabilities]
        if let options { params["initializationOptions"] = options }
        let answer = try #require(client.request("initialize", params))
        client.notify("initialized")
        return (client, directory, answer)
    }

    static func open(_ client: LanguageClient, _ uri: String, _ text: String, version: Int = 1) {
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": "jsonl", "version": version, "text": text]])
    }

    static func summary(_ diagnostics: [[String: Any]]?) -> [String] {
        (diagnostics ?? []).map { diagnostic in
            let range = diagnostic["range"] as? [String: Any]
            let start = range?["start"] as? [String: Any]
            return "\(start?["line"] ?? "?"):\(start?["character"] ?? "?") \(diagnostic["code"] ?? "")"
        }.sorted()
    }

    /// "line code" for each diagnostic, sorted.
    static func lines(_ diagnostics: [[String: Any]]?) -> [String] {
        summary(diagnostics).map { "\($0.split(separator: ":")[0]) \($0.split(separator: " ")[1])" }.sorted()
    }

    /// What `clmanifest lint` says of `text`: "line-1:? code" for each finding.
    static func lintSummary(_ text: String, in directory: URL) throws -> [String] {
        let file = directory.appendingPathComponent("check-\(UUID().uuidString).manifest")
        try Data(text.utf8).write(to: file)
        let run = try CommandRunner.run(["lint", file.path, "--format", "json"])
        let findings = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]] ?? []
        return findings.map { "\((($0["line"] as? Int) ?? 1) - 1) \($0["code"] ?? "")" }.sorted()
    }

    @Test func initializationNegotiatesTheEncodingAndColumnsCountInIt() throws {
        // An emoji (two UTF-16 units, four UTF-8 bytes) before a finding's column moves it differently.
        let text = Self.line("x", width: 1).replacingOccurrences(of: "x.jpg", with: "😀.jpg") + "\n"
        var columns: [String: Int] = [:]
        for (offered, expected) in [(["utf-8", "utf-16"], "utf-8"), (nil, "utf-16"), (["utf-32"], "utf-16")] {
            let (client, directory, answer) = try Self.start(encodings: offered)
            defer { try? FileManager.default.removeItem(at: directory) }
            let capabilities = try #require((answer["result"] as? [String: Any])?["capabilities"] as? [String: Any])
            #expect(capabilities["positionEncoding"] as? String == expected)
            let sync = capabilities["textDocumentSync"] as? [String: Any]
            #expect(sync?["change"] as? Int == 2 && sync?["openClose"] as? Bool == true)
            #expect(capabilities["hoverProvider"] as? Bool == true)
            let uri = directory.appendingPathComponent("a.manifest").absoluteString
            Self.open(client, uri, text)
            let diagnostics = try #require(client.diagnostics(for: uri))
            let small = try #require(diagnostics.first { $0["code"] as? String == "CL304" })
            let start = (small["range"] as? [String: Any])?["start"] as? [String: Any]
            columns[expected] = start?["character"] as? Int
            #expect(client.shutDown() == 0)
        }
        // The column of `1` in `"width": 1` (past the emoji): UTF-8 counts 4 for it, UTF-16 2.
        let prefix = String(text[..<text.range(of: #""width": 1"#)!.lowerBound]) + #""width": "#
        #expect(columns["utf-8"] == prefix.utf8.count)
        #expect(columns["utf-16"] == prefix.utf16.count)
    }

    @Test func diagnosticsOnOpenCarryCodeLinksSourceAndRelatedLines() throws {
        let (client, directory, _) = try Self.start(options: ["extensions": [".ndjson"]])
        defer { try? FileManager.default.removeItem(at: directory) }
        let text =
            [Self.line("a"), "{not json", Self.line("bb", width: 1), Self.line("a")].joined(separator: "\n") + "\n"
        let uri = directory.appendingPathComponent("train.manifest").absoluteString
        Self.open(client, uri, text, version: 7)
        let message = try #require(
            client.waitFor { $0["method"] as? String == "textDocument/publishDiagnostics" }?["params"]
                as? [String: Any])
        #expect(message["version"] as? Int == 7)
        let diagnostics = try #require(message["diagnostics"] as? [[String: Any]])
        #expect(
            diagnostics.compactMap { $0["code"] as? String }.sorted() == ["CL001", "CL304", "CL309", "CL401", "CL408"])
        #expect(Self.lines(diagnostics) == (try Self.lintSummary(text, in: directory)))
        for diagnostic in diagnostics {
            #expect(diagnostic["source"] as? String == "clmanifest")
            let href = (diagnostic["codeDescription"] as? [String: Any])?["href"] as? String
            #expect(href?.hasSuffix("docs/rules.md#\((diagnostic["code"] as? String ?? "").lowercased())") == true)
        }
        let repeated = try #require(diagnostics.first { $0["code"] as? String == "CL401" })
        let related = try #require((repeated["relatedInformation"] as? [[String: Any]])?.first)
        let location = related["location"] as? [String: Any]
        #expect(location?["uri"] as? String == uri)
        #expect(((location?["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == 0)
        // A file that is not a manifest is left alone; one of initializationOptions.extensions is checked.
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": "file:///x/notes.txt", "languageId": "plaintext", "version": 1, "text": "{"]])
        client.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": "file:///x/more.ndjson", "languageId": "json", "version": 1, "text": "{"]])
        let extra = client.waitFor { $0["method"] as? String == "textDocument/publishDiagnostics" }
        #expect((extra?["params"] as? [String: Any])?["uri"] as? String == "file:///x/more.ndjson")
        #expect(client.shutDown() == 0)
    }

    @Test func incrementalEditsThatSplitAndJoinLinesGiveLintsFindings() throws {
        let (client, directory, _) = try Self.start(encodings: ["utf-8"])
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = (0..<1_200).map { Self.line("img\($0)") }
        lines[700] = Self.line("img700", width: 1)
        var text = lines.joined(separator: "\n") + "\n"
        let uri = directory.appendingPathComponent("big.manifest").absoluteString
        Self.open(client, uri, text)
        #expect(
            Self.summary(client.diagnostics(for: uri))
                == [
                    "700:\(Self.column(of: "1,", in: lines[700])) CL304",
                    "700:\(Self.column(of: #"[{"class_id"#, in: lines[700])) CL309",
                ].sorted())
        /// Applies one edit locally and sends it; returns the server's findings for that version.
        var version = 1
        func edit(_ line: Int, _ character: Int, _ endLine: Int, _ endCharacter: Int, _ new: String) -> [String] {
            var editorLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
            var spliced = Array(editorLines[line][..<character]) + Array(new.utf8)
            spliced += editorLines[endLine][endCharacter...]
            editorLines.replaceSubrange(
                line...endLine, with: spliced.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init))
            text = editorLines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
            version += 1
            let range: [String: Any] = [
                "start": ["line": line, "character": character], "end": ["line": endLine, "character": endCharacter],
            ]
            client.notify(
                "textDocument/didChange",
                [
                    "textDocument": ["uri": uri, "version": version],
                    "contentChanges": [["range": range, "text": new]],
                ])
            return Self.lines(client.diagnostics(for: uri, version: version))
        }
        // Split line 100 in two (both halves broken JSON), then join it again.
        let split = edit(100, 20, 100, 20, "\n")
        #expect(split == (try Self.lintSummary(text, in: directory)))
        #expect(split.contains("100 CL001") && split.contains("101 CL001"))
        let joined = edit(100, 20, 101, 0, "")
        #expect(joined == (try Self.lintSummary(text, in: directory)))
        // Lines removed across blocks, a line typed in, the repeated image of line 3 at the end.
        #expect(edit(200, 0, 900, 0, "") == (try Self.lintSummary(text, in: directory)))
        #expect(edit(3, 0, 3, 0, Self.line("img5") + "\n") == (try Self.lintSummary(text, in: directory)))
        let whole: [String: Any] = ["text": Self.line("only")]
        version += 1
        client.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": uri, "version": version], "contentChanges": [whole]])
        text = Self.line("only")
        #expect(
            Self.lines(client.diagnostics(for: uri, version: version)) == (try Self.lintSummary(text, in: directory)))
        #expect(client.shutDown() == 0)
    }

    @Test func quickFixesApplyAndFixAllIsTheFixCommand() throws {
        let (client, directory, _) = try Self.start()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Self.line("a").replacingOccurrences(of: "s3://", with: "S3://") + "\n" + Self.line("b") + "\n"
        let uri = directory.appendingPathComponent("fix.manifest").absoluteString
        Self.open(client, uri, text)
        let diagnostics = try #require(client.diagnostics(for: uri))
        #expect(!diagnostics.isEmpty)
        let answer = try #require(
            client.request(
                "textDocument/codeAction",
                [
                    "textDocument": ["uri": uri],
                    "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 999]],
                    "context": ["diagnostics": diagnostics],
                ]))
        let actions = try #require(answer["result"] as? [[String: Any]])
        let quickFix = try #require(actions.first { $0["kind"] as? String == "quickfix" })
        #expect(quickFix["isPreferred"] as? Bool == true)
        let changes = (quickFix["edit"] as? [String: Any])?["changes"] as? [String: Any]
        let edits = try #require(changes?[uri] as? [[String: Any]])
        // Applied as the editor would, the finding is gone.
        for edit in edits.reversed() {
            let range = edit["range"] as? [String: Any]
            let start = range?["start"] as? [String: Any]
            let end = range?["end"] as? [String: Any]
            client.notify(
                "textDocument/didChange",
                [
                    "textDocument": ["uri": uri, "version": 2],
                    "contentChanges": [
                        [
                            "range": ["start": start ?? [:], "end": end ?? [:]],
                            "text": edit["newText"] as? String ?? "",
                        ]
                    ],
                ])
        }
        let after = try #require(client.diagnostics(for: uri, version: 2))
        #expect(after.count < diagnostics.count)
        // fix-all: the text `clmanifest fix -` makes.
        Self.open(client, uri + ".manifest", text)
        _ = client.diagnostics(for: uri + ".manifest")
        let all = try #require(
            client.request(
                "textDocument/codeAction",
                [
                    "textDocument": ["uri": uri + ".manifest"],
                    "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                    "context": ["diagnostics": [Any](), "only": ["source.fixAll"]],
                ]))
        let fixAll = try #require((all["result"] as? [[String: Any]])?.first)
        #expect(fixAll["kind"] as? String == "source.fixAll.clmanifest")
        let fixAllEdits = ((fixAll["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri + ".manifest"]
        let newText = (fixAllEdits as? [[String: Any]])?.first?["newText"] as? String
        let fixed = try CommandRunner.run(["fix", "-"], input: Array(text.utf8))
        #expect(newText == fixed.standardOutput && !fixed.standardOutput.isEmpty)
        #expect(client.shutDown() == 0)
    }

    @Test func hoverExplainsRules() throws {
        let (client, directory, _) = try Self.start()
        defer { try? FileManager.default.removeItem(at: directory) }
        let uri = directory.appendingPathComponent("h.manifest").absoluteString
        Self.open(client, uri, "{not json\n" + #"{"note": "see CL401"}"# + "\n")
        _ = client.diagnostics(for: uri)
        let onFinding = client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 2]])
        let text = ((onFinding?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(text?.contains("CL001") == true)
        let onCode = client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 1, "character": 16]])
        let code = ((onCode?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(code?.contains("CL401") == true)
        let nothing = client.request(
            "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 5, "character": 0]])
        #expect(nothing?["result"] is NSNull)
        #expect(client.shutDown() == 0)
    }

    @Test func aChangedConfigurationIsReadAgain() throws {
        let (client, directory, _) = try Self.start()
        defer { try? FileManager.default.removeItem(at: directory) }
        let uri = directory.appendingPathComponent("c.manifest").absoluteString
        let text = [Self.line("a"), Self.line("a")].joined(separator: "\n") + "\n"
        Self.open(client, uri, text)
        #expect(Self.summary(client.diagnostics(for: uri)).contains("1:15 CL401"))
        try Data("ignore: [CL401]\n".utf8).write(to: directory.appendingPathComponent(".clmanifest.yml"))
        client.notify(
            "workspace/didChangeWatchedFiles",
            ["changes": [["uri": directory.appendingPathComponent(".clmanifest.yml").absoluteString, "type": 1]]])
        #expect(!Self.summary(client.diagnostics(for: uri)).contains { $0.hasSuffix("CL401") })
        // A configuration that cannot be read: the defaults, and a finding that says so.
        try Data("select: [NOPE]\n".utf8).write(to: directory.appendingPathComponent(".clmanifest.yml"))
        client.notify("workspace/didChangeWatchedFiles", ["changes": [[String: Any]]()])
        let broken = client.diagnostics(for: uri) ?? []
        #expect(broken.contains { $0["code"] as? String == "server" })
        #expect(broken.contains { $0["code"] as? String == "CL401" })
        #expect(client.finish() == 1)
    }

    @Test func badMessagesGetErrorsAndTheServerGoesOn() throws {
        let client = try LanguageClient(executable: CommandRunner.executable)
        // Before initialize: -32002.
        let early = client.request("textDocument/hover", [:])
        #expect((early?["error"] as? [String: Any])?["code"] as? Int == -32002)
        _ = client.request("initialize", ["capabilities": [String: Any]()])
        client.sendRaw(Array("Content-Length: 5\r\n\r\n{oops".utf8))
        let parse = client.waitFor { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
        #expect(parse != nil)
        client.sendRaw(Array("Content-Type: x\r\n\r\n".utf8))
        #expect(client.waitFor { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 } != nil)
        let unknown = client.request("workspace/symbol", [:])
        #expect((unknown?["error"] as? [String: Any])?["code"] as? Int == -32601)
        let missing = client.request("textDocument/hover", ["textDocument": ["uri": "file:///none.manifest"]])
        #expect((missing?["error"] as? [String: Any])?["code"] as? Int == -32602)
        // A change to a position far past the end is clamped, not a crash.
        let uri = "file:///tmp/clamp.manifest"
        Self.open(client, uri, "{}\n")
        _ = client.diagnostics(for: uri)
        client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [
                    [
                        "range": [
                            "start": ["line": 99, "character": 99], "end": ["line": 120, "character": 0],
                        ], "text": "\n{",
                    ]
                ],
            ])
        #expect(client.diagnostics(for: uri, version: 2) != nil)
        let shutdown = client.request("shutdown")
        #expect(shutdown?["result"] is NSNull)
        let afterShutdown = client.request("textDocument/hover", [:])
        #expect((afterShutdown?["error"] as? [String: Any])?["code"] as? Int == -32600)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
        // exit without shutdown: 1.
        let abrupt = try LanguageClient(executable: CommandRunner.executable)
        _ = abrupt.request("initialize", ["capabilities": [String: Any]()])
        abrupt.notify("exit")
        #expect(abrupt.waitForExit() == 1)
    }

    /// The 0-based character (UTF-16) where `text` starts in `line`.
    static func column(of text: String, in line: String) -> Int {
        guard let range = line.range(of: text) else { return -1 }
        return line.utf16.distance(from: line.startIndex, to: range.lowerBound)
    }

    @Test func positionsConvertBothWays() {
        let line = Array("a😀é\"x\"".utf8)
        #expect(PositionEncoding.utf16.byteOffset(of: 3, in: line) == 5)  // after a and the emoji
        #expect(PositionEncoding.utf16.byteOffset(of: 2, in: line) == 1)  // inside the emoji: its start
        #expect(PositionEncoding.utf8.byteOffset(of: 5, in: line) == 5)
        #expect(PositionEncoding.utf16.character(atByte: 7, in: line) == 4)
        #expect(PositionEncoding.utf16.byteOffset(of: 99, in: line) == line.count)
        #expect(PositionEncoding.byteOffset(ofColumn: 3, in: line, isFirstLine: false) == 5)
        #expect(PositionEncoding.byteOffset(ofColumn: 1, in: [0xEF, 0xBB, 0xBF, 0x7B], isFirstLine: true) == 3)
        #expect(PositionEncoding.negotiated(from: ["utf-32", "utf-8"]) == .utf8)
    }
}
