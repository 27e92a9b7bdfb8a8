import Foundation

/// A real browser for the tests: Chromium's headless shell (Debian's `chromium-headless-shell`, which
/// `.ci/run` installs), or a full Chromium in headless mode.
package enum HeadlessBrowser {
    /// The browser's path, when one is on `PATH`.
    package static var path: String? {
        InstalledProgram.find("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")
    }

    /// The DOM of the page at `url` once its scripts have run, as HTML.
    package static func dom(of url: String) throws -> String {
        String(decoding: try run(["--dump-dom", url]), as: UTF8.self)
    }

    /// A PNG screenshot of the page at `url` in a window of `width` × `height` pixels, written to `path`.
    package static func screenshot(of url: String, width: Int, height: Int, to path: String) throws {
        _ = try run(["--screenshot=\(path)", "--window-size=\(width),\(height)", "--hide-scrollbars", url])
    }

    /// The width and height a PNG's header gives.
    package static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the browser headless with `arguments`; its standard output.
    private static func run(_ arguments: [String]) throws -> Data {
        guard let path else { throw Failure(description: "no Chromium on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // No sandbox: the tests may run as root, where Chromium's sandbox refuses to start.
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--virtual-time-budget=5000"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: timer)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(path) exited with \(process.terminationStatus)")
        }
        return data
    }
}
