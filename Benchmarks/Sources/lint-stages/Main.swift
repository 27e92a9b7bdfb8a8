import ManifestKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lint-stages FILE [RUNS] [STAGE]`: times each stage of `lint` on FILE through the library, in one process.
///
/// Runs cumulative passes (read; read + parse; lint without schemas; lint) and the reporters on the
/// findings of the last, takes the median of RUNS runs of each, and prints the stages the issue names as
/// differences of those medians: read/split, parse, rules, schema, report. With STAGE (a pass's name, such
/// as `lint without schemas`), runs only that pass: for counting its instructions under
/// `valgrind --tool=callgrind`.
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
        var findings: [Diagnostic] = []
        let reporters: [any Reporter] = [
            TextReporter(), JSONReporter(), JSONLinesReporter(), SARIFReporter(), GitHubReporter(),
        ]

        let passes: [(String, () throws -> Int)] = [
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
            (
                "lint (all)",
                {
                    findings = try ManifestLinter().lint(path: path)
                    return findings.count
                }
            ),
            ("report (text, json, jsonl, sarif, github)", { reporters.map { $0.render(findings).utf8.count }.reduce(0, +) }),
        ]
        var medians: [String: Double] = [:]
        for (name, pass) in passes where only == nil || name == only {
            var times: [Double] = []
            for _ in 0..<runs {
                let clock = ContinuousClock()
                let start = clock.now
                _ = try pass()
                let elapsed = clock.now - start
                times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            times.sort()
            medians[name] = times[times.count / 2]
        }
        guard only == nil else { return }
        print("Passes (median of \(runs), \(findings.count) findings):\n")
        print("| pass | median s | MB/s |")
        print("|---|---:|---:|")
        for (name, _) in passes {
            let median = medians[name] ?? 0
            print("| \(name) | \(String(format: "%.3f", median)) | \(Int(megabytes / max(median, 1e-9))) |")
        }
        let stages: [(String, Double)] = [
            ("read/split", medians["read"] ?? 0),
            ("parse", (medians["read + parse"] ?? 0) - (medians["read"] ?? 0)),
            ("rules", (medians["lint without schemas"] ?? 0) - (medians["read + parse"] ?? 0)),
            ("schema", (medians["lint (all)"] ?? 0) - (medians["lint without schemas"] ?? 0)),
            ("report (all five formats)", medians["report (text, json, jsonl, sarif, github)"] ?? 0),
        ]
        let total = stages.map(\.1).reduce(0, +)
        print("\nStages, as differences of those medians:\n")
        print("| stage | s | share |")
        print("|---|---:|---:|")
        for (name, seconds) in stages {
            print("| \(name) | \(String(format: "%.3f", seconds)) | \(Int((100 * seconds / max(total, 1e-9)).rounded()))% |")
        }
    }
}
