import Foundation
import Testing
import _ManifestTestSupport

/// `docs/man/clmanifest.1` (the wheel's man page) describes the command line as it is.
///
/// `packaging/man-page.sh` writes the page with swift-argument-parser's manual generator, and `.ci/run`
/// compares it with a fresh one (`--check`); this test catches a stale page in every `swift test`: each
/// subcommand, each of its options and each help sentence the binary has must be in the page, under that
/// subcommand.
@Suite struct ManPageTests {
    @Test func theManPageHasEverySubcommandOptionAndHelpText() throws {
        let page = try String(
            contentsOf: SharedDirectory.packageRoot.appendingPathComponent("docs/man/clmanifest.1"), encoding: .utf8)
        let dump = try CommandRunner.run(["--experimental-dump-help"])
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(dump.standardOutput.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        let subcommands = try #require(command["subcommands"] as? [[String: Any]])
        #expect(subcommands.count > 15)
        let stale = "docs/man/clmanifest.1 is stale: run bash packaging/man-page.sh"
        #expect(page.contains(".Nd \"\(command["abstract"] as? String ?? "")\""), "\(stale)")
        let sections = Self.sections(page)
        for subcommand in subcommands {
            let name = try #require(subcommand["commandName"] as? String)
            guard let section = sections[name] else {
                Issue.record("\(stale): no '\(name)' in it")
                continue
            }
            if let abstract = subcommand["abstract"] as? String {
                #expect(section.contains(Self.roff(abstract)), "\(stale): '\(name)' has a new abstract")
            }
            for argument in subcommand["arguments"] as? [[String: Any]] ?? [] {
                guard argument["shouldDisplay"] as? Bool != false else { continue }
                let names = argument["names"] as? [[String: String]] ?? []
                for long in names where long["kind"] == "long" {
                    // `.It Fl -format`, or after the short name: `.It Fl o , -output`.
                    let option = long["name"] ?? ""
                    #expect(
                        section.contains("Fl -\(option)") || section.contains(", -\(option)"),
                        "\(stale): \(name) --\(option)")
                }
                if let abstract = argument["abstract"] as? String, !abstract.isEmpty {
                    #expect(section.contains(Self.roff(abstract)), "\(stale): \(name): '\(abstract)'")
                }
            }
        }
    }

    /// The page's text under each subcommand (from its `.It Em NAME` to the next subcommand's).
    static func sections(_ page: String) -> [String: String] {
        var sections: [String: String] = [:]
        var current: String?
        var depth = 0
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".Bl") { depth += 1 }
            if line.hasPrefix(".El") { depth -= 1 }
            if depth == 1, line.hasPrefix(".It Em ") {
                current = String(line.dropFirst(".It Em ".count))
            }
            if let current { sections[current, default: ""] += line + "\n" }
        }
        return sections
    }

    /// Text as the generator writes it into the page (a backslash doubled, a line-leading dot escaped).
    static func roff(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
    }
}
