import Foundation
import ManifestKit

/// `clmanifest server`: lint findings in the editor, over the Language Server Protocol on standard input and
/// output.
///
/// Messages are read on a thread of their own and handled one at a time, in order, on the thread that calls
/// ``run()``. Diagnostics are published when no message is waiting: a burst of keystrokes is checked once,
/// after its last change (the debounce), and a document is re-checked only in the blocks its edits touched
/// (``ManifestDocument``).
///
/// ```swift
/// let server = LanguageServer(version: ClmanifestVersion.number) { ServerConfiguration(linter: { _ in ManifestLinter() }) }
/// exit(server.run())
/// ```
public final class LanguageServer {
    private let channel: MessageChannel
    private let version: String
    private let configure: () -> ServerConfiguration
    private(set) var configuration: ServerConfiguration
    private(set) var encoding = PositionEncoding.utf16
    private(set) var documents: [String: OpenDocument] = [:]
    private var initialized = false
    private var shuttingDown = false
    private var exitCode: Int32?
    private var nextRequest = 1
    /// Where a rule's documentation is: `initializationOptions.rulesUrl`, else ``defaultRulesURL``.
    private var rulesURL = LanguageServer.defaultRulesURL
    /// File name endings checked beyond `.manifest` and `.jsonl`: `initializationOptions.extensions`.
    private var extraExtensions: [String] = []
    private let inbox = Inbox()

    /// The rules page in the project's repository; each rule is an anchor, such as `#cl101`.
    public static let defaultRulesURL = "https://github.com/clmanifest/clmanifest/blob/main/docs/rules.md"

    /// A server reading `input` and writing `output`, `configure` giving the linters (called again when a
    /// configuration file changes).
    public init(
        input: Int32 = 0, output: Int32 = 1, version: String, configure: @escaping () -> ServerConfiguration
    ) {
        channel = MessageChannel(input: input, output: output)
        self.version = version
        self.configure = configure
        configuration = configure()
    }

    /// Serves until `exit` (or the end of the input); returns the exit code: 0 after `shutdown`, 1 otherwise.
    public func run() -> Int32 {
        let channel = self.channel
        let inbox = self.inbox
        let reader = Thread {
            while true {
                let incoming = channel.read()
                inbox.put(incoming)
                if case .end = incoming { return }
            }
        }
        reader.stackSize = 8 << 20
        reader.start()
        while exitCode == nil {
            if inbox.isEmpty { publishStale() }
            switch inbox.take() {
            case .end:
                exitCode = shuttingDown ? 0 : 1
            case .malformed(let reason):
                respond(id: NSNull(), error: .parseError("a message could not be read: \(reason)"))
            case .message(let message):
                handle(message)
            }
        }
        return exitCode ?? 1
    }

    // MARK: - Dispatch

    private func handle(_ message: [String: Any]) {
        let id = message["id"]
        guard let method = message["method"] as? String else {
            // A response to a request of ours (client/registerCapability): nothing to do.
            if id != nil, message["result"] != nil || message["error"] != nil { return }
            respond(id: id ?? NSNull(), error: .invalidRequest("a message without a method"))
            return
        }
        let params = message["params"] as? [String: Any] ?? [:]
        guard let id else {
            handleNotification(method, params)
            return
        }
        guard id is String || id is NSNumber else {
            respond(id: NSNull(), error: .invalidRequest("an id that is neither a number nor a string"))
            return
        }
        do throws(ServerError) {
            let result = try handleRequest(method, params)
            channel.send(["jsonrpc": "2.0", "id": id, "result": result])
        } catch {
            respond(id: id, error: error)
        }
    }

    private func handleRequest(_ method: String, _ params: [String: Any]) throws(ServerError) -> Any {
        if method == "initialize" { return initialize(params) }
        guard initialized else { throw .serverNotInitialized }
        guard !shuttingDown else { throw .invalidRequest("the server is shutting down: only exit is accepted") }
        switch method {
        case "shutdown":
            shuttingDown = true
            return NSNull()
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/hover": return try hover(params)
        default: throw .methodNotFound(method)
        }
    }

