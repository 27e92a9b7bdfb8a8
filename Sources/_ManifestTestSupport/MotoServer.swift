package import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real S3 implementation for the tests: moto's server, on 127.0.0.1 at a free port.
///
/// Started with `python3 -m moto.server` (`pip install "moto[server]"`) and killed when the value is
/// released. `.ci/run` installs moto when missing; outside CI the tests that need it skip with a message.
package final class MotoServer: @unchecked Sendable {
    /// The endpoint, such as `http://127.0.0.1:PORT`.
    package let url: URL
    private let process: Process

    /// Whether moto's server can be started here (Python with `moto.server`).
    package static var isAvailable: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import moto.server, flask, werkzeug"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A started server, or nil when moto is not installed: then `report` gets the reason under CI (where
    /// it is a failure: `.ci/run` installs moto), and elsewhere it is printed as a skip.
    ///
    /// With `tls` (a certificate file and its key), the server speaks HTTPS with that certificate.
    package static func started(
        whenMissing report: (String) -> Void, tls: (certificate: String, key: String)? = nil
    ) throws -> MotoServer? {
        guard isAvailable else {
            let reason = "moto's server is not installed (pip install \"moto[server]\"; .ci/run installs it)"
            if SharedDirectory.isCI { report(reason) } else { print("skipped: " + reason) }
            return nil
        }
        return try MotoServer(tls: tls)
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts a server (HTTPS with `tls`) and waits (up to 30 seconds) until it answers.
    package init(tls: (certificate: String, key: String)? = nil) throws {
        let port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
            + (tls.map { ["--ssl-cert", $0.certificate, "--ssl-key", $0.key] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        // `CLMANIFEST_MOTO_LOG=FILE` keeps the server's log, to see why it answered as it did.
        if let log = ProcessInfo.processInfo.environment["CLMANIFEST_MOTO_LOG"],
            FileManager.default.createFile(atPath: log, contents: nil), let handle = FileHandle(forWritingAtPath: log)
        {
            process.standardError = handle
        } else {
            process.standardError = FileHandle.nullDevice
        }
        guard let url = URL(string: "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)") else {
            throw Failure(description: "no URL")
        }
        self.url = url
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            // Foundation would not trust a test certificate: over HTTPS, a listening port is the answer.
            if tls == nil ? Self.answers(url) : Self.listens(port) { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(process.processIdentifier, SIGKILL)
        throw Failure(description: "moto's server did not start on port \(port)")
    }

    deinit {
        // Killed, not waited for: Foundation's `waitUntilExit` can miss the exit of a child that Python's
        // server leaves this way, and hang; Foundation reaps it.
        kill(process.processIdentifier, SIGKILL)
    }

    /// Whether something answers HTTP at `url`.
    private static func answers(_ url: URL) -> Bool {
        let done = DispatchSemaphore(value: 0)
        let answered = LockedFlag()
        var request = URLRequest(url: url.appendingPathComponent("moto-api/"), timeoutInterval: 2)
        request.httpMethod = "GET"
        URLSession.shared.dataTask(with: request) { _, response, _ in
            if response != nil { answered.set() }
            done.signal()
        }.resume()
        done.wait()
        return answered.value
    }

    /// 127.0.0.1:`port` as a socket address.
    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    /// Whether something accepts connections on `port` of 127.0.0.1.
    private static func listens(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }

    /// A port nothing listens on now (bound, then released).
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket") }
        defer { close(socket) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        guard bound == 0 else { throw Failure(description: "cannot bind a port") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "cannot read the bound port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A flag set from another thread.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
