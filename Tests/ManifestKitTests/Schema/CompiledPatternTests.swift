import ManifestKit
import Testing

@Suite struct CompiledPatternTests {
    @Test(arguments: [
        ("f.*o", "foo", true), ("f.*o", "fo", true), ("f.*o", "bar", false), ("f.*o", "xxfxxoxx", true),
        ("^á", "ábc", true), ("^á", "xá", false), ("a+", "bab", true), ("a+", "bbb", false),
        ("^a*$", "", true), ("^a*$", "aaa", true), ("^a*$", "aab", false), ("X_", "aX_b", true), ("X_", "ax_", false),
        ("[0-9]{2,}", "a12", true), ("[0-9]{2,}", "a1b2", false), ("^\\p{Letter}+$", "héllo", true),
        ("^\\p{Letter}+$", "h3llo", false), ("^(cat|dog)s?$", "dogs", true), ("^(cat|dog)s?$", "cow", false),
        ("^s3://[a-z0-9.-]{3,63}/.+$", "s3://my-bucket/a.jpg", true),
        ("^s3://[a-z0-9.-]{3,63}/.+$", "s3://MyBucket/a.jpg", false), ("^[^/]+$", "abc", true),
        ("^[^/]+$", "a/c", false),
        ("^\\d{4}-\\d{2}$", "2024-05", true), ("^\\d{4}-\\d{2}$", "2024-5", false), ("a{2}", "aa", true),
        ("a{2}", "ab", false), ("^(a|b)*c$", "ababc", true), ("\\.jpg$", "x.jpg", true), ("\\.jpg$", "xjpg", false),
        ("^$", "", true), ("^$", "a", false), ("[\\s]", "a b", true), ("\\w+@\\w+", "me@host", true),
        ("^😀+$", "😀😀", true), ("^.$", "😀", true), ("^[^a]$", "😀", true), ("a|", "zzz", true),
        ("^(?:ab)+$", "abab", true), ("^(?<year>\\d{4})$", "2024", true), ("\\u00e9", "é", true),
    ])
    func matchesLikeECMAScript(pattern: String, input: String, expected: Bool) throws {
        let compiled = try CompiledPattern(pattern)
        #expect(compiled.matches(input) == expected, "\(pattern) on '\(input)'")
    }

    @Test(arguments: ["(a", "a)", "[a", "*a", "a{3,1}", "\\1", "(?=a)", "a\\b", "\\p{Foo}", "\\q"])
    func rejectsBadOrUnsupportedPatterns(pattern: String) {
        #expect(throws: PatternError.self) { try CompiledPattern(pattern) }
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        let compiled = try CompiledPattern("^(a+)+$")
        let input = String(repeating: "a", count: 50_000) + "!"
        #expect(!compiled.matches(input))
        let nested = try CompiledPattern("^(a|aa)*b$")
        #expect(!nested.matches(String(repeating: "a", count: 50_000)))
    }

    @Test func manyDistinctInputsStayWithinTheStateCache() throws {
        let compiled = try CompiledPattern("(a|b)*a(a|b){12}")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let input = String((0..<200).map { _ in Bool.random(using: &generator) ? "a" : "b" })
            let index = input.index(input.endIndex, offsetBy: -13)
            #expect(compiled.matches(input) == (input[index...].contains("a") || input.dropLast(13).contains("a")))
        }
    }
}