    private func handleNotification(_ method: String, _ params: [String: Any]) {
        if method == "exit" {
            exitCode = shuttingDown ? 0 : 1
            return
        }
        guard initialized, !shuttingDown else { return }
        do throws(ServerError) {
            switch method {
            case "initialized": watchConfigurationFiles()
            case "textDocument/didOpen": try open(params)
            case "textDocument/didChange": try change(params)
            case "textDocument/didSave": try save(params)
            case "textDocument/didClose": try close(params)
            case "workspace/didChangeWatchedFiles": reloadConfiguration()
            default: break  // `$/cancelRequest`, `$/setTrace` and the rest: nothing to do.
            }
        } catch {
            // A notification has no answer: say what was wrong in the log.
            log("\(method): \(error.json["message"] ?? "")", type: 2)
        }
    }

    private func respond(id: Any, error: ServerError) {
        channel.send(["jsonrpc": "2.0", "id": id, "error": error.json])
    }

    // MARK: - Lifecycle

    private func initialize(_ params: [String: Any]) -> Any {
        let capabilities = params["capabilities"] as? [String: Any]
        let general = capabilities?["general"] as? [String: Any]
        encoding = PositionEncoding.negotiated(from: general?["positionEncodings"] as? [String] ?? [])
        if let options = params["initializationOptions"] as? [String: Any] {
            if let url = options["rulesUrl"] as? String { rulesURL = url }
            extraExtensions = (options["extensions"] as? [String] ?? []).map { $0.lowercased() }
        }
        initialized = true
        return [
            "capabilities": [
                "positionEncoding": encoding.rawValue,
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": [
                    "codeActionKinds": ["quickfix", LanguageServer.fixAllKind], "resolveProvider": false,
                ],
                "hoverProvider": true,
            ] as [String: Any],
            "serverInfo": ["name": "clmanifest", "version": version],
        ]
    }

    /// Asks the client to report changes to configuration files.
    private func watchConfigurationFiles() {
        let registration: [String: Any] = [
            "id": "clmanifest-configuration", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": [
                "watchers": [["globPattern": "**/.clmanifest.yml"], ["globPattern": "**/.clmanifest.yaml"]]
            ],
        ]
        nextRequest += 1
        channel.send([
            "jsonrpc": "2.0", "id": "clmanifest-\(nextRequest)", "method": "client/registerCapability",
            "params": ["registrations": [registration]],
        ])
    }

    /// Reads the configuration again and checks every open document with it.
    private func reloadConfiguration() {
        configuration = configure()
        for document in documents.values {
            document.relint(with: linter(for: document))
            checkImages(document)
        }
        log("configuration reloaded", type: 3)
    }

    /// Sends `window/logMessage` (1 error, 2 warning, 3 info, 4 log).
    func log(_ message: String, type: Int) {
        channel.send([
            "jsonrpc": "2.0", "method": "window/logMessage", "params": ["type": type, "message": message],
        ])
    }

    /// The linter for `document` (the defaults when its configuration cannot be used, which is logged and
    /// shown on the document).
    func linter(for document: OpenDocument) -> ManifestLinter {
        let (linter, problem) = linterAndProblem(forPath: document.path)
        document.problem = problem
        return linter
    }

    /// The linter for the file at `path`, and why it is the default one when its configuration cannot be used.
    private func linterAndProblem(forPath path: String) -> (ManifestLinter, String?) {
        do {
            return (try configuration.linter(path), nil)
        } catch {
            log("\(path): \(error.description); checking with the defaults", type: 1)
            return (ManifestLinter(), "\(error.description); checked with the defaults")
        }
    }

    // MARK: - Documents

    /// The code action kind that applies every safe fix.
    static let fixAllKind = "source.fixAll.clmanifest"

    private func open(_ params: [String: Any]) throws(ServerError) {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
            let text = item["text"] as? String
        else { throw .invalidParams("didOpen without textDocument.uri and text") }
        let language = item["languageId"] as? String ?? ""
        guard
            Self.isManifest(uri: uri, language: language) || extraExtensions.contains(where: uri.lowercased().hasSuffix)
        else { return }
        let path = Self.path(of: uri)
        let (linter, problem) = linterAndProblem(forPath: path)
        let document = OpenDocument(
            uri: uri, path: path, version: item["version"] as? Int ?? 0, text: Array(text.utf8), linter: linter)
        document.problem = problem
        documents[uri] = document
        checkImages(document)
    }

    private func change(_ params: [String: Any]) throws(ServerError) {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
            let changes = params["contentChanges"] as? [[String: Any]]
        else { throw .invalidParams("didChange without textDocument.uri and contentChanges") }
        guard let document = documents[uri] else { return }
        for change in changes { try document.apply(change, encoding: encoding) }
        if let version = item["version"] as? Int { document.version = version }
    }

    private func save(_ params: [String: Any]) throws(ServerError) {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else {
            throw .invalidParams("didSave without textDocument.uri")
        }
        guard let document = documents[uri] else { return }
        checkImages(document)
        document.isStale = true
    }

    private func close(_ params: [String: Any]) throws(ServerError) {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else {
            throw .invalidParams("didClose without textDocument.uri")
        }
        guard documents.removeValue(forKey: uri) != nil else { return }
        channel.send([
            "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
            "params": ["uri": uri, "diagnostics": [Any]()],
        ])
    }

    /// Checks the images of `document` (on open and save, when its configuration maps some); a failure is
    /// logged and shown on the document.
    private func checkImages(_ document: OpenDocument) {
        do {
            try document.manifest.checkImages()
            document.imageProblem = nil
        } catch {
            document.imageProblem = "the images could not be checked: \(error.description)"
            log("\(document.path): the images could not be checked: \(error.description)", type: 1)
        }
        document.isStale = true
    }

    /// Publishes the findings of every document changed since its last publication.
    private func publishStale() {
        for document in documents.values where document.isStale {
            document.diagnostics = document.check()
            document.isStale = false
            let payload = document.diagnostics.map { diagnosticJSON($0, in: document) }
            channel.send([
                "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                "params": ["uri": document.uri, "version": document.version, "diagnostics": payload],
            ])
        }
    }

    /// Whether the server checks a document: `*.manifest`, `*.jsonl`, or a JSON Lines language id.
    static func isManifest(uri: String, language: String) -> Bool {
        let lowered = uri.lowercased()
        return lowered.hasSuffix(".manifest") || lowered.hasSuffix(".jsonl")
            || ["jsonl", "jsonlines", "json-lines", "manifest"].contains(language.lowercased())
    }

    /// The file path of a `file:` URI (percent-decoded); other URIs as they are.
    static func path(of uri: String) -> String {
        guard let url = URL(string: uri), url.isFileURL else { return uri }
        return url.path
    }

    // MARK: - Diagnostics

    /// A finding as the protocol's `Diagnostic`.
    func diagnosticJSON(_ diagnostic: Diagnostic, in document: OpenDocument) -> [String: Any] {
        let (start, end) = document.range(of: diagnostic, encoding: encoding)
        var message = diagnostic.message
        if let serviceCode = diagnostic.serviceCode, serviceCode.rawValue != diagnostic.code {
            message += " (\(serviceCode.rawValue))"
        }
        var json: [String: Any] = [
            "range": ["start": start.json, "end": end.json],
            "severity": diagnostic.severity == .error ? 1 : 2,
            "code": diagnostic.code,
            "source": "clmanifest",
            "message": message,
        ]
        if RuleDocumentation.rule(named: diagnostic.code) != nil {
            json["codeDescription"] = ["href": "\(rulesURL)#\(diagnostic.code.lowercased())"]
        }
        if diagnostic.code == "CL401", let sourceRef = diagnostic.sourceRef,
            let first = document.manifest.firstLine(ofSourceRef: sourceRef), first != diagnostic.line,
            first <= document.manifest.lines.count
        {
            let line = document.manifest.lines[first - 1]
            let range: [String: Any] = [
                "start": ["line": first - 1, "character": 0],
                "end": ["line": first - 1, "character": encoding.character(atByte: line.count, in: line)],
            ]
            json["relatedInformation"] = [
                ["location": ["uri": document.uri, "range": range], "message": "first use of \(sourceRef)"]
            ]
        }
        return json
    }
}

/// The messages read and not yet handled, handed from the reading thread to the serving one.
private final class Inbox: @unchecked Sendable {
    private var messages: [MessageChannel.Incoming] = []
    private var head = 0
    private let condition = NSCondition()

    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return head == messages.count
    }

    func put(_ message: MessageChannel.Incoming) {
        condition.lock()
        messages.append(message)
        condition.signal()
        condition.unlock()
    }

    func take() -> MessageChannel.Incoming {
        condition.lock()
        defer { condition.unlock() }
        while head == messages.count { condition.wait() }
        let message = messages[head]
        head += 1
        if head > 1024, head * 2 > messages.count {
            messages.removeFirst(head)
            head = 0
        }
        return message
    }
}
