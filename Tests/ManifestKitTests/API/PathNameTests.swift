import ManifestKit
import Testing

/// Path arithmetic without Foundation's `NSString` methods, which crash on `.` on Linux.
@Suite struct PathNameTests {
    @Test(arguments: [
        ("a/b.manifest", "a"), ("b.manifest", "."), ("/a", "/"), ("/", "/"), ("a/", "."), ("a//b", "a"),
        ("/a/b/", "/a"), ("x", "."),
    ])
    func directoryOfAPath(path: String, expected: String) {
        #expect(PathName.directory(of: path) == expected)
    }

    @Test func directoryOfDotAndDotDotIsAboveTheWorkingDirectory() {
        let here = PathName.currentDirectory
        let parent = PathName.directory(of: here)
        #expect(PathName.directory(of: ".") == parent)
        #expect(PathName.directory(of: "./") == parent)
        #expect(PathName.directory(of: "..") == PathName.directory(of: parent))
    }

    @Test(arguments: [
        ("a/./b/../c", "/w/a/c"), ("/x/../../y", "/y"), ("..", "/"), (".", "/w"), ("./", "/w"), ("//a//b//", "/a/b"),
    ])
    func absolutePathsAreLexicallyNormal(path: String, expected: String) {
        #expect(PathName.absolute(path, from: "/w") == expected)
    }

    @Test func joinsAndTakesTheLastComponent() {
        #expect(PathName.joined("cfg", "a.yaml") == "cfg/a.yaml")
        #expect(PathName.joined("cfg/", "a.yaml") == "cfg/a.yaml")
        #expect(PathName.joined("cfg", "/abs.yaml") == "/abs.yaml")
        #expect(PathName.joined("", "a.yaml") == "a.yaml")
        #expect(PathName.lastComponent("schemas/extra.yaml") == "extra.yaml")
        #expect(PathName.lastComponent("schemas/") == "schemas")
        #expect(PathName.lastComponent("/") == "/")
    }

    @Test func relativeToABaseDirectory() {
        let here = PathName.currentDirectory
        #expect(PathName.relative("cfg/a.manifest", to: "cfg") == "a.manifest")
        #expect(PathName.relative(here + "/cfg/sub/a.manifest", to: "cfg") == "sub/a.manifest")
        #expect(PathName.relative("/elsewhere/a.manifest", to: "cfg") == "/elsewhere/a.manifest")
    }
}

/// "Did you mean …?" and the rule selectors that use it.
@Suite struct SuggestionTests {
    @Test func findsTheClosestKnownWord() {
        #expect(Suggestion.closest(to: "selct", among: ["select", "ignore"]) == "select")
        #expect(Suggestion.closest(to: "sevrity", among: ["select", "severity"]) == "severity")
        #expect(Suggestion.closest(to: "igonre", among: ["select", "ignore"]) == "ignore")
        #expect(Suggestion.closest(to: "banana", among: ["select", "ignore"]) == nil)
        #expect(Suggestion.phrase(for: "zzz", among: ["select"]) == "")
    }

    @Test func ruleSelectorsTakeCodesPrefixesAndNames() throws {
        #expect(try RuleSelector.resolve("cl3") == "CL3")
        #expect(try RuleSelector.resolve("CL303") == "CL303")
        #expect(try RuleSelector.resolve("invalid-json") == "CL001")
        #expect(try RuleSelector.resolve(" CL4 ") == "CL4")
        #expect(throws: RuleSelector.Unknown.self) { try RuleSelector.resolve("") }
        #expect(throws: RuleSelector.Unknown.self) { try RuleSelector.resolve("CL99") }
        #expect(throws: RuleSelector.Unknown.self) { try RuleSelector.resolve("CL8") }
        let typo = RuleSelector.Unknown(text: "invalid-jsn").description
        #expect(typo.hasSuffix("did you mean 'invalid-json'?"), "\(typo)")
        let code = RuleSelector.Unknown(text: "CL0009").description
        #expect(code.contains("did you mean 'CL009'?"), "\(code)")
    }
}
