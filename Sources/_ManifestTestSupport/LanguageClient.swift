package import Foundation

/// A client of `clmanifest server` for tests: starts it, sends messages over its standard input and reads
/// what it says on a thread of its own, so a test can wait for a message with a timeout.
package final class LanguageClient: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var received: [[String: Any]] = []
    private var ended = false
    private var nextID = 0

    /// Starts `executable server` (plus `arguments`) in `directory`.
    package init(executable: URL, arguments: [String] = [], directory: String? = nil) throws {
        process.executableURL = executable
        process.arguments = ["server"] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        try process.run()
        let handle = output.fileHandleForReading
        Thread { [self] in readLoop(handle) }.start()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends raw bytes (for malformed messages).
    package func sendRaw(_ bytes: [UInt8]) {
        try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    /// Sends a message with its header.
    package func send(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message) else { return }
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + [UInt8](body))
    }

    /// Sends a notification.
    package func notify(_ method: String, _ params: [String: Any] = [:]) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and waits for its response (nil after `timeout` seconds).
    package func request(_ method: String, _ params: [String: Any] = [:], timeout: Double = 20) -> [String: Any]? {
        nextID += 1
        let id = nextID
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return waitFor(timeout: timeout) { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// The first message received (and not yet taken) that `matches`, waiting up to `timeout` seconds; it is
    /// taken, with the messages before it.
    package func waitFor(timeout: Double = 20, _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) {
                let message = received[index]
                received.removeFirst(index + 1)
                return message
            }
            if ended || !condition.wait(until: deadline) { return nil }
        }
    }

    /// The next `publishDiagnostics` for `uri` (with `version` when given).
    package func diagnostics(for uri: String, version: Int? = nil, timeout: Double = 20) -> [[String: Any]]? {
        let message = waitFor(timeout: timeout) { message in
            guard message["method"] as? String == "textDocument/publishDiagnostics",
                let params = message["params"] as? [String: Any], params["uri"] as? String == uri
            else { return false }
            return version == nil || params["version"] as? Int == version
        }
        return (message?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    }

    /// Closes the server's input and waits for it to end; its exit status.
    package func finish(timeout: Double = 20) -> Int32? {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Ends the session as an editor does (`shutdown`, then `exit`); the server's exit status.
    package func shutDown() -> Int32? {
        _ = request("shutdown")
        notify("exit")
        return waitForExit()
    }

    /// Waits for the server to end by itself (after `exit`); its exit status.
    package func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return process.isRunning ? nil : process.terminationStatus
    }

    private func readLoop(_ handle: FileHandle) {
        var buffer: [UInt8] = []
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer += chunk
            while let message = Self.take(&buffer) {
                condition.lock()
                received.append(message)
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// One whole message from the front of `buffer`, removed from it.
    private static func take(_ buffer: inout [UInt8]) -> [String: Any]? {
        let separator: [UInt8] = [13, 10, 13, 10]
        // A header is short: the separator is looked for in the first bytes only.
        let searched = min(buffer.count, 4_096)
        guard let headerEnd = (0..<searched).first(where: { buffer[$0...].starts(with: separator) }) else {
            return nil
        }
        let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        guard
            let field = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
            let length = Int(field.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
            buffer.count >= headerEnd + 4 + length
        else { return nil }
        let body = Data(buffer[(headerEnd + 4)..<(headerEnd + 4 + length)])
        buffer.removeFirst(headerEnd + 4 + length)
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? ["unreadable": true]
    }
}
