package import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests.
///
/// One thread per connection, keep-alive, `Content-Length` and chunked bodies, `Expect: 100-continue`. The handler may answer, answer late, or
/// drop the connection without answering.
package final class TestHTTPServer: @unchecked Sendable {
    /// A request as received.
    package struct Request: Sendable {
        package var method: String
        package var target: String
        /// Headers in order, names as sent.
        package var headers: [(name: String, value: String)]
        package var body: [UInt8]

        package init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8]) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
        }

        /// The first value of header `name` (any case).
        package func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What to do with a request.
    package enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Close the connection without a response.
        case drop
    }

    /// The port the server listens on.
    package private(set) var port: UInt16 = 0
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopped = false

    /// Starts listening on an ephemeral port of 127.0.0.1.
    package init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        // Writing to a connection the client closed must be an error, not the end of the test process.
        signal(SIGPIPE, SIG_IGN)
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:PORT`.
    package var url: URL {
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Stops accepting and closes every connection.
    package func stop() {
        lock.lock()
        guard !stopped else {
            lock.unlock()
            return
        }
        stopped = true
        let open = connections
        connections.removeAll()
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    deinit {
        stop()
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            lock.lock()
            if stopped {
                lock.unlock()
                close(connection)
                return
            }
            connections.insert(connection)
            lock.unlock()
            var noDelay: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(connection) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        var reader = SocketReader(descriptor: connection)
        defer {
            lock.lock()
            connections.remove(connection)
            lock.unlock()
            close(connection)
        }
        while let request = reader.readRequest(onExpectContinue: {
            Self.send(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }) {
            switch handler(request) {
            case .drop:
                // A reset (RST), as a failing network or load balancer sends, rather than an orderly close.
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                return
            case .respond(let status, let headers, let body):
                var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                // A HEAD answer names the object's length itself, and has no body.
                if !headers.contains(where: { $0.0.lowercased() == "content-length" }) {
                    head += "Content-Length: \(body.count)\r\n"
                }
                head += "\r\n"
                guard Self.send(connection, Array(head.utf8) + body) else { return }
                if request.header("connection")?.lowercased() == "close" { return }
            }
        }
    }

    @discardableResult
    private static func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that gave up (a timeout) must not kill the tests with SIGPIPE.
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

/// Reads HTTP requests from a socket.
private struct SocketReader {
    let descriptor: Int32
    var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next request, or nil at the end of the connection or on a malformed request.
    mutating func readRequest(onExpectContinue: () -> Void) -> TestHTTPServer.Request? {
        guard let headEnd = readUntil([13, 10, 13, 10]) else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            )
        }
        var request = TestHTTPServer.Request(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: [])
        if request.header("expect")?.lowercased() == "100-continue" { onExpectContinue() }
        if request.header("transfer-encoding")?.lowercased().contains("chunked") == true {
            while true {
                guard let lineEnd = readUntil([13, 10]) else { return nil }
                let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                buffer.removeFirst(lineEnd + 2)
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
                guard fill(size + 2) else { return nil }
                request.body += buffer[..<size]
                buffer.removeFirst(size + 2)
                if size == 0 { break }
            }
        } else if let length = request.header("content-length").flatMap({ Int($0) }), length > 0 {
            guard fill(length) else { return nil }
            request.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        }
        return request
    }

    private mutating func readUntil(_ marker: [UInt8]) -> Int? {
        var searchFrom = 0
        while true {
            if buffer.count >= marker.count {
                for index in searchFrom...(buffer.count - marker.count)
                where buffer[index..<index + marker.count].elementsEqual(marker) {
                    return index
                }
                searchFrom = buffer.count - marker.count + 1
            }
            guard readMore() else { return nil }
        }
    }

    private mutating func fill(_ count: Int) -> Bool {
        while buffer.count < count {
            guard readMore() else { return false }
        }
        return true
    }

    private mutating func readMore() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
    }
}
