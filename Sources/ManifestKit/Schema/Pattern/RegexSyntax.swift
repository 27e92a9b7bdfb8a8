/// The parsed form of an ECMA-262 regular expression (the dialect JSON Schema's `pattern` uses).
indirect enum RegexSyntax: Sendable {
    case empty
    case scalars(ScalarClass)
    case sequence([RegexSyntax])
    case alternatives([RegexSyntax])
    case repetition(RegexSyntax, min: Int, max: Int?)
    case startAnchor
    case endAnchor
}

/// Why a pattern cannot be used: a syntax error or a feature a linear-time matcher cannot offer.
struct RegexSyntaxError: Error, Sendable, Equatable {
    /// One sentence, lowercase, no final period.
    var message: String
}
