import Foundation
import Testing
import _ManifestTestSupport

/// `rekognition-local` parses its arguments as `clmanifest` does: `--help` helps, bad values are refused.
@Suite struct RekognitionLocalTests {
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = CommandRunner.executable.deletingLastPathComponent()
            .appendingPathComponent("rekognition-local")
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // A server that started would never exit: stop it after a while, and fail below.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 10, execute: watchdog)
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test func helpPrintsHelpAndStartsNothing() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: rekognition-local") && help.output.contains("--fault-rate"))
        #expect(!help.output.contains("endpoint:"), "the server did not start")
    }

    @Test(arguments: [
        (["--fault-rate", "abc"], "--fault-rate"), (["--fault-rate", "2"], "between 0 and 1"),
        (["--no-such-flag"], "Unknown option"), (["--seed", "/no/such/file"], "cannot read the seed manifest"),
    ])
    func badArgumentsAreRefused(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status != 0 && result.status != 15, "refused, not started and stopped")
        #expect(result.error.contains(message), "\(result.error)")
        #expect(!result.output.contains("endpoint:"))
    }
}
