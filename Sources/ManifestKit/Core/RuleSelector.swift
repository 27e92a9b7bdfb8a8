/// What `--select`, `--ignore` and the configuration's rule lists accept: a rule code (`CL303`), a code
/// prefix that names at least one rule (`CL3`, `CL`), or a rule name (`invalid-bounding-box`), as
/// `clmanifest explain` does.
public enum RuleSelector {
    /// A selector that names no rule, with a suggestion when one is close.
    public struct Unknown: Error, Sendable, Equatable, CustomStringConvertible {
        /// The selector as written.
        public var text: String

        /// The error for the selector `text`.
        public init(text: String) { self.text = text }

        /// One sentence, lowercase.
        public var description: String {
            let trimmed = RuleSelector.trimmed(text)
            if trimmed.isEmpty { return "an empty rule selector; give a rule code, prefix or name such as CL3" }
            let candidates = RuleRegistry.all.flatMap { [$0.description.code, $0.description.name] }
            return "'\(text)' is not a rule code, prefix or name (such as CL3, CL401 or invalid-json)"
                + Suggestion.phrase(for: trimmed, among: candidates)
        }
    }

    /// The code or code prefix `text` selects: upper-cased, or the code of the rule it names.
    public static func resolve(_ text: String) throws(Unknown) -> String {
        let trimmed = Self.trimmed(text)
        let upper = trimmed.uppercased()
        let codes = RuleRegistry.all.map { $0.description.code }
        if !upper.isEmpty, upper.wholeMatch(of: /CL\d{0,3}/) != nil, codes.contains(where: { $0.hasPrefix(upper) }) {
            return upper
        }
        if let rule = RuleRegistry.all.first(where: { $0.description.name == trimmed.lowercased() }) {
            return rule.description.code
        }
        throw Unknown(text: text)
    }

    fileprivate static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
