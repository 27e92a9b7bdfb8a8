/// A rule that can mend what it finds on a line: its `fix` lives in its file, beside its check.
///
/// The engine calls ``fix(_:)`` for each of the rule's findings on a line, with the line as read and parsed;
/// the fix says how sure it is (``Fix/Applicability``) and which bytes it replaces. Each rule shows what its
/// fix does with ``fixExamples``, which the tests run through `fix`.
///
/// ```swift
/// static func fix(_ site: FixSite) -> Fix? {
///     guard let value = site.node, site.kind(of: value) == .true || site.kind(of: value) == .false else { return nil }
///     return Fix(.safe, "write human-annotated as \"yes\" or \"no\"", edits: [site.replacing(value, with: "\"yes\"")])
/// }
/// ```
protocol FixableRule: FixingRule {
    /// The fix for one finding of the rule, or nil when there is none that is sure enough to offer.
    static func fix(_ site: FixSite) -> Fix?
}

/// A rule whose findings carry fixes: a ``FixableRule``, or a manifest rule that makes its fix with its
/// finding (``ManifestFinding/fix``).
protocol FixingRule: Rule {
    /// The kinds of fix the rule offers (most rules one; some offer advice where they cannot edit).
    static var fixApplicabilities: [Fix.Applicability] { get }
    /// What the fix makes of some lines: each example's `before` has a finding of the rule, and `fix` (with
    /// unsafe fixes, this rule's only) makes it `after`.
    static var fixExamples: [FixExample] { get }
}

/// A manifest before and after a rule's fix, for the documentation and the tests.
struct FixExample: Sendable {
    /// The lines before, joined with line feeds (a final one is added when the file is written).
    let before: String
    /// The lines after.
    let after: String
    /// A configuration (`.clmanifest.yml` text) the example needs, such as a lower box limit.
    let configuration: String?
    /// The images the lines name (`s3://bucket/KEY`), for the image rules' fixes.
    let images: [ExampleImage]

    init(_ before: String, _ after: String, configuration: String? = nil, images: [ExampleImage] = []) {
        self.before = before
        self.after = after
        self.configuration = configuration
        self.images = images
    }
}
