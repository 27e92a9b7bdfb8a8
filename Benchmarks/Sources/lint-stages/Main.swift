import ManifestKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lint-stages FILE [RUNS] [STAGE]`: times each stage of `lint` on FILE through the library, in one process.
///
/// Stages: read (split into lines), parse (read + JSON parse), syntax (lint without schemas: reading and
/// JSON rules), lint (everything, as `clmanifest lint` does). Prints the median of RUNS runs of each.
/// With STAGE (a stage's name, such as `lint without schemas`), runs only that stage: for counting its
/// instructions under `valgrind --tool=callgrind`.
@main
enum Main {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            print("usage: lint-stages FILE [RUNS] [STAGE]")
            exit(2)
        }
        let path = arguments[1]
        let runs = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 5) : 5
        let only = arguments.count > 3 ? arguments[3] : nil
        var status = stat()
        guard stat(path, &status) == 0 else {
            print("cannot read \(path)")
            exit(2)
        }
        let megabytes = Double(status.st_size) / 1_000_000

        let stages: [(String, () throws -> Int)] = [
            (
                "read",
                {
                    var lines = 0
                    try JSONLinesReader(path: path).forEachLine { _ in lines += 1 }
                    return lines
                }
            ),
            (
                "read + parse",
                {
                    let parser = JSONParser()
                    var objects = 0
                    try JSONLinesReader(path: path).forEachLine { line in
                        if let document = try? parser.parse(line.bytes), document.root.kind == .object { objects += 1 }
                    }
                    return objects
                }
            ),
            ("lint without schemas", { try ManifestLinter(schemas: nil).lint(path: path).count }),
            ("lint (all)", { try ManifestLinter().lint(path: path).count }),
        ]
        print("| stage | median s | MB/s | × read+parse |")
        print("|---|---:|---:|---:|")
        var parseTime = 0.0
        for (name, stage) in stages where only == nil || name == only {
            var times: [Double] = []
            for _ in 0..<runs {
                let clock = ContinuousClock()
                let start = clock.now
                _ = try stage()
                let elapsed = clock.now - start
                times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            times.sort()
            let median = times[times.count / 2]
            if name == "read + parse" { parseTime = median }
            let ratio = parseTime > 0 ? String(format: "%.2f", median / parseTime) : "–"
            print("| \(name) | \(String(format: "%.3f", median)) | \(Int(megabytes / median)) | \(ratio) |")
        }
    }
}
