/// What each fuzz harness does with one input, shared by the libFuzzer harnesses (`Fuzz/`) and the
/// regression test that replays the inputs kept in `Tests/FuzzRegressions/`.
///
/// Each function must return normally for every input: a crash, a trap or a failed invariant is a bug.
public enum FuzzTargets {
    /// Every harness, by the name its directories use.
    public static let all: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
        ("json-lines", jsonLines),
        ("schema", schema),
        ("configuration", configuration),
        ("lint-line", lintLine),
        ("diff-canonical", diffCanonical),
        ("sigv4", sigV4),
        ("image-header", imageHeader),
        ("fix", fix),
    ]

    /// The harness named `name`.
    public static func named(_ name: String) -> (@Sendable ([UInt8]) -> Void)? {
        all.first { $0.name == name }?.run
    }
}
