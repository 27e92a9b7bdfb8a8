import Foundation

/// A program the tests run from `PATH` (a shell, an editor, a browser), and its output.
package enum InstalledProgram {
    /// The path of the first of `names` found on `PATH`.
    package static func find(_ names: String...) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for name in names {
            for directory in directories {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The path of `name` on `PATH`, or nil after saying why: under CI (where `.ci/run` installs Debian's
    /// `package`) `report` gets it as a failure, elsewhere it is printed as a skip.
    package static func required(_ name: String, package: String, whenMissing report: (String) -> Void) -> String? {
        if let path = find(name) { return path }
        if SharedDirectory.isCI {
            report("no \(name) on PATH: .ci/run installs Debian's \(package)")
        } else {
            print("skipped: no \(name) on PATH (apt-get install \(package))")
        }
        return nil
    }

    /// Runs `path` with `arguments` and returns its standard output (standard error is dropped).
    package static func output(of path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
