/// A rule that looks at each parsed object line of a manifest, once, after the line parsed.
protocol LineRule: Rule {
    /// Appends the rule's findings for `line`.
    static func check(_ line: ManifestLine, into findings: inout [LineFinding])
}
