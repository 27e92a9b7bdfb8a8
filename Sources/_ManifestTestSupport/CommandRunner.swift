package import Foundation

/// Runs the built `clmanifest` executable and captures what it prints.
package enum CommandRunner {
    /// What a run printed and how it exited.
    package struct Result: Sendable {
        package var status: Int32
        package var standardOutput: String
        package var standardError: String
    }

    /// The `clmanifest` binary beside the test bundle in the build products directory.
    package static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        while !directory.path.isEmpty, directory.path != "/" {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("clmanifest")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                return candidate
            }
        }
        return SharedDirectory.packageRoot.appendingPathComponent(".build/debug/clmanifest")
    }

    /// Runs `clmanifest` with `arguments` in the package root (or `directory`), feeding `input` to standard
    /// input.
    ///
    /// The environment is this process's without the colour switches (`FORCE_COLOR`, `NO_COLOR`), so that
    /// output does not depend on where the tests run, plus `environment`.
    package static func run(
        _ arguments: [String], input: [UInt8]? = nil, environment: [String: String] = [:], directory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["FORCE_COLOR"] = nil
        inherited["NO_COLOR"] = nil
        process.environment = inherited.merging(environment) { $1 }
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? SharedDirectory.packageRoot
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        // A child that exits before reading its input must not kill the tests with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        // Feed standard input and drain standard error on other threads, so no pipe can fill up and block.
        let group = DispatchGroup()
        let errorData = DataBox()
        DispatchQueue.global().async(group: group) {
            // A child that exits without reading its input closes the pipe; that is not an error here.
            if let input { try? inputPipe.fileHandleForWriting.write(contentsOf: Data(input)) }
            try? inputPipe.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.data, as: UTF8.self))
    }
}

extension CommandRunner {
    /// Whether permission checks can be tested: not root (which reads every file), or root with `setpriv` to
    /// run clmanifest as `nobody`.
    package static var canTestPermissions: Bool {
        getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    /// Runs `clmanifest` with `arguments` as an unprivileged user: as `nobody` (through `setpriv`) when this
    /// process is root, for tests of files a user may not read; as this user otherwise.
    package static func runUnprivileged(_ arguments: [String]) throws -> Result {
        guard getuid() == 0 else { return try run(arguments) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts `clmanifest` with `arguments` in the package root and returns at once.
    ///
    /// Its output goes to the null device. For tests that stop the process part-way.
    package static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = SharedDirectory.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// Data written by one thread and read by another after a `DispatchGroup.wait()`.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
