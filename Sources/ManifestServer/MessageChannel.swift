import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Language Server Protocol's base protocol on two file descriptors: each message a header
/// (`Content-Length: N`, CR LF after each field, an empty line after the last) and N bytes of JSON.
///
/// A message that cannot be read (no length, a length that is not a number, a body that is not a JSON
/// object) is reported as malformed and skipped; the channel goes on with the next header.
final class MessageChannel: @unchecked Sendable {
    /// What one read gives.
    enum Incoming {
        /// A JSON object.
        case message([String: Any])
        /// Something that was not one, and why.
        case malformed(String)
        /// The input ended.
        case end
    }

    /// The largest body accepted (a manifest's limit is 1 GB; its JSON escaping can add more).
    static let maxBody = 2 << 30

    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private let writeLock = NSLock()
    /// What one read(2) fills, before it is appended to ``buffer``.
    private static let scratchBytes = 1 << 20
    private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: MessageChannel.scratchBytes)

    /// A channel reading `input` and writing `output`.
    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    deinit {
        scratch.deallocate()
    }

    /// The next message.
    func read() -> Incoming {
        var length: Int?
        var sawField = false
        // The header: lines up to an empty one.
        while true {
            guard let line = readLine() else { return .end }
            if line.isEmpty {
                if !sawField { continue }  // Blank lines between messages are tolerated.
                break
            }
            sawField = true
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { length = Int(value) ?? -1 }
        }
        guard let length, length >= 0, length <= Self.maxBody else {
            return .malformed(
                length == nil ? "a message without Content-Length" : "a Content-Length that is not a usable size")
        }
        guard let body = readBytes(length) else { return .end }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) else {
            return .malformed("a body that is not JSON")
        }
        guard let message = object as? [String: Any] else { return .malformed("a body that is not a JSON object") }
        return .message(message)
    }

    /// Sends `message`; several threads may send.
    func send(_ message: [String: Any]) {
        guard
            let data = try? JSONSerialization.data(withJSONObject: message, options: [.withoutEscapingSlashes])
        else { return }
        var bytes = Array("Content-Length: \(data.count)\r\n\r\n".utf8)
        bytes += data
        writeLock.lock()
        defer { writeLock.unlock() }
        bytes.withUnsafeBufferPointer { buffer in
            guard var next = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(output, next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // The client went away: nothing more can be said to it.
                }
                next += written
                remaining -= written
            }
        }
    }

    // MARK: - Reading

    /// A header line without its CR LF (or LF); nil at the end of the input.
    private func readLine() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            // A header line longer than 64 KB is not a header: keep its end only.
            if buffer.count - start > 65_536 { start = buffer.count - 1 }
            guard fill() else { return nil }
        }
    }

    /// Exactly `count` bytes; nil when the input ends first.
    private func readBytes(_ count: Int) -> [UInt8]? {
        buffer.reserveCapacity(start + count)
        while buffer.count - start < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[start..<(start + count)])
        start += count
        return bytes
    }

    /// Reads what the input has (up to ``scratchBytes``); false at its end.
    private func fill() -> Bool {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        var got = 0
        repeat {
            got = Glibc.read(input, scratch, Self.scratchBytes)
        } while got < 0 && errno == EINTR
        guard got > 0 else { return false }
        buffer.append(contentsOf: UnsafeBufferPointer(start: scratch, count: got))
        return true
    }
}
