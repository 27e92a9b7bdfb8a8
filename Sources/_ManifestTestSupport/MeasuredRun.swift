import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `clmanifest` and measures it: wall time and peak resident memory (from `wait4`).
package enum MeasuredRun {
    /// What a run printed, how it exited, how long it took and its peak resident set.
    package struct Result: Sendable {
        package var status: Int32
        package var standardOutput: String
        package var standardError: String
        package var seconds: Double
        /// The peak resident set of clmanifest itself, in MB; nil when the run ended before a sample was taken
        /// after the shell became clmanifest, so that a limit is never checked against nothing.
        package var peakMegabytes: Double?
    }

    /// Runs `clmanifest arguments` in the package root with standard input from `input` (or /dev/null).
    package static func run(_ arguments: [String], input: String = "/dev/null") throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputPath = directory.appendingPathComponent("out").path
        let errorPath = directory.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // A shell moves to the package root and becomes clmanifest (exec: the same process, so wait4
        // measures clmanifest); the test process's own directory is left alone.
        let executable = "/bin/sh"
        let command = [
            "sh", "-c", #"cd "$0" && exec "$@""#, SharedDirectory.packageRoot.path, CommandRunner.executable.path,
        ]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        // The peak is read from /proc/PID/status (VmHWM, the new image's own high-water mark) while the child
        // runs: wait4's ru_maxrss would include this test process's memory, which a spawned child inherits
        // in its count until exec.
        let peak = PeakWatcher(pid: pid, executable: CommandRunner.executable.resolvingSymlinksInPath().path)
        let watcher = Thread { peak.watch() }
        watcher.start()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        peak.stop()
        let elapsed = ContinuousClock.now - start
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(
            status: exitStatus,
            standardOutput: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "",
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            peakMegabytes: peak.samples > 0 ? Double(peak.kilobytes) / 1024 : nil)
    }
}

/// Reads a running process's VmHWM every few milliseconds and keeps the largest, counting only the samples
/// taken once the process runs `executable` (before its exec, it is the shell).
private final class PeakWatcher: @unchecked Sendable {
    private let path: String
    private let executablePath: String
    private let executable: String
    private let lock = NSLock()
    private var running = true
    private var largest = 0
    private var taken = 0

    init(pid: pid_t, executable: String) {
        path = "/proc/\(pid)/status"
        executablePath = "/proc/\(pid)/exe"
        self.executable = executable
    }

    var kilobytes: Int { lock.withLock { largest } }
    /// How many samples were taken of the executable itself.
    var samples: Int { lock.withLock { taken } }

    func stop() {
        lock.withLock { running = false }
    }

    func watch() {
        while lock.withLock({ running }) {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: executablePath)) == executable,
                let status = try? String(contentsOfFile: path, encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
            {
                lock.withLock {
                    largest = max(largest, value)
                    taken += 1
                }
            }
            usleep(2_000)
        }
    }
}
